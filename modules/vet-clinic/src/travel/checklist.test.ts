import { describe, expect, it } from 'vitest';
import { buildTravelChecklist, type ChecklistItem, type TravelPet } from './checklist';
import type { Destination } from './requirements';

const TODAY = '2025-06-01';
const CHIP = '985112003456789';

const dog = (overrides: Partial<TravelPet> = {}): TravelPet => ({
  species: 'dog',
  dateOfBirth: '2021-01-01',
  microchipNumber: CHIP,
  microchipImplantedOn: '2021-03-01',
  rabiesDoses: ['2025-01-10'],
  rabiesTitres: [],
  ...overrides,
});
const cat = (overrides: Partial<TravelPet> = {}): TravelPet => dog({ species: 'cat', ...overrides });

const run = (destination: Destination, travelDate: string, pet: TravelPet, today = TODAY) => buildTravelChecklist({ destination, travelDate, today, pet });
const summary = (items: ChecklistItem[]) => items.map((i) => `${i.key.replace('checklist.', '')}:${i.status}`);
const item = (items: ChecklistItem[], key: string) => items.find((i) => i.key === `checklist.${key}`);

describe('buildTravelChecklist — ready pets', () => {
  it.each([
    {
      name: 'adult dog to the US',
      destination: 'US' as const,
      pet: dog(),
      expected: ['min_age:done', 'microchip:done', 'rabies_valid:done', 'cdc_dog_import_form:pending', 'health_certificate:pending'],
    },
    { name: 'adult dog to the EU', destination: 'EU' as const, pet: dog(), expected: ['microchip:done', 'rabies_valid:done', 'eu_health_certificate:pending'] },
    { name: 'adult cat to the EU', destination: 'EU' as const, pet: cat(), expected: ['microchip:done', 'rabies_valid:done', 'eu_health_certificate:pending'] },
    { name: 'adult dog to Canada', destination: 'CA' as const, pet: dog(), expected: ['microchip:done', 'rabies_valid:done', 'health_certificate:pending'] },
    {
      name: 'cat to the US: no chip, no rabies, still feasible',
      destination: 'US' as const,
      pet: cat({ microchipNumber: null, microchipImplantedOn: null, rabiesDoses: [] }),
      expected: ['rabies_needed:pending', 'health_certificate:pending'],
    },
  ])('$name', ({ destination, pet, expected }) => {
    const result = run(destination, '2025-07-01', pet);
    expect(summary(result.items)).toEqual(expected);
    expect(result).toMatchObject({ feasible: true, earliestFeasibleDate: null });
  });

  it('dates are worked back from the travel date', () => {
    const { items } = run('US', '2025-07-01', dog());
    expect(item(items, 'cdc_dog_import_form')).toMatchObject({ dueBy: '2025-06-29', params: { from: '2025-06-21', to: '2025-06-29' } });
    expect(item(items, 'health_certificate')).toMatchObject({ dueBy: '2025-06-30', params: { from: '2025-06-21', to: '2025-06-30' }, mandatory: false });
    expect(item(items, 'rabies_valid')).toMatchObject({ params: { date: '2025-01-10', validUntil: '2026-01-10' }, mandatory: false });
    expect(item(run('EU', '2025-07-01', dog()).items, 'eu_health_certificate')).toMatchObject({
      mandatory: true,
      params: { from: '2025-06-21', to: '2025-06-30' },
    });
  });
});

describe('buildTravelChecklist — EU rabies and microchip', () => {
  it.each([
    {
      name: 'rabies before the chip does not count: revaccinate by T-21',
      pet: dog({ microchipImplantedOn: '2025-04-01', rabiesDoses: ['2025-03-01'] }),
      travel: '2025-08-01',
      rabies: { key: 'checklist.rabies_before_microchip', status: 'pending', dueBy: '2025-07-11', params: { date: '2025-03-01', dueBy: '2025-07-11' } },
      feasible: true,
      earliest: null,
    },
    {
      name: 'rabies before the chip, too late to revaccinate: blocked',
      pet: dog({ microchipImplantedOn: '2025-04-01', rabiesDoses: ['2025-03-01'] }),
      travel: '2025-06-15',
      rabies: { key: 'checklist.rabies_before_microchip', status: 'blocked', dueBy: '2025-05-25' },
      feasible: false,
      earliest: '2025-06-22',
    },
    {
      name: 'chip and rabies on the same day count',
      pet: dog({ microchipImplantedOn: '2025-03-01', rabiesDoses: ['2025-03-01'] }),
      travel: '2025-07-01',
      rabies: { key: 'checklist.rabies_valid', status: 'done' },
      feasible: true,
      earliest: null,
    },
    {
      name: 'primary given 12 days ago: the 21 days end after travel',
      pet: dog({ microchipImplantedOn: '2025-01-01', rabiesDoses: ['2025-05-20'] }),
      travel: '2025-06-05',
      rabies: { key: 'checklist.rabies_wait_not_met', status: 'blocked', params: { date: '2025-05-20', validFrom: '2025-06-10', days: 21 } },
      feasible: false,
      earliest: '2025-06-10',
    },
    {
      name: 'booster within validity needs no new wait',
      pet: dog({ microchipImplantedOn: '2024-01-01', rabiesDoses: ['2024-06-10', '2025-05-30'] }),
      travel: '2025-06-10',
      rabies: { key: 'checklist.rabies_valid', status: 'done', params: { date: '2025-05-30', validUntil: '2026-05-30' } },
      feasible: true,
      earliest: null,
    },
    {
      name: 'revaccination after the previous one lapsed is a new primary',
      pet: dog({ microchipImplantedOn: '2022-01-01', rabiesDoses: ['2023-05-01', '2025-05-30'] }),
      travel: '2025-06-10',
      rabies: { key: 'checklist.rabies_wait_not_met', status: 'blocked', params: { validFrom: '2025-06-20' } },
      feasible: false,
      earliest: '2025-06-20',
    },
    {
      name: 'current dose lapses before travel: booster by expiry or primary by T-21',
      pet: dog({ rabiesDoses: ['2024-06-10'] }),
      travel: '2025-07-15',
      rabies: { key: 'checklist.rabies_booster', status: 'pending', dueBy: '2025-06-24', params: { validUntil: '2025-06-10' } },
      feasible: true,
      earliest: null,
    },
    {
      name: 'dose given before 12 weeks of age does not count',
      pet: dog({ dateOfBirth: '2025-01-01', microchipImplantedOn: '2025-02-01', rabiesDoses: ['2025-03-01'] }),
      travel: '2025-08-01',
      rabies: { key: 'checklist.rabies_needed', status: 'pending', params: { from: TODAY, dueBy: '2025-07-11' } },
      feasible: true,
      earliest: null,
    },
  ])('$name', ({ pet, travel, rabies, feasible, earliest }) => {
    const result = run('EU', travel, pet);
    expect(result.items.find((i) => i.key.startsWith('checklist.rabies'))).toMatchObject(rabies);
    expect(result).toMatchObject({ feasible, earliestFeasibleDate: earliest });
  });

  it('puppy too young for the EU: blocked, earliest = 12 weeks + 21 days', () => {
    // Born 2025-04-01: 12 weeks on 2025-06-24.
    const pet = dog({ dateOfBirth: '2025-04-01', microchipNumber: null, microchipImplantedOn: null, rabiesDoses: [] });
    const result = run('EU', '2025-07-01', pet);
    expect(summary(result.items)).toEqual(['microchip_needed:pending', 'rabies_too_young:blocked', 'eu_health_certificate:pending']);
    expect(item(result.items, 'rabies_too_young')?.params).toEqual({ eligibleOn: '2025-06-24', minAgeWeeks: 12, dueBy: '2025-06-10' });
    expect(item(result.items, 'microchip_needed')).toMatchObject({ dueBy: '2025-06-10', params: { standard: 'ISO 11784/11785' } });
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDate: '2025-07-15' });
  });

  it('no chip and no rabies, deadline passed: both blocked, earliest = today + 21', () => {
    const pet = dog({ microchipNumber: null, microchipImplantedOn: null, rabiesDoses: [] });
    const result = run('EU', '2025-06-11', pet);
    expect(summary(result.items)).toEqual(['microchip_needed:blocked', 'rabies_needed:blocked', 'eu_health_certificate:pending']);
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDate: '2025-06-22' });
  });

  it('chip without implant date: ask for it, the rabies dose cannot be verified', () => {
    const result = run('EU', '2025-08-01', dog({ microchipImplantedOn: null }));
    expect(summary(result.items)).toEqual(['microchip_date_missing:pending', 'rabies_before_microchip:pending', 'eu_health_certificate:pending']);
    expect(item(result.items, 'microchip_date_missing')?.params).toEqual({ number: CHIP, dueBy: '2025-07-11' });
  });
});

describe('buildTravelChecklist — US and Canada', () => {
  it('puppy too young for the US (6 months on arrival)', () => {
    const pet = dog({ dateOfBirth: '2025-03-01', microchipImplantedOn: '2025-05-01', rabiesDoses: [] });
    const result = run('US', '2025-07-01', pet);
    expect(item(result.items, 'min_age')).toMatchObject({ status: 'blocked', params: { months: 6, date: '2025-09-01' } });
    expect(item(result.items, 'rabies_needed')).toMatchObject({ status: 'pending', mandatory: false });
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDate: '2025-09-01' });
  });

  it('unknown date of birth: the age must be confirmed, not blocking', () => {
    const result = run('US', '2025-07-01', dog({ dateOfBirth: null }));
    expect(item(result.items, 'min_age_confirm')).toMatchObject({ status: 'pending', params: { months: 6 } });
    expect(result.feasible).toBe(true);
  });

  it.each([
    {
      name: 'day before travel: chip and CDC form overdue, certificate pending',
      today: '2025-06-19',
      expected: ['min_age:done', 'microchip_needed:overdue', 'rabies_valid:done', 'cdc_dog_import_form:overdue', 'health_certificate:pending'],
    },
    {
      name: 'travel day: certificate overdue too, still feasible',
      today: '2025-06-20',
      expected: ['min_age:done', 'microchip_needed:overdue', 'rabies_valid:done', 'cdc_dog_import_form:overdue', 'health_certificate:overdue'],
    },
  ])('US overdue items — $name', ({ today, expected }) => {
    const result = run('US', '2025-06-20', dog({ microchipNumber: null, microchipImplantedOn: null }), today);
    expect(summary(result.items)).toEqual(expected);
    expect(result.feasible).toBe(true);
  });

  it('travel date already passed: blocked, earliest is today', () => {
    const result = run('US', '2025-05-30', dog());
    expect(item(result.items, 'cdc_dog_import_form')?.status).toBe('blocked');
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDate: TODAY });
  });

  it.each([
    {
      name: 'puppy under 3 months on arrival needs no rabies',
      pet: dog({ dateOfBirth: '2025-04-01', rabiesDoses: [] }),
      travel: '2025-06-20',
      rabies: ['rabies_not_required', 'done'],
      feasible: true,
    },
    {
      name: 'turns 3 months before arrival: needs rabies',
      pet: dog({ dateOfBirth: '2025-03-15', rabiesDoses: [] }),
      travel: '2025-06-20',
      rabies: ['rabies_needed', 'pending'],
      feasible: true,
    },
    {
      name: 'adult without rabies, no waiting period',
      pet: dog({ rabiesDoses: [] }),
      travel: '2025-06-10',
      rabies: ['rabies_needed', 'pending'],
      feasible: true,
    },
    {
      name: 'expired rabies: revaccinate before travel',
      pet: dog({ rabiesDoses: ['2024-03-01'] }),
      travel: '2025-07-01',
      rabies: ['rabies_booster', 'pending'],
      feasible: true,
    },
    { name: 'cat with valid rabies', pet: cat(), travel: '2025-07-01', rabies: ['rabies_valid', 'done'], feasible: true },
  ])('Canada — $name', ({ pet, travel, rabies, feasible }) => {
    const result = run('CA', travel, pet);
    const r = result.items.find((i) => i.key.startsWith('checklist.rabies'))!;
    expect([r.key.replace('checklist.', ''), r.status]).toEqual(rabies);
    expect(r.mandatory).toBe(true);
    expect(result.feasible).toBe(feasible);
  });

  it('Canada: rabies due the day before departure', () => {
    const r = run('CA', '2025-06-10', dog({ rabiesDoses: [] })).items.find((i) => i.key === 'checklist.rabies_needed');
    expect(r).toMatchObject({ dueBy: '2025-06-09', params: { from: TODAY, dueBy: '2025-06-09' } });
  });

  it('Canada: the microchip is only recommended', () => {
    const result = run('CA', '2025-06-10', dog({ microchipNumber: null, microchipImplantedOn: null }), '2025-06-10');
    expect(item(result.items, 'microchip_needed')).toMatchObject({ status: 'overdue', mandatory: false });
    expect(result.feasible).toBe(true);
  });
});

describe('buildTravelChecklist — species not covered', () => {
  it.each(['US', 'EU', 'CA'] as const)('bird to %s', (destination) => {
    const result = run(destination, '2025-07-01', dog({ species: 'bird' }));
    expect(summary(result.items)).toEqual(['species_not_covered:blocked']);
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDate: null });
  });
});
