export type VaccineSpecies = 'dog' | 'cat' | 'bird' | 'rabbit' | 'other';
export type VaccineCategory = 'core' | 'non_core' | 'rabies';

export interface VaccineProtocol {
  /** Stable code, e.g. 'dog.dhpp'. */
  code: string;
  species: VaccineSpecies;
  /** Spanish, trade-neutral. */
  name: string;
  category: VaccineCategory;
  /** Earliest age for the first dose. */
  firstDoseWeeks: number;
  /** Interval between primary-series doses (also the minimum gap before a repeat primary dose). */
  seriesIntervalWeeks: number;
  /** The series needs a dose given at this age or older; once-only protocols use firstDoseWeeks. */
  seriesUntilWeeks: number;
  /** Primary doses needed when the series starts after puppy/kitten age: 1 for MLV, 2 for killed. */
  adultInitialDoses: number;
  /** First booster after the dose that completed the primary series. */
  firstBoosterMonths: number;
  /** Then one booster every this many months after the latest dose. */
  boosterIntervalMonths: number;
}

/**
 * Defaults per WSAVA 2024 (dogs) and WSAVA feline guidance; rabies yearly as Mexican rules ask
 * (NOM-011-SSA2-2011 / NOM-042-SSA2-2006). Clinics can edit them (vaccine_protocols table).
 */
export const DEFAULT_PROTOCOLS: VaccineProtocol[] = [
  {
    code: 'dog.dhpp',
    species: 'dog',
    name: 'Moquillo, hepatitis, parvovirus y parainfluenza (DHPP)',
    category: 'core',
    firstDoseWeeks: 6,
    seriesIntervalWeeks: 4,
    seriesUntilWeeks: 16,
    adultInitialDoses: 1,
    firstBoosterMonths: 12,
    boosterIntervalMonths: 36,
  },
  {
    code: 'dog.rabies',
    species: 'dog',
    name: 'Rabia',
    category: 'rabies',
    firstDoseWeeks: 12,
    seriesIntervalWeeks: 4,
    seriesUntilWeeks: 12,
    adultInitialDoses: 1,
    firstBoosterMonths: 12,
    boosterIntervalMonths: 12,
  },
  {
    // Killed bacterin: two doses 2–4 weeks apart from 8 weeks, no need to run the series to 16 weeks.
    code: 'dog.lepto',
    species: 'dog',
    name: 'Leptospirosis',
    category: 'non_core',
    firstDoseWeeks: 8,
    seriesIntervalWeeks: 4,
    seriesUntilWeeks: 8,
    adultInitialDoses: 2,
    firstBoosterMonths: 12,
    boosterIntervalMonths: 12,
  },
  {
    // Assumes the intranasal/oral live vaccine (one dose); a parenteral killed product needs 2.
    code: 'dog.bordetella',
    species: 'dog',
    name: 'Tos de las perreras (Bordetella bronchiseptica)',
    category: 'non_core',
    firstDoseWeeks: 8,
    seriesIntervalWeeks: 4,
    seriesUntilWeeks: 8,
    adultInitialDoses: 1,
    firstBoosterMonths: 12,
    boosterIntervalMonths: 12,
  },
  {
    // Cats first vaccinated at 16 weeks or older get 2 doses (herpes/calici component).
    code: 'cat.fvrcp',
    species: 'cat',
    name: 'Panleucopenia, rinotraqueítis y calicivirus (triple felina)',
    category: 'core',
    firstDoseWeeks: 6,
    seriesIntervalWeeks: 4,
    seriesUntilWeeks: 16,
    adultInitialDoses: 2,
    firstBoosterMonths: 12,
    boosterIntervalMonths: 36,
  },
  {
    code: 'cat.rabies',
    species: 'cat',
    name: 'Rabia',
    category: 'rabies',
    firstDoseWeeks: 12,
    seriesIntervalWeeks: 4,
    seriesUntilWeeks: 12,
    adultInitialDoses: 1,
    firstBoosterMonths: 12,
    boosterIntervalMonths: 12,
  },
  {
    code: 'cat.felv',
    species: 'cat',
    name: 'Leucemia felina (FeLV)',
    category: 'non_core',
    firstDoseWeeks: 8,
    seriesIntervalWeeks: 4,
    seriesUntilWeeks: 8,
    adultInitialDoses: 2,
    firstBoosterMonths: 12,
    boosterIntervalMonths: 12,
  },
];
