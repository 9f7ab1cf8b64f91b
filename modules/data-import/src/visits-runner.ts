import { type Actor, clinicInstant, localDate } from '@petfriendly/core';
import { alreadyThere, attempt, attemptCheck, type ImportDeps, type Outcome, petsOf, type Runner, sameAsLine } from './runner-kit';
import { dayAndTime, nameKey, normalise } from './values';

/**
 * Past visits from the previous system: the pet by its owner and name (species when given), the day (and
 * time) in the clinic's zone, reason, notes, diagnosis, treatment and weight, recorded through the clinical
 * record as imported history. The same pet, day and reason twice (in the file or the clinic) is a duplicate.
 */
export function visitsRunner(deps: ImportDeps, actor: Actor, dryRun: boolean, timeZone: string): Runner {
  const seen = new Map<string, number>();
  return async (rows) => {
    const petIds = await petsOf(deps, rows);
    const existing = await deps.vet.petImport.visitsOfPets(petIds.filter((p): p is number => typeof p === 'number'));
    const known = new Set(existing.map((e) => `${e.petId}|${localDate(e.visitDate, timeZone)}|${nameKey(e.reason)}`));
    const outcomes: Outcome[] = [];
    for (const [i, { line, values: v }] of rows.entries()) {
      const petId = petIds[i]!;
      if (typeof petId !== 'number') {
        outcomes.push({ status: 'failed', errors: [petId] });
        continue;
      }
      const { day, time } = dayAndTime(v.visitDate ?? '');
      const k = `${petId}|${day}|${nameKey(v.reason ?? '')}`;
      if (seen.has(k)) {
        outcomes.push({ status: 'duplicate', entityId: null, errors: [sameAsLine('visitDate', seen.get(k)!)] });
        continue;
      }
      if (known.has(k)) {
        outcomes.push({ status: 'duplicate', entityId: null, errors: [alreadyThere('visitDate')] });
        continue;
      }
      seen.set(k, line);
      const validDay = realDay(day) && /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
      const input = {
        reason: v.reason,
        // Not a day we can read: passed on as written, for the record's own check to name it.
        visitDate: validDay ? clinicInstant(day, time, timeZone) : v.visitDate,
        subjective: v.notes,
        assessment: v.diagnosis,
        plan: v.treatment,
        vitals: v.weightKg ? { weightKg: normalise.decimal(v.weightKg) } : undefined,
      };
      outcomes.push(
        dryRun
          ? await attemptCheck(() => deps.vet.records.checkImportedVisit(input))
          : await attempt(async () => String((await deps.vet.records.addImportedVisit(petId, input, actor)).id)),
      );
    }
    return outcomes;
  };
}

/** YYYY-MM-DD naming a day the calendar has (not 2024-02-30). */
const realDay = (day: string) => /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
