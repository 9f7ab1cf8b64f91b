import { daysBetween, type LocalDate } from '@petfriendly/core';
import { addLocalMonths, addLocalWeeks, maxDate } from './dates';
import type { VaccineCategory, VaccineProtocol } from './protocols';

export interface GivenDose {
  protocolCode: string | null;
  administeredDate: LocalDate;
}

export type VaccinationStatus = 'overdue' | 'due_soon' | 'upcoming';

export interface VaccinationDue {
  protocolCode: string;
  vaccineName: string;
  category: VaccineCategory;
  /** primary = part of the puppy/kitten series or the initial adult doses. */
  dose: 'primary' | 'booster';
  /** 1-based within the primary series; for boosters, boosters so far + 1. */
  doseNumber: number;
  dueDate: LocalDate;
  status: VaccinationStatus;
}

export interface NextDose {
  dose: 'primary' | 'booster';
  doseNumber: number;
  dueDate: LocalDate;
}

export interface VaccinationScheduleInput {
  species: string;
  /** Unknown date of birth: the pet is treated as an adult. */
  dateOfBirth: LocalDate | null;
  today: LocalDate;
  protocols: VaccineProtocol[];
  given: GivenDose[];
  /** Days ahead that count as `due_soon`; default 30. */
  dueSoonDays?: number;
  /**
   * true: every non-core protocol of the species; false: none;
   * undefined (default): a non-core protocol only if the pet ever received it. Core and rabies always.
   */
  includeNonCore?: boolean;
}

export const DEFAULT_DUE_SOON_DAYS = 30;

function dosesOf(protocol: VaccineProtocol, given: GivenDose[]): LocalDate[] {
  return given
    .filter((d) => d.protocolCode !== null && d.protocolCode === protocol.code)
    .map((d) => d.administeredDate)
    .sort();
}

/**
 * The next dose of one protocol, from its dose history (dates sorted ascending).
 * The primary series is complete once a dose was given at seriesUntilWeeks or older AND at least
 * adultInitialDoses doses were given; later doses are boosters.
 */
export function nextDoseFor(protocol: VaccineProtocol, dateOfBirth: LocalDate | null, doses: LocalDate[], today: LocalDate): NextDose {
  const eligibleOn = dateOfBirth ? addLocalWeeks(dateOfBirth, protocol.firstDoseWeeks) : null;
  const seriesAgeOn = dateOfBirth ? addLocalWeeks(dateOfBirth, protocol.seriesUntilWeeks) : null;
  const notBeforeEligible = (date: LocalDate) => (eligibleOn ? maxDate(date, eligibleOn) : date);

  let primaryCount = 0;
  let reachedSeriesAge = false;
  let completedOn: LocalDate | null = null;
  let boosters = 0;
  for (const date of doses) {
    if (completedOn) {
      boosters += 1;
      continue;
    }
    primaryCount += 1;
    if (!seriesAgeOn || date >= seriesAgeOn) reachedSeriesAge = true;
    if (reachedSeriesAge && primaryCount >= protocol.adultInitialDoses) completedOn = date;
  }

  const latest = doses[doses.length - 1];
  if (!latest) {
    // Never vaccinated: due from the day the pet is old enough (or today when the age is unknown).
    return { dose: 'primary', doseNumber: 1, dueDate: eligibleOn ?? today };
  }
  if (!completedOn) {
    const dueDate = notBeforeEligible(addLocalWeeks(latest, protocol.seriesIntervalWeeks));
    return { dose: 'primary', doseNumber: primaryCount + 1, dueDate };
  }
  const dueDate = boosters === 0 ? addLocalMonths(completedOn, protocol.firstBoosterMonths) : addLocalMonths(latest, protocol.boosterIntervalMonths);
  return { dose: 'booster', doseNumber: boosters + 1, dueDate: notBeforeEligible(dueDate) };
}

export function dueStatus(dueDate: LocalDate, today: LocalDate, dueSoonDays = DEFAULT_DUE_SOON_DAYS): VaccinationStatus {
  const days = daysBetween(today, dueDate);
  if (days < 0) return 'overdue';
  return days <= dueSoonDays ? 'due_soon' : 'upcoming';
}

function applies(protocol: VaccineProtocol, hasDoses: boolean, includeNonCore: boolean | undefined): boolean {
  if (protocol.category !== 'non_core') return true;
  return includeNonCore ?? hasDoses;
}

/** One entry per applicable protocol of the species — the next dose due — sorted by due date. */
export function vaccinationSchedule(input: VaccinationScheduleInput): VaccinationDue[] {
  const { species, dateOfBirth, today, given, includeNonCore } = input;
  const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const entries: VaccinationDue[] = [];
  for (const protocol of input.protocols) {
    if (protocol.species !== species) continue;
    const doses = dosesOf(protocol, given);
    if (!applies(protocol, doses.length > 0, includeNonCore)) continue;
    const next = nextDoseFor(protocol, dateOfBirth, doses, today);
    entries.push({
      protocolCode: protocol.code,
      vaccineName: protocol.name,
      category: protocol.category,
      dose: next.dose,
      doseNumber: next.doseNumber,
      dueDate: next.dueDate,
      status: dueStatus(next.dueDate, today, dueSoonDays),
    });
  }
  return entries.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.protocolCode.localeCompare(b.protocolCode));
}

/**
 * next_due_date to store when a vaccination is recorded. `given` includes the new dose;
 * null when the history holds no dose of this protocol.
 */
export function nextDueAfterDose(input: { protocol: VaccineProtocol; dateOfBirth: LocalDate | null; given: GivenDose[] }): LocalDate | null {
  const doses = dosesOf(input.protocol, input.given);
  const latest = doses[doses.length - 1];
  if (!latest) return null;
  return nextDoseFor(input.protocol, input.dateOfBirth, doses, latest).dueDate;
}
