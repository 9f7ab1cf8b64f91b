import { describe, expect, it } from 'vitest';
import { buildTravelChecklist, type ChecklistItem, type TravelPet } from './checklist';
import { DESTINATION_RULES, DESTINATIONS, type Destination, getTravelRequirements } from './requirements';

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
const keys = (d: Destination, species: string) => getTravelRequirements(d, species).requirements.map((r) => `${r.key}${r.mandatory ? '' : '?'}`);

describe('requirements of the new destinations', () => {
  it.each([
    {
      destination: 'GB',
      species: 'dog',
      expected: ['microchip', 'microchip_before_rabies', 'rabies_vaccine', 'rabies_wait', 'gb_tapeworm_treatment', 'gb_health_certificate'],
    },
    { destination: 'GB', species: 'cat', expected: ['microchip', 'microchip_before_rabies', 'rabies_vaccine', 'rabies_wait', 'gb_health_certificate'] },
    {
      destination: 'JP',
      species: 'dog',
      expected: ['microchip', 'microchip_before_rabies', 'rabies_vaccine', 'rabies_doses', 'rabies_titre', 'jp_advance_notification', 'jp_export_certificate'],
    },
    {
      destination: 'AR',
      species: 'cat',
      expected: ['rabies_from_age', 'rabies_wait', 'official_health_certificate', 'parasite_treatment_on_certificate?', 'healthy_on_arrival'],
    },
    {
      destination: 'CO',
      species: 'dog',
      expected: [
        'microchip?',
        'rabies_vaccine',
        'rabies_wait',
        'parasite_treatment?',
        'official_health_certificate',
        'core_vaccines_current?',
        'healthy_on_arrival',
      ],
    },
  ] as const)('$destination $species', ({ destination, species, expected }) => {
    expect(keys(destination, species)).toEqual(expected);
    expect(getTravelRequirements(destination, species).certificateValidityDays).toBe(10);
  });

  it.each([
    ['GB', 'rabies_wait', { days: 21 }],
    ['GB', 'gb_tapeworm_treatment', { fromDays: 5, toDays: 1 }],
    ['JP', 'rabies_vaccine', { minAgeWeeks: 13 }],
    ['JP', 'rabies_doses', { doses: 2, days: 30 }],
    ['JP', 'rabies_titre', { days: 180, months: 24 }],
    ['JP', 'jp_advance_notification', { toDays: 40 }],
    ['AR', 'rabies_from_age', { months: 3 }],
    ['AR', 'rabies_wait', { days: 30 }],
    ['CO', 'rabies_wait', { days: 21 }],
    ['CO', 'parasite_treatment', { fromDays: 120, toDays: 1 }],
  ] as const)('%s %s', (destination, key, params) => {
    expect(getTravelRequirements(destination, 'dog').requirements.find((r) => r.key === key)?.params).toEqual(params);
  });

  it('every destination names its official source and when it was checked, covered species or not', () => {
    for (const destination of DESTINATIONS) {
      for (const species of ['dog', 'cat', 'bird']) {
        const { source } = getTravelRequirements(destination, species);
        expect(source, destination).toEqual(DESTINATION_RULES[destination].source);
        expect(source.authority, destination).not.toBe('');
        expect(new URL(source.url).protocol, destination).toBe('https:');
        expect(source.checkedOn, destination).toBe('2026-12');
      }
    }
  });
});

describe('Japan: two doses, an antibody test and 180 days', () => {
  const twice = dog({ microchipImplantedOn: '2024-07-01', rabiesDoses: ['2024-08-01', '2024-09-15'] });

  it('vaccinated twice and tested 100 days ago: 80 more days to wait, and the earliest date says so', () => {
    const pet = { ...twice, rabiesTitres: [{ sampledOn: '2025-02-21', iuPerMl: 1.2 }] };
    const result = run('JP', '2025-07-01', pet);
    expect(summary(result.items)).toEqual([
      'microchip:done',
      'rabies_valid:done',
      'rabies_titre_wait_not_met:blocked',
      'jp_advance_notification:blocked',
      'jp_export_certificate:pending',
    ]);
    expect(item(result.items, 'rabies_titre_wait_not_met')?.params).toEqual({ date: '2025-02-21', validFrom: '2025-08-20', days: 180 });
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDate: '2025-08-20' });

    const onTime = run('JP', '2025-08-20', pet);
    expect(summary(onTime.items)).toEqual([
      'microchip:done',
      'rabies_valid:done',
      'rabies_titre_valid:done',
      'jp_advance_notification:pending',
      'jp_export_certificate:pending',
    ]);
    expect(item(onTime.items, 'jp_advance_notification')).toMatchObject({ dueBy: '2025-07-11', params: { to: '2025-07-11' }, mandatory: true });
    expect(item(onTime.items, 'jp_export_certificate')?.params).toEqual({ from: '2025-08-10', to: '2025-08-19' });
    expect(onTime.feasible).toBe(true);
  });

  it('the advance notice is a hard deadline: 39 days ahead is too late', () => {
    const pet = { ...twice, rabiesTitres: [{ sampledOn: '2024-10-01', iuPerMl: 0.9 }] };
    expect(item(run('JP', '2025-07-11', pet).items, 'jp_advance_notification')).toMatchObject({ status: 'pending', dueBy: '2025-06-01' });
    const late = run('JP', '2025-07-10', pet);
    expect(item(late.items, 'jp_advance_notification')).toMatchObject({ status: 'blocked', dueBy: '2025-05-31' });
    expect(late).toMatchObject({ feasible: false, earliestFeasibleDate: '2025-07-11' });
  });

  it.each([
    { name: 'under 0.5 IU/ml', pet: { ...twice, rabiesTitres: [{ sampledOn: '2024-10-01', iuPerMl: 0.3 }] } },
    { name: 'sampled before the second dose', pet: { ...twice, rabiesTitres: [{ sampledOn: '2024-09-01', iuPerMl: 3 }] } },
    {
      name: 'more than two years old on arrival',
      pet: dog({
        rabiesDoses: ['2022-06-01', '2022-07-15', '2023-07-01', '2024-06-20', '2025-05-20'],
        rabiesTitres: [{ sampledOn: '2022-08-01', iuPerMl: 3 }],
      }),
    },
    {
      name: 'from a course that lapsed and started again',
      pet: dog({ rabiesDoses: ['2023-01-10', '2023-02-15', '2024-08-01', '2024-09-15'], rabiesTitres: [{ sampledOn: '2023-03-01', iuPerMl: 3 }] }),
    },
  ])('a titre $name does not count', ({ pet }) => {
    const result = run('JP', '2025-09-01', pet);
    expect(item(result.items, 'rabies_valid')?.status).toBe('done');
    expect(item(result.items, 'rabies_titre_too_late')).toMatchObject({ status: 'blocked', params: { dueBy: '2025-03-05', days: 180 } });
  });

  it('one dose given: the second from 30 days later, the sample then, both 180 days before arrival', () => {
    const pet = dog({ microchipImplantedOn: '2025-05-01', rabiesDoses: ['2025-05-12'] });
    const result = run('JP', '2026-03-01', pet);
    expect(item(result.items, 'rabies_next_dose')).toMatchObject({
      status: 'pending',
      params: { date: '2025-05-12', from: '2025-06-11', dueBy: '2025-09-02' },
    });
    expect(item(result.items, 'rabies_titre_needed')).toMatchObject({ status: 'pending', params: { from: '2025-06-11', dueBy: '2025-09-02', days: 180 } });
    expect(result.feasible).toBe(true);
  });

  it('nothing done yet: the earliest arrival is 30 days for the second dose plus 180 after the sample', () => {
    const pet = dog({ rabiesDoses: [] });
    const result = run('JP', '2025-09-01', pet);
    expect(summary(result.items)).toEqual([
      'microchip:done',
      'rabies_course_needed:blocked',
      'rabies_titre_too_late:blocked',
      'jp_advance_notification:pending',
      'jp_export_certificate:pending',
    ]);
    expect(item(result.items, 'rabies_course_needed')?.params).toEqual({ from: TODAY, dueBy: '2025-02-03', doses: 2, days: 30 });
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDate: '2025-12-28' });
  });

  it('doses given before the microchip do not count, so the chip is due before the first dose', () => {
    const pet = dog({ microchipNumber: null, microchipImplantedOn: null, rabiesDoses: ['2024-08-01', '2024-09-15'] });
    const result = run('JP', '2026-06-01', pet);
    expect(item(result.items, 'microchip_needed')).toMatchObject({ status: 'pending', dueBy: '2025-11-03' });
    expect(item(result.items, 'rabies_before_microchip')).toMatchObject({ status: 'pending', dueBy: '2025-11-03' });
  });
});

describe('Great Britain', () => {
  it('dogs: the tapeworm treatment falls 1 to 5 days before arrival', () => {
    const result = run('GB', '2025-07-01', dog());
    expect(summary(result.items)).toEqual(['microchip:done', 'rabies_valid:done', 'gb_tapeworm_treatment:pending', 'gb_health_certificate:pending']);
    expect(item(result.items, 'gb_tapeworm_treatment')).toMatchObject({
      dueBy: '2025-06-30',
      mandatory: true,
      params: { from: '2025-06-26', to: '2025-06-30' },
    });
    expect(item(result.items, 'gb_health_certificate')?.params).toEqual({ from: '2025-06-21', to: '2025-06-30' });
    expect(result.feasible).toBe(true);
  });

  it('on the travel day the tapeworm window has closed: not feasible, the next day is', () => {
    const result = run('GB', '2025-07-01', dog(), '2025-07-01');
    expect(item(result.items, 'gb_tapeworm_treatment')?.status).toBe('blocked');
    expect(item(result.items, 'gb_health_certificate')?.status).toBe('overdue');
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDate: '2025-07-02' });
  });

  it('cats need no tapeworm treatment; a first rabies dose waits 21 days', () => {
    const result = run('GB', '2025-06-15', cat({ rabiesDoses: ['2025-05-30'] }));
    expect(summary(result.items)).toEqual(['microchip:done', 'rabies_wait_not_met:blocked', 'gb_health_certificate:pending']);
    expect(result.earliestFeasibleDate).toBe('2025-06-20');
  });
});

describe('Argentina and Colombia', () => {
  it('Argentina: a first rabies dose counts 30 days later; pets under 3 months need none', () => {
    const result = run('AR', '2025-06-20', dog({ rabiesDoses: ['2025-05-25'] }));
    expect(item(result.items, 'rabies_wait_not_met')).toMatchObject({ status: 'blocked', params: { validFrom: '2025-06-24', days: 30 } });
    expect(result.earliestFeasibleDate).toBe('2025-06-24');
    const puppy = run('AR', '2025-06-20', cat({ dateOfBirth: '2025-04-01', rabiesDoses: [] }));
    expect(summary(puppy.items)).toEqual(['rabies_not_required:done', 'official_health_certificate:pending']);
    expect(puppy.feasible).toBe(true);
  });

  it('Colombia: rabies 21 days ahead is mandatory; the parasite window and the chip are recommendations', () => {
    const result = run('CO', '2025-07-01', dog({ microchipNumber: null, microchipImplantedOn: null, rabiesDoses: [] }), '2025-06-30');
    expect(summary(result.items)).toEqual([
      'microchip_needed:pending',
      'rabies_needed:blocked',
      'parasite_treatment:pending',
      'official_health_certificate:pending',
    ]);
    expect(item(result.items, 'parasite_treatment')).toMatchObject({ mandatory: false, params: { from: '2025-03-03', to: '2025-06-30' } });
    expect(result).toMatchObject({ feasible: false, earliestFeasibleDate: '2025-07-21' });
  });
});
