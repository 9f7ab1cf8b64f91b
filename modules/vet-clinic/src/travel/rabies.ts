import { addLocalDays, type LocalDate } from '@petfriendly/core';
import { addLocalMonths, addLocalWeeks, maxDate } from '../vaccination/dates';
import type { ChecklistItem, TravelPet } from './checklist';
import type { RabiesRule } from './requirements';

interface ValidityChain {
  /** Dose that started the chain (the primary vaccination). */
  primaryDate: LocalDate;
  latestDate: LocalDate;
  validFrom: LocalDate;
  validUntil: LocalDate;
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
      chain = { ...chain, latestDate: date, validUntil };
    } else {
      const validFrom = addLocalDays(date, rule.waitDaysAfterPrimary);
      chain = { primaryDate: date, latestDate: date, validFrom, validUntil };
    }
  }
  return chain;
}

export function deadlineStatus(dueBy: LocalDate, latest: LocalDate, today: LocalDate): ChecklistItem['status'] {
  if (latest < today) return 'blocked';
  return dueBy < today ? 'overdue' : 'pending';
}

/** The rabies checklist item for one destination rule, worked back from the travel date. */
export function assessRabies(rule: RabiesRule, pet: TravelPet, travelDate: LocalDate, today: LocalDate): ChecklistItem {
  const mandatory = rule.mandatory;
  const dob = pet.dateOfBirth;
  if (rule.requiredFromAgeMonths !== null && dob && addLocalMonths(dob, rule.requiredFromAgeMonths) > travelDate) {
    const params = { months: rule.requiredFromAgeMonths };
    return { key: 'checklist.rabies_not_required', params, dueBy: null, status: 'done', mandatory };
  }

  const eligibleOn = dob ? addLocalWeeks(dob, rule.minAgeWeeks) : null;
  const chipDate = pet.microchipNumber ? pet.microchipImplantedOn : null;
  const ageValid = [...pet.rabiesDoses].sort().filter((d) => d <= travelDate && (!eligibleOn || d >= eligibleOn));
  const counted = rule.afterMicrochip ? ageValid.filter((d) => chipDate !== null && d >= chipDate) : ageValid;
  const chain = validityChain(rule, counted);
  const wait = rule.waitDaysAfterPrimary;

  if (chain && chain.validFrom <= travelDate && travelDate <= chain.validUntil) {
    const params = { date: chain.latestDate, validUntil: chain.validUntil };
    return { key: 'checklist.rabies_valid', params, dueBy: null, status: 'done', mandatory };
  }
  if (chain && chain.validFrom > travelDate) {
    // Any further dose would be a booster inside the chain, so the wait cannot be shortened.
    const params = { date: chain.primaryDate, validFrom: chain.validFrom, days: wait };
    return { key: 'checklist.rabies_wait_not_met', params, dueBy: null, status: 'blocked', mandatory };
  }

  // Practical deadline: at least the day before departure even when no wait applies.
  const primaryDueBy = addLocalDays(travelDate, -Math.max(wait, 1));
  const primaryLatest = addLocalDays(travelDate, -wait);

  if (chain) {
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
  const notCounted = rule.afterMicrochip ? ageValid.filter((d) => chipDate === null || d < chipDate) : [];
  const lastBeforeChip = notCounted[notCounted.length - 1];
  if (lastBeforeChip) {
    const params = { date: lastBeforeChip, dueBy: primaryDueBy };
    return { key: 'checklist.rabies_before_microchip', params, dueBy: primaryDueBy, status, mandatory };
  }
  const from = eligibleOn ? maxDate(today, eligibleOn) : today;
  const params = { from, dueBy: primaryDueBy };
  return { key: 'checklist.rabies_needed', params, dueBy: primaryDueBy, status, mandatory };
}
