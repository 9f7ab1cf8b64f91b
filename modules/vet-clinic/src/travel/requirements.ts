export const DESTINATIONS = ['US', 'EU', 'CA', 'GB', 'JP', 'AR', 'CO'] as const;
export type Destination = (typeof DESTINATIONS)[number];

export interface TravelRequirement {
  /** i18n key suffix: the message is `travel.<key>`. */
  key: string;
  params: Record<string, string | number>;
  mandatory: boolean;
}

/** Where a destination's rules come from and when we last checked them against it. */
export interface RuleSource {
  authority: string;
  url: string;
  /** Year and month (YYYY-MM). */
  checkedOn: string;
}

export interface TravelRequirements {
  destination: Destination;
  species: string;
  /** false: this species is not covered here (rules are national / case by case), not a ban. */
  allowed: boolean;
  requirements: TravelRequirement[];
  certificateValidityDays: number;
  /** Full i18n keys (`travel.note.*`). */
  notes: string[];
  source: RuleSource;
}

export interface RabiesRule {
  mandatory: boolean;
  /** Earliest age at which a dose counts. */
  minAgeWeeks: number;
  /** Only pets at least this old on arrival need it (Canada: 3 months); null = every pet. */
  requiredFromAgeMonths: number | null;
  /** Days after a primary vaccination before entry (EU 21); a booster within validity needs none. */
  waitDaysAfterPrimary: number;
  /** Assumed validity of a dose (1-year vaccines, as used in Mexico). */
  validityMonths: number;
  /** The dose only counts when given on/after the microchip implantation (EU). */
  afterMicrochip: boolean;
  /** Doses the primary course needs (Japan 2), each at least `minDaysBetweenDoses` after the previous and while it is valid. */
  doses: number;
  minDaysBetweenDoses: number;
}

/** Rabies antibody test: a blood sample once the course is complete, then a wait before entry. */
export interface TitreRule {
  minIuPerMl: number;
  /** Days from the blood sample (day 0) to the earliest entry. */
  waitDays: number;
  /** How long a passing result counts, from the sample date. */
  validityMonths: number;
}

/** A document or treatment done between `fromDays` and `toDays` days before arrival. */
export interface DatedStep {
  /** Requirement key; the checklist item is `checklist.<key>`. */
  key: string;
  mandatory: boolean;
  /** null: any time before `toDays`. */
  fromDays: number | null;
  toDays: number;
  /** Missing `toDays` makes the trip infeasible; otherwise the step stays possible (overdue) until the travel day. */
  hardDeadline: boolean;
}

export type CertificateKey = 'health_certificate' | 'eu_health_certificate' | 'gb_health_certificate' | 'jp_export_certificate' | 'official_health_certificate';

export interface CertificateRule {
  key: CertificateKey;
  mandatory: boolean;
  /** Issued at most this many days before arrival. */
  withinDays: number;
}

export interface SpeciesTravelRule {
  minAgeMonths: number | null;
  microchip: { mandatory: boolean } | null;
  rabies: RabiesRule | null;
  titre: TitreRule | null;
  steps: DatedStep[];
  certificate: CertificateRule;
  /** Conditions the owner must meet that the clinic cannot schedule (requirement keys). */
  conditions: TravelRequirement[];
  notes: string[];
}

export interface DestinationRule {
  species: Partial<Record<'dog' | 'cat', SpeciesTravelRule>>;
  /** Notes for every species. */
  notes: string[];
  source: RuleSource;
}

export const MICROCHIP_STANDARD = 'ISO 11784/11785';

const rabies = (overrides: Partial<RabiesRule>): RabiesRule => ({
  mandatory: true,
  minAgeWeeks: 12,
  requiredFromAgeMonths: null,
  waitDaysAfterPrimary: 0,
  validityMonths: 12,
  afterMicrochip: false,
  doses: 1,
  minDaysBetweenDoses: 0,
  ...overrides,
});

const pet = (overrides: Partial<SpeciesTravelRule> & Pick<SpeciesTravelRule, 'certificate'>): SpeciesTravelRule => ({
  minAgeMonths: null,
  microchip: null,
  rabies: null,
  titre: null,
  steps: [],
  conditions: [],
  notes: [],
  ...overrides,
});

const CHECKED_ON = '2026-12';
const airlineCertificate: CertificateRule = { key: 'health_certificate', mandatory: false, withinDays: 10 };
const healthyOnArrival: TravelRequirement = { key: 'healthy_on_arrival', params: {}, mandatory: true };

const EU_PET = pet({
  microchip: { mandatory: true },
  rabies: rabies({ waitDaysAfterPrimary: 21, afterMicrochip: true }),
  certificate: { key: 'eu_health_certificate', mandatory: true, withinDays: 10 },
});

const GB_PET = pet({
  microchip: { mandatory: true },
  rabies: rabies({ waitDaysAfterPrimary: 21, afterMicrochip: true }),
  certificate: { key: 'gb_health_certificate', mandatory: true, withinDays: 10 },
});

const JP_PET = pet({
  microchip: { mandatory: true },
  // First dose from 91 days of age, after the chip; the second at least 30 days later, inside the first's validity.
  rabies: rabies({ minAgeWeeks: 13, afterMicrochip: true, doses: 2, minDaysBetweenDoses: 30 }),
  titre: { minIuPerMl: 0.5, waitDays: 180, validityMonths: 24 },
  steps: [{ key: 'jp_advance_notification', mandatory: true, fromDays: null, toDays: 40, hardDeadline: true }],
  certificate: { key: 'jp_export_certificate', mandatory: true, withinDays: 10 },
});

/** Argentina: dogs and cats from 3 months need rabies; a first vaccination at least 30 days before entry. */
const AR_PET = pet({
  rabies: rabies({ requiredFromAgeMonths: 3, waitDaysAfterPrimary: 30 }),
  certificate: { key: 'official_health_certificate', mandatory: true, withinDays: 10 },
  conditions: [{ key: 'parasite_treatment_on_certificate', params: {}, mandatory: false }, healthyOnArrival],
});

/** Colombia: immunity against rabies on entry; a first vaccination at least 21 days before boarding. */
const CO_PET = pet({
  microchip: { mandatory: false },
  rabies: rabies({ waitDaysAfterPrimary: 21 }),
  // Resolution 2656/2019 asked for it within the 4 months before arrival; kept as a recommendation until confirmed with ICA.
  steps: [{ key: 'parasite_treatment', mandatory: false, fromDays: 120, toDays: 1, hardDeadline: false }],
  certificate: { key: 'official_health_certificate', mandatory: true, withinDays: 10 },
  conditions: [{ key: 'core_vaccines_current', params: {}, mandatory: false }, healthyOnArrival],
});

/** Departure is always Mexico; each destination names the authority whose rules these are. */
export const DESTINATION_RULES: Record<Destination, DestinationRule> = {
  US: {
    species: {
      dog: pet({
        minAgeMonths: 6,
        microchip: { mandatory: true },
        // Mexico is not high-risk for dog rabies: CDC asks no rabies certificate, airlines and states often do.
        rabies: rabies({ mandatory: false }),
        steps: [{ key: 'cdc_dog_import_form', mandatory: true, fromDays: 10, toDays: 2, hardDeadline: false }],
        certificate: airlineCertificate,
        conditions: [{ key: 'cdc_low_risk_history', params: { months: 6 }, mandatory: true }, healthyOnArrival],
        notes: ['travel.note.us_rabies_airlines_states', 'travel.note.us_high_risk_history'],
      }),
      cat: pet({
        rabies: rabies({ mandatory: false }),
        certificate: airlineCertificate,
        conditions: [healthyOnArrival],
        notes: ['travel.note.us_cat_state_rules'],
      }),
    },
    notes: ['travel.note.us_hawaii_guam'],
    source: { authority: 'CDC (Centers for Disease Control and Prevention)', url: 'https://www.cdc.gov/importation/dogs/', checkedOn: CHECKED_ON },
  },
  EU: {
    species: {
      dog: { ...EU_PET, notes: ['travel.note.eu_echinococcus'] },
      cat: EU_PET,
    },
    notes: [
      'travel.note.eu_no_titer',
      'travel.note.eu_certificate_validity',
      'travel.note.eu_certificate_after_wait',
      'travel.note.eu_max_five_pets',
      'travel.note.eu_travellers_entry_point',
    ],
    source: {
      authority: 'European Commission (Reg. (EU) 576/2013, 577/2013)',
      url: 'https://food.ec.europa.eu/animals/movement-pets_en',
      checkedOn: CHECKED_ON,
    },
  },
  CA: {
    species: {
      dog: pet({
        microchip: { mandatory: false },
        rabies: rabies({ requiredFromAgeMonths: 3 }),
        certificate: airlineCertificate,
        conditions: [healthyOnArrival],
      }),
      cat: pet({
        microchip: { mandatory: false },
        rabies: rabies({ requiredFromAgeMonths: 3 }),
        certificate: airlineCertificate,
        conditions: [healthyOnArrival],
      }),
    },
    notes: ['travel.note.ca_no_waiting_period', 'travel.note.ca_under_three_months', 'travel.note.ca_certificate_content'],
    source: {
      authority: 'CFIA (Canadian Food Inspection Agency)',
      url: 'https://inspection.canada.ca/en/importing-food-plants-or-animals/pets',
      checkedOn: CHECKED_ON,
    },
  },
  GB: {
    species: {
      dog: {
        ...GB_PET,
        steps: [{ key: 'gb_tapeworm_treatment', mandatory: true, fromDays: 5, toDays: 1, hardDeadline: true }],
        notes: ['travel.note.gb_tapeworm_hours'],
      },
      cat: GB_PET,
    },
    notes: ['travel.note.gb_listed_no_titre', 'travel.note.gb_approved_route', 'travel.note.gb_max_five_pets'],
    source: { authority: 'GOV.UK (DEFRA / APHA)', url: 'https://www.gov.uk/bring-pet-to-great-britain', checkedOn: CHECKED_ON },
  },
  JP: {
    species: { dog: { ...JP_PET, notes: ['travel.note.jp_leptospirosis'] }, cat: JP_PET },
    notes: ['travel.note.jp_designated_lab', 'travel.note.jp_keep_vaccination', 'travel.note.jp_quarantine_if_short'],
    source: {
      authority: 'MAFF Animal Quarantine Service (Japan)',
      url: 'https://www.maff.go.jp/aqs/english/animal/dog/import-other.html',
      checkedOn: CHECKED_ON,
    },
  },
  AR: {
    species: { dog: AR_PET, cat: AR_PET },
    notes: ['travel.note.ar_certificate_spanish', 'travel.note.ar_parasites_confirm', 'travel.note.ar_inspection_fee'],
    source: { authority: 'SENASA (Servicio Nacional de Sanidad y Calidad Agroalimentaria)', url: 'https://www.argentina.gob.ar/senasa', checkedOn: CHECKED_ON },
  },
  CO: {
    species: { dog: CO_PET, cat: CO_PET },
    notes: ['travel.note.co_ica_inspection', 'travel.note.co_confirm_with_ica'],
    source: { authority: 'ICA (Instituto Colombiano Agropecuario)', url: 'https://www.ica.gov.co', checkedOn: CHECKED_ON },
  },
};

export const GENERAL_NOTES = ['travel.note.verify_official_sources'];

export function speciesRule(destination: Destination, species: string): SpeciesTravelRule | null {
  const bySpecies = DESTINATION_RULES[destination].species as Record<string, SpeciesTravelRule | undefined>;
  return bySpecies[species] ?? null;
}

function rabiesRequirements(r: RabiesRule): TravelRequirement[] {
  const requirements: TravelRequirement[] = [];
  if (r.afterMicrochip) requirements.push({ key: 'microchip_before_rabies', params: {}, mandatory: r.mandatory });
  requirements.push(
    r.requiredFromAgeMonths !== null
      ? { key: 'rabies_from_age', params: { months: r.requiredFromAgeMonths }, mandatory: r.mandatory }
      : { key: 'rabies_vaccine', params: { minAgeWeeks: r.minAgeWeeks }, mandatory: r.mandatory },
  );
  if (r.doses > 1) requirements.push({ key: 'rabies_doses', params: { doses: r.doses, days: r.minDaysBetweenDoses }, mandatory: r.mandatory });
  if (r.waitDaysAfterPrimary > 0) {
    requirements.push({ key: 'rabies_wait', params: { days: r.waitDaysAfterPrimary }, mandatory: r.mandatory });
  }
  return requirements;
}

const stepParams = (s: DatedStep): Record<string, number> => (s.fromDays === null ? { toDays: s.toDays } : { fromDays: s.fromDays, toDays: s.toDays });

export function getTravelRequirements(destination: Destination, species: string): TravelRequirements {
  const rule = speciesRule(destination, species);
  const { source } = DESTINATION_RULES[destination];
  if (!rule) {
    return {
      destination,
      species,
      allowed: false,
      requirements: [],
      certificateValidityDays: 0,
      notes: ['travel.note.species_not_covered', ...GENERAL_NOTES],
      source,
    };
  }
  const requirements: TravelRequirement[] = [];
  if (rule.minAgeMonths !== null) {
    requirements.push({ key: 'min_age', params: { months: rule.minAgeMonths }, mandatory: true });
  }
  if (rule.microchip) {
    requirements.push({ key: 'microchip', params: { standard: MICROCHIP_STANDARD }, mandatory: rule.microchip.mandatory });
  }
  if (rule.rabies) requirements.push(...rabiesRequirements(rule.rabies));
  if (rule.titre) {
    const { waitDays, validityMonths } = rule.titre;
    requirements.push({ key: 'rabies_titre', params: { days: waitDays, months: validityMonths }, mandatory: true });
  }
  for (const step of rule.steps) requirements.push({ key: step.key, params: stepParams(step), mandatory: step.mandatory });
  const cert = rule.certificate;
  requirements.push({
    key: cert.key,
    params: cert.key === 'eu_health_certificate' ? { days: cert.withinDays, months: 4 } : { days: cert.withinDays },
    mandatory: cert.mandatory,
  });
  requirements.push(...rule.conditions);
  return {
    destination,
    species,
    allowed: true,
    requirements,
    certificateValidityDays: cert.withinDays,
    notes: [...rule.notes, ...DESTINATION_RULES[destination].notes, ...GENERAL_NOTES],
    source,
  };
}
