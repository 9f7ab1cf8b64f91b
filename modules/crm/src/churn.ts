import { ageOn, daysBetween, type LocalDate } from '@petfriendly/core';
import type { ChurnReason, ChurnRisk } from './crm.tables';

export interface PetCadence {
  name: string;
  species: string;
  dateOfBirth: LocalDate | null;
  /** Days the pet came in, oldest first. */
  visitDates: LocalDate[];
  nextVaccineName: string | null;
  nextVaccineDue: LocalDate | null;
}

const RANK: Record<ChurnRisk, number> = { low: 0, medium: 1, high: 2 };

/**
 * Days between visits a pet is expected to keep: its own rhythm once it has three visits (the median
 * interval, within a month and eighteen months); before that by age: young animals in their vaccine
 * series every three months, seniors of dogs and cats twice a year, the rest once a year.
 */
export function expectedInterval(pet: PetCadence, today: LocalDate): number {
  if (pet.visitDates.length >= 3) {
    const gaps = pet.visitDates.slice(1).map((d, i) => daysBetween(pet.visitDates[i]!, d));
    const sorted = gaps.sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
    return Math.min(540, Math.max(30, median));
  }
  const years = pet.dateOfBirth ? ageOn(pet.dateOfBirth, today).years : null;
  if (years !== null && years < 1) return 90;
  if (years !== null && years >= 8 && (pet.species === 'dog' || pet.species === 'cat')) return 180;
  return 365;
}

function petRisk(pet: PetCadence, today: LocalDate): { risk: ChurnRisk; reason: ChurnReason } | null {
  const last = pet.visitDates.at(-1) ?? null;
  const overdue = pet.nextVaccineDue && pet.nextVaccineDue < today ? daysBetween(pet.nextVaccineDue, today) : null;
  if (!last && overdue === null) return null;
  const expected = expectedInterval(pet, today);
  const since = last ? daysBetween(last, today) : null;
  const ratio = since === null ? 0 : since / expected;
  const risk: ChurnRisk = ratio >= 2 || (overdue ?? 0) > 60 ? 'high' : ratio >= 1.25 || overdue !== null ? 'medium' : 'low';
  return {
    risk,
    reason: {
      petName: pet.name,
      daysSinceVisit: since,
      expectedDays: last ? expected : null,
      vaccineName: overdue !== null ? pet.nextVaccineName : null,
      vaccineOverdueDays: overdue,
    },
  };
}

/** An owner's churn risk: that of their pet most behind its own rhythm (null when no pet has a history). */
export function churnRisk(pets: PetCadence[], today: LocalDate): { risk: ChurnRisk; reason: ChurnReason } | null {
  let worst: { risk: ChurnRisk; reason: ChurnReason; score: number } | null = null;
  for (const pet of pets) {
    const r = petRisk(pet, today);
    if (!r) continue;
    const score = RANK[r.risk] * 100_000 + (r.reason.daysSinceVisit ?? 0) + (r.reason.vaccineOverdueDays ?? 0);
    if (!worst || score > worst.score) worst = { ...r, score };
  }
  return worst && { risk: worst.risk, reason: worst.reason };
}
