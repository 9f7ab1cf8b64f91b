import { addLocalDays, type LocalDate } from '@petfriendly/core';
import { addLocalMonths, addLocalWeeks, maxDate, minDate } from '../vaccination/dates';
import type { ChecklistItem, TravelPet } from './checklist';
import type { RabiesRule, TitreRule } from './requirements';

interface ValidityChain {
  /** Dose that started the chain (the primary vaccination). */
  primaryDate: LocalDate;
  latestDate: LocalDate;
  validFrom: LocalDate;
  validUntil: LocalDate;
  /** Doses of the primary course: the first, then each at least `minDaysBetweenDoses` after the previous. */
  course: LocalDate[];
}

/**
 * A dose given while the previous one is still valid extends the chain; one given after it lapsed
 * is a new primary vaccination and restarts the waiting period (Reg. 576/2013 Annex III).
 * Validity runs through the anniversary date, the same day the schedule asks for the booster.
 */
function validityChain(rule: RabiesRule, doses: LocalDate[]): ValidityChain | null {
  let chain = null as ValidityChain | null;
  for (const date of doses) {
    const validUntil = addLocalMonths(date, rule.validityMonths);
    if (chain && date <= chain.validUntil) {
      const last = chain.course[chain.course.length - 1]!;
      const counts = chain.course.length < rule.doses && date >= addLocalDays(last, rule.minDaysBetweenDoses);
      chain = { ...chain, latestDate: date, validUntil, course: counts ? [...chain.course, date] : chain.course };
    } else {
      const validFrom = addLocalDays(date, rule.waitDaysAfterPrimary);
      chain = { primaryDate: date, latestDate: date, validFrom, validUntil, course: [date] };
    }
  }
  return chain;
}

/** The doses that count by the travel date (old enough; after the chip where asked) and the chain they form. */
function rabiesChain(rule: RabiesRule, pet: TravelPet, travelDate: LocalDate) {
  const eligibleOn = pet.dateOfBirth ? addLocalWeeks(pet.dateOfBirth, rule.minAgeWeeks) : null;
  const chipDate = pet.microchipNumber ? pet.microchipImplantedOn : null;
  const ageValid = [...pet.rabiesDoses].sort().filter((d) => d <= travelDate && (!eligibleOn || d >= eligibleOn));
  const counted = rule.afterMicrochip ? ageValid.filter((d) => chipDate !== null && d >= chipDate) : ageValid;
  const notCounted = rule.afterMicrochip ? ageValid.filter((d) => chipDate === null || d < chipDate) : [];
  return { eligibleOn, notCounted, chain: validityChain(rule, counted) };
}

/** Days before arrival by which the first dose of a course is due: its wait, any titre wait after it, the gaps between doses. */
export function firstDoseLeadDays(rule: RabiesRule, titre: TitreRule | null): number {
  return Math.max(rule.waitDaysAfterPrimary, titre?.waitDays ?? 0) + (rule.doses - 1) * rule.minDaysBetweenDoses;
}

export function deadlineStatus(dueBy: LocalDate, latest: LocalDate, today: LocalDate): ChecklistItem['status'] {
  if (latest < today) return 'blocked';
  return dueBy < today ? 'overdue' : 'pending';
}

/** The rabies checklist item for one destination rule, worked back from the travel date. */
export function assessRabies(rule: RabiesRule, titre: TitreRule | null, pet: TravelPet, travelDate: LocalDate, today: LocalDate): ChecklistItem {
  const mandatory = rule.mandatory;
  const dob = pet.dateOfBirth;
  if (rule.requiredFromAgeMonths !== null && dob && addLocalMonths(dob, rule.requiredFromAgeMonths) > travelDate) {
    const params = { months: rule.requiredFromAgeMonths };
    return { key: 'checklist.rabies_not_required', params, dueBy: null, status: 'done', mandatory };
  }

  const { eligibleOn, notCounted, chain } = rabiesChain(rule, pet, travelDate);
  const wait = rule.waitDaysAfterPrimary;
  const complete = chain !== null && chain.course.length >= rule.doses;

  if (chain && complete && chain.validFrom <= travelDate && travelDate <= chain.validUntil) {
    const params = { date: chain.latestDate, validUntil: chain.validUntil };
    return { key: 'checklist.rabies_valid', params, dueBy: null, status: 'done', mandatory };
  }
  if (chain && chain.validFrom > travelDate) {
    // Any further dose would be a booster inside the chain, so the wait cannot be shortened.
    const params = { date: chain.primaryDate, validFrom: chain.validFrom, days: wait };
    return { key: 'checklist.rabies_wait_not_met', params, dueBy: null, status: 'blocked', mandatory };
  }

  const gap = rule.minDaysBetweenDoses;
  const courseLead = Math.max(wait, titre?.waitDays ?? 0);
  if (chain && !complete) {
    const last = chain.course[chain.course.length - 1]!;
    const from = maxDate(today, addLocalDays(last, gap));
    const remaining = rule.doses - chain.course.length;
    const dueBy = minDate(chain.validUntil, addLocalDays(travelDate, -Math.max(courseLead + (remaining - 1) * gap, 1)));
    // Past the first dose's validity the course starts again, handled below as if nothing was given.
    if (from <= chain.validUntil) {
      const params = { date: last, from, dueBy };
      return { key: 'checklist.rabies_next_dose', params, dueBy, status: from > dueBy ? 'blocked' : 'pending', mandatory };
    }
  }

  // Practical deadline: at least the day before departure even when no wait applies.
  const firstLead = firstDoseLeadDays(rule, titre);
  const primaryDueBy = addLocalDays(travelDate, -Math.max(firstLead, 1));
  const primaryLatest = addLocalDays(travelDate, -firstLead);

  if (chain && complete) {
    // Lapses before travel: a booster before it lapses needs no wait, a later one is a new primary.
    const dueBy = maxDate(chain.validUntil, primaryDueBy);
    const latest = maxDate(chain.validUntil, primaryLatest);
    const params = { validUntil: chain.validUntil, dueBy };
    return { key: 'checklist.rabies_booster', params, dueBy, status: deadlineStatus(dueBy, latest, today), mandatory };
  }

  if (eligibleOn && eligibleOn > primaryLatest) {
    const params = { eligibleOn, minAgeWeeks: rule.minAgeWeeks, dueBy: primaryLatest };
    return { key: 'checklist.rabies_too_young', params, dueBy: primaryLatest, status: 'blocked', mandatory };
  }
  const status = deadlineStatus(primaryDueBy, primaryLatest, today);
  const lastBeforeChip = notCounted[notCounted.length - 1];
  if (lastBeforeChip) {
    const params = { date: lastBeforeChip, dueBy: primaryDueBy };
    return { key: 'checklist.rabies_before_microchip', params, dueBy: primaryDueBy, status, mandatory };
  }
  const from = eligibleOn ? maxDate(today, eligibleOn) : today;
  if (rule.doses > 1) {
    const params = { from, dueBy: primaryDueBy, doses: rule.doses, days: gap };
    return { key: 'checklist.rabies_course_needed', params, dueBy: primaryDueBy, status, mandatory };
  }
  const params = { from, dueBy: primaryDueBy };
  return { key: 'checklist.rabies_needed', params, dueBy: primaryDueBy, status, mandatory };
}

/**
 * The antibody test: a passing sample taken once the current course is complete (a course that lapsed and
 * restarted needs a new one), then `waitDays` before entry and valid `validityMonths` from the sample.
 */
export function assessTitre(titre: TitreRule, rule: RabiesRule, pet: TravelPet, travelDate: LocalDate, today: LocalDate): ChecklistItem {
  const mandatory = true;
  const { eligibleOn, chain } = rabiesChain(rule, pet, travelDate);
  const gap = rule.minDaysBetweenDoses;
  const completedOn = chain && chain.course.length >= rule.doses ? chain.course[rule.doses - 1]! : null;
  const sampled = completedOn
    ? pet.rabiesTitres
        .filter((t) => t.iuPerMl >= titre.minIuPerMl && t.sampledOn >= completedOn && t.sampledOn <= travelDate)
        .map((t) => t.sampledOn)
        .sort()
        .at(-1)
    : undefined;
  if (sampled) {
    const validFrom = addLocalDays(sampled, titre.waitDays);
    const validUntil = addLocalMonths(sampled, titre.validityMonths);
    if (validFrom > travelDate) {
      const params = { date: sampled, validFrom, days: titre.waitDays };
      return { key: 'checklist.rabies_titre_wait_not_met', params, dueBy: null, status: 'blocked', mandatory };
    }
    if (travelDate <= validUntil) {
      return { key: 'checklist.rabies_titre_valid', params: { date: sampled, validUntil }, dueBy: null, status: 'done', mandatory };
    }
  }
  // The sample can be taken the day the course is complete, or will be once the remaining doses are given.
  const last = chain?.course[chain.course.length - 1];
  const nextDose = last ? maxDate(today, addLocalDays(last, gap)) : null;
  const courseGoesOn = chain && !completedOn && nextDose && nextDose <= chain.validUntil;
  const readyOn =
    completedOn ??
    (courseGoesOn
      ? addLocalDays(nextDose, (rule.doses - chain.course.length - 1) * gap)
      : addLocalDays(eligibleOn ? maxDate(today, eligibleOn) : today, (rule.doses - 1) * gap));
  const from = maxDate(today, readyOn);
  const dueBy = addLocalDays(travelDate, -titre.waitDays);
  if (from > dueBy) {
    return { key: 'checklist.rabies_titre_too_late', params: { dueBy, days: titre.waitDays }, dueBy, status: 'blocked', mandatory };
  }
  const params = { from, dueBy, days: titre.waitDays };
  return { key: 'checklist.rabies_titre_needed', params, dueBy, status: 'pending', mandatory };
}
