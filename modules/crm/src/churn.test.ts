import { describe, expect, it } from 'vitest';
import { churnRisk, expectedInterval, type PetCadence } from './churn';

const today = '2026-03-10';
const pet = (over: Partial<PetCadence>): PetCadence => ({
  name: 'Rocky',
  species: 'dog',
  dateOfBirth: '2020-01-01',
  visitDates: [],
  nextVaccineName: null,
  nextVaccineDue: null,
  ...over,
});

describe("churn risk from each pet's cadence", () => {
  it('expects a yearly visit from an adult, quarterly from a puppy, twice a year from a senior dog', () => {
    expect(expectedInterval(pet({}), today)).toBe(365);
    expect(expectedInterval(pet({ dateOfBirth: '2025-10-01' }), today)).toBe(90);
    expect(expectedInterval(pet({ dateOfBirth: '2016-01-01' }), today)).toBe(180);
    expect(expectedInterval(pet({ species: 'bird', dateOfBirth: '2016-01-01' }), today)).toBe(365);
  });

  it("learns a pet's own rhythm from three visits (the median gap)", () => {
    expect(expectedInterval(pet({ visitDates: ['2025-01-01', '2025-03-02', '2025-05-01'] }), today)).toBe(60);
  });

  it('is low on time, medium when late or a vaccine is overdue, high when far behind', () => {
    expect(churnRisk([pet({ visitDates: ['2025-12-01'] })], today)?.risk).toBe('low');
    expect(churnRisk([pet({ visitDates: ['2024-12-01'] })], today)?.risk).toBe('medium');
    expect(churnRisk([pet({ visitDates: ['2023-12-01'] })], today)?.risk).toBe('high');
    const vaccine = churnRisk([pet({ visitDates: ['2025-12-01'], nextVaccineName: 'Rabia', nextVaccineDue: '2026-03-01' })], today);
    expect(vaccine).toEqual({
      risk: 'medium',
      reason: { petName: 'Rocky', daysSinceVisit: 99, expectedDays: 365, vaccineName: 'Rabia', vaccineOverdueDays: 9 },
    });
  });

  it('follows the pet most behind, and knows nothing of owners whose pets have no history', () => {
    const r = churnRisk([pet({ name: 'Michi', visitDates: ['2026-02-01'] }), pet({ name: 'Canela', visitDates: ['2023-01-01'] })], today);
    expect(r?.reason.petName).toBe('Canela');
    expect(r?.risk).toBe('high');
    expect(churnRisk([pet({})], today)).toBeNull();
  });
});
