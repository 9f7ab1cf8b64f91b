import { addLocalDays, type LocalDate } from '@petfriendly/core';
import { type NextDose, nextDoseFor, type VaccineProtocol } from '@petfriendly/vet-clinic';
import { maxDate, openDay, type Rng } from './random';

/** A row of vet_clinic.vaccine_protocols (what `records.protocols()` returns). */
export type ProtocolRule = VaccineProtocol;

/** The next dose after `doses` (sorted), by the vet-clinic schedule's own rule. */
export function nextDose(protocol: ProtocolRule, dateOfBirth: LocalDate, doses: readonly LocalDate[]): NextDose {
  return nextDoseFor(protocol, dateOfBirth, [...doses], dateOfBirth);
}

export interface GivenDose {
  protocol: ProtocolRule;
  dose: 'primary' | 'booster';
  doseNumber: number;
  /** When the following dose falls due (stored as next_due_date). */
  nextDue: LocalDate;
}

export interface VaccinationVisit {
  date: LocalDate;
  doses: GivenDose[];
}

/**
 * The vaccination visits of a pet that was a patient from `from` and kept its vaccines up to
 * `until`: each visit comes a few days after the earliest due dose and gives every dose due by then
 * (boosters up to a month early, so vaccines cluster as they do in practice). Nothing on or after `today`.
 */
export function simulateVaccinations(
  rng: Rng,
  protocols: readonly ProtocolRule[],
  dateOfBirth: LocalDate,
  from: LocalDate,
  until: LocalDate,
  today: LocalDate,
): VaccinationVisit[] {
  if (protocols.length === 0) return [];
  const given = new Map<string, LocalDate[]>(protocols.map((p) => [p.code, []]));
  const visits: VaccinationVisit[] = [];
  let cursor = from;
  for (let guard = 0; guard < 80; guard++) {
    const due = protocols.map((protocol) => ({ protocol, ...nextDose(protocol, dateOfBirth, given.get(protocol.code)!) }));
    const earliest = due.reduce((a, b) => (b.dueDate < a.dueDate ? b : a));
    const delay = earliest.dose === 'primary' ? rng.int(0, 5) : rng.int(-10, 25);
    const date = openDay(maxDate(cursor, addLocalDays(earliest.dueDate, delay)));
    if (date > until || date >= today) break;
    const doses: GivenDose[] = [];
    for (const item of due) {
      const window = item.dose === 'primary' ? item.dueDate : addLocalDays(item.dueDate, -30);
      if (window > date) continue;
      const history = given.get(item.protocol.code)!;
      history.push(date);
      doses.push({ protocol: item.protocol, dose: item.dose, doseNumber: item.doseNumber, nextDue: nextDose(item.protocol, dateOfBirth, history).dueDate });
    }
    if (doses.length) visits.push({ date, doses });
    cursor = addLocalDays(date, 14);
  }
  return visits;
}
