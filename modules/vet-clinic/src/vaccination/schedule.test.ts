import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOLS, type VaccineProtocol } from './protocols';
import { dueStatus, type GivenDose, nextDueAfterDose, type VaccinationDue, vaccinationSchedule } from './schedule';

const protocol = (code: string): VaccineProtocol => DEFAULT_PROTOCOLS.find((p) => p.code === code)!;
const doses = (code: string, ...dates: string[]): GivenDose[] => dates.map((administeredDate) => ({ protocolCode: code, administeredDate }));
const pick = (entries: VaccinationDue[], code: string) => entries.find((e) => e.protocolCode === code);

// Puppy/kitten born 2025-01-01: 6w 02-12, 8w 02-26, 12w 03-26, 15w 04-16, 16w 04-23, 19w 05-14.
const PUP = '2025-01-01';

describe('vaccinationSchedule — puppy series', () => {
  it.each([
    { name: 'nothing given: DHPP due at 6 weeks', given: [], code: 'dog.dhpp', dose: 'primary', doseNumber: 1, dueDate: '2025-02-12' },
    { name: 'nothing given: rabies at 12 weeks', given: [], code: 'dog.rabies', dose: 'primary', doseNumber: 1, dueDate: '2025-03-26' },
    {
      name: 'dose 1 at 8w: dose 2 four weeks later',
      given: doses('dog.dhpp', '2025-02-26'),
      code: 'dog.dhpp',
      dose: 'primary',
      doseNumber: 2,
      dueDate: '2025-03-26',
    },
    {
      name: 'doses at 8w and 12w: dose 3 at 16w',
      given: doses('dog.dhpp', '2025-02-26', '2025-03-26'),
      code: 'dog.dhpp',
      dose: 'primary',
      doseNumber: 3,
      dueDate: '2025-04-23',
    },
    {
      name: 'last dose at 15w does not finish the series',
      given: doses('dog.dhpp', '2025-02-26', '2025-03-19', '2025-04-16'),
      code: 'dog.dhpp',
      dose: 'primary',
      doseNumber: 4,
      dueDate: '2025-05-14',
    },
    {
      name: 'dose at exactly 16w finishes it: booster 12 months later',
      given: doses('dog.dhpp', '2025-02-26', '2025-03-26', '2025-04-23'),
      code: 'dog.dhpp',
      dose: 'booster',
      doseNumber: 1,
      dueDate: '2026-04-23',
    },
    {
      name: 'after the first booster: every 36 months',
      given: doses('dog.dhpp', '2025-02-26', '2025-03-26', '2025-04-23', '2026-04-20'),
      code: 'dog.dhpp',
      dose: 'booster',
      doseNumber: 2,
      dueDate: '2029-04-20',
    },
    {
      name: 'rabies given too young (4w, campaign): repeat at 12w',
      given: doses('dog.rabies', '2025-01-29'),
      code: 'dog.rabies',
      dose: 'primary',
      doseNumber: 2,
      dueDate: '2025-03-26',
    },
    {
      name: 'rabies given at 10w: repeat 4 weeks later (14w)',
      given: doses('dog.rabies', '2025-03-12'),
      code: 'dog.rabies',
      dose: 'primary',
      doseNumber: 2,
      dueDate: '2025-04-09',
    },
    {
      name: 'rabies at 12w: yearly booster',
      given: doses('dog.rabies', '2025-03-26'),
      code: 'dog.rabies',
      dose: 'booster',
      doseNumber: 1,
      dueDate: '2026-03-26',
    },
  ])('$name', ({ given, code, dose, doseNumber, dueDate }) => {
    const entry = pick(vaccinationSchedule({ species: 'dog', dateOfBirth: PUP, today: '2025-02-26', protocols: DEFAULT_PROTOCOLS, given }), code);
    expect(entry).toMatchObject({ dose, doseNumber, dueDate });
  });

  it('puppy of 8 weeks with nothing given: DHPP overdue since eligibility, rabies coming', () => {
    const base = { species: 'dog', dateOfBirth: PUP, today: '2025-02-26', protocols: DEFAULT_PROTOCOLS, given: [] };
    expect(vaccinationSchedule(base).map((e) => [e.protocolCode, e.dueDate, e.status])).toEqual([
      ['dog.dhpp', '2025-02-12', 'overdue'],
      ['dog.rabies', '2025-03-26', 'due_soon'],
    ]);
    expect(pick(vaccinationSchedule({ ...base, dueSoonDays: 14 }), 'dog.rabies')?.status).toBe('upcoming');
  });

  it('lepto puppy: killed vaccine needs 2 doses even when started late', () => {
    const at14w = doses('dog.lepto', '2025-04-09');
    const entry = pick(vaccinationSchedule({ species: 'dog', dateOfBirth: PUP, today: '2025-04-09', protocols: DEFAULT_PROTOCOLS, given: at14w }), 'dog.lepto');
    expect(entry).toMatchObject({ dose: 'primary', doseNumber: 2, dueDate: '2025-05-07' });
  });

  it('kitten FVRCP: 8, 12, 16 weeks then booster', () => {
    const given = doses('cat.fvrcp', '2025-02-26', '2025-03-26', '2025-04-23');
    const entry = pick(vaccinationSchedule({ species: 'cat', dateOfBirth: PUP, today: '2025-05-01', protocols: DEFAULT_PROTOCOLS, given }), 'cat.fvrcp');
    expect(entry).toMatchObject({ dose: 'booster', doseNumber: 1, dueDate: '2026-04-23', status: 'upcoming' });
  });
});

describe('vaccinationSchedule — adults', () => {
  const ADULT = '2023-01-01';
  it.each([
    {
      name: 'no history, known age: due since eligibility (overdue)',
      dob: ADULT,
      given: [],
      code: 'dog.dhpp',
      dose: 'primary',
      doseNumber: 1,
      dueDate: '2023-02-12',
      status: 'overdue',
    },
    {
      name: 'no history, unknown age: due today',
      dob: null,
      given: [],
      code: 'dog.dhpp',
      dose: 'primary',
      doseNumber: 1,
      dueDate: '2025-06-01',
      status: 'due_soon',
    },
    {
      name: 'one MLV dose as adult completes the series',
      dob: ADULT,
      given: doses('dog.dhpp', '2025-06-01'),
      code: 'dog.dhpp',
      dose: 'booster',
      doseNumber: 1,
      dueDate: '2026-06-01',
      status: 'upcoming',
    },
    {
      name: 'killed lepto: second dose 4 weeks after the first',
      dob: ADULT,
      given: doses('dog.lepto', '2025-06-01'),
      code: 'dog.lepto',
      dose: 'primary',
      doseNumber: 2,
      dueDate: '2025-06-29',
      status: 'due_soon',
    },
    {
      name: 'killed lepto: after 2 doses, booster in 12 months',
      dob: ADULT,
      given: doses('dog.lepto', '2025-05-04', '2025-06-01'),
      code: 'dog.lepto',
      dose: 'booster',
      doseNumber: 1,
      dueDate: '2026-06-01',
      status: 'upcoming',
    },
    {
      name: 'unknown age treated as adult: first rabies dose completes',
      dob: null,
      given: doses('dog.rabies', '2025-05-01'),
      code: 'dog.rabies',
      dose: 'booster',
      doseNumber: 1,
      dueDate: '2026-05-01',
      status: 'upcoming',
    },
    {
      name: 'fully vaccinated: latest rabies + 12 months',
      dob: ADULT,
      given: doses('dog.rabies', '2023-04-01', '2024-04-01', '2025-03-15'),
      code: 'dog.rabies',
      dose: 'booster',
      doseNumber: 3,
      dueDate: '2026-03-15',
      status: 'upcoming',
    },
    {
      name: 'booster 2 years late: one overdue entry at the original date',
      dob: ADULT,
      given: doses('dog.rabies', '2023-04-01'),
      code: 'dog.rabies',
      dose: 'booster',
      doseNumber: 1,
      dueDate: '2024-04-01',
      status: 'overdue',
    },
    {
      name: 'adult cat of unknown history: FVRCP needs 2 doses',
      dob: null,
      given: doses('cat.fvrcp', '2025-05-20'),
      code: 'cat.fvrcp',
      dose: 'primary',
      doseNumber: 2,
      dueDate: '2025-06-17',
      status: 'due_soon',
    },
    {
      name: 'adult cat FeLV, 2 doses given: yearly booster',
      dob: ADULT,
      given: doses('cat.felv', '2025-04-01', '2025-04-29'),
      code: 'cat.felv',
      dose: 'booster',
      doseNumber: 1,
      dueDate: '2026-04-29',
      status: 'upcoming',
    },
  ])('$name', ({ dob, given, code, dose, doseNumber, dueDate, status }) => {
    const species = code.split('.')[0]!;
    const entries = vaccinationSchedule({ species, dateOfBirth: dob, today: '2025-06-01', protocols: DEFAULT_PROTOCOLS, given });
    expect(entries.filter((e) => e.protocolCode === code)).toHaveLength(1);
    expect(pick(entries, code)).toMatchObject({ dose, doseNumber, dueDate, status });
  });

  it('a dose given elsewhere counts like any other', () => {
    const given = [...doses('dog.dhpp', '2024-06-01'), { protocolCode: 'dog.dhpp', administeredDate: '2025-06-01' }];
    const entry = pick(vaccinationSchedule({ species: 'dog', dateOfBirth: ADULT, today: '2025-06-02', protocols: DEFAULT_PROTOCOLS, given }), 'dog.dhpp');
    expect(entry).toMatchObject({ dose: 'booster', doseNumber: 2, dueDate: '2028-06-01' });
  });

  it('booster 5 years overdue (DHPP, 36 months) keeps the original due date', () => {
    const given = doses('dog.dhpp', '2019-02-26', '2019-03-26', '2019-04-23', '2020-04-23');
    const entries = vaccinationSchedule({ species: 'dog', dateOfBirth: '2019-01-01', today: '2025-05-01', protocols: DEFAULT_PROTOCOLS, given });
    expect(pick(entries, 'dog.dhpp')).toMatchObject({ dose: 'booster', doseNumber: 2, dueDate: '2023-04-23', status: 'overdue' });
  });
});

describe('vaccinationSchedule — filters and ordering', () => {
  const base = { species: 'dog', dateOfBirth: '2023-01-01', today: '2025-06-01', protocols: DEFAULT_PROTOCOLS };

  it.each([
    { name: 'default: core + rabies only', includeNonCore: undefined, given: [], codes: ['dog.dhpp', 'dog.rabies'] },
    {
      name: 'default: non-core once received',
      includeNonCore: undefined,
      given: doses('dog.bordetella', '2025-01-10'),
      codes: ['dog.bordetella', 'dog.dhpp', 'dog.rabies'],
    },
    { name: 'includeNonCore true: all four', includeNonCore: true, given: [], codes: ['dog.bordetella', 'dog.dhpp', 'dog.lepto', 'dog.rabies'] },
    { name: 'includeNonCore false: never non-core', includeNonCore: false, given: doses('dog.lepto', '2025-01-10'), codes: ['dog.dhpp', 'dog.rabies'] },
  ])('$name', ({ includeNonCore, given, codes }) => {
    const entries = vaccinationSchedule({ ...base, given, includeNonCore });
    expect(entries.map((e) => e.protocolCode).sort()).toEqual(codes);
  });

  it('sorted by due date', () => {
    const given = [...doses('dog.rabies', '2025-05-01'), ...doses('dog.dhpp', '2024-07-01'), ...doses('dog.lepto', '2025-05-20')];
    const entries = vaccinationSchedule({ ...base, given });
    expect(entries.map((e) => [e.protocolCode, e.dueDate])).toEqual([
      ['dog.lepto', '2025-06-17'],
      ['dog.dhpp', '2025-07-01'],
      ['dog.rabies', '2026-05-01'],
    ]);
  });

  it.each([
    { name: 'bird: no protocols', species: 'bird', given: [], expected: 0 },
    { name: 'rabbit: no protocols', species: 'rabbit', given: [], expected: 0 },
  ])('$name', ({ species, given, expected }) => {
    expect(vaccinationSchedule({ ...base, species, given })).toHaveLength(expected);
  });

  it('doses without protocol code are ignored', () => {
    const given: GivenDose[] = [{ protocolCode: null, administeredDate: '2025-05-01' }];
    expect(pick(vaccinationSchedule({ ...base, given }), 'dog.rabies')).toMatchObject({ dose: 'primary', doseNumber: 1, dueDate: '2023-03-26' });
  });

  it('uses the protocols passed in (clinic-edited)', () => {
    const custom = DEFAULT_PROTOCOLS.map((p) => (p.code === 'dog.rabies' ? { ...p, boosterIntervalMonths: 36 } : p));
    const given = doses('dog.rabies', '2024-05-01', '2025-05-01');
    expect(pick(vaccinationSchedule({ ...base, protocols: custom, given }), 'dog.rabies')?.dueDate).toBe('2028-05-01');
  });
});

describe('dueStatus', () => {
  it.each([
    { due: '2025-05-31', expected: 'overdue' },
    { due: '2025-06-01', expected: 'due_soon' },
    { due: '2025-07-01', expected: 'due_soon' },
    { due: '2025-07-02', expected: 'upcoming' },
  ])('$due → $expected', ({ due, expected }) => {
    expect(dueStatus(due, '2025-06-01')).toBe(expected);
  });
});

describe('nextDueAfterDose', () => {
  it.each([
    { name: 'puppy DHPP dose 1', code: 'dog.dhpp', dob: PUP, dates: ['2025-02-26'], expected: '2025-03-26' },
    { name: 'puppy DHPP final dose at 16w', code: 'dog.dhpp', dob: PUP, dates: ['2025-02-26', '2025-03-26', '2025-04-23'], expected: '2026-04-23' },
    { name: 'adult rabies', code: 'dog.rabies', dob: '2020-03-01', dates: ['2025-06-10'], expected: '2026-06-10' },
    { name: 'rabies on Feb 29 → Feb 28 next year', code: 'cat.rabies', dob: null, dates: ['2024-02-29'], expected: '2025-02-28' },
    { name: 'lepto first adult dose', code: 'dog.lepto', dob: null, dates: ['2025-06-10'], expected: '2025-07-08' },
    { name: 'no dose of this protocol', code: 'dog.lepto', dob: null, dates: [], expected: null },
  ])('$name', ({ code, dob, dates, expected }) => {
    const given = [...doses(code, ...dates), { protocolCode: 'dog.other', administeredDate: '2025-06-01' }];
    expect(nextDueAfterDose({ protocol: protocol(code), dateOfBirth: dob, given })).toBe(expected);
  });
});
