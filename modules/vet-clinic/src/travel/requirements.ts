export type Destination = 'US' | 'EU' | 'CA';
export const DESTINATIONS: readonly Destination[] = ['US', 'EU', 'CA'];

export interface TravelRequirement {
  /** i18n key suffix: the message is `travel.<key>`. */
  key: string;
  params: Record<string, string | number>;
  mandatory: boolean;
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
}

export interface CertificateRule {
  key: 'health_certificate' | 'eu_health_certificate';
  mandatory: boolean;
  /** Issued at most this many days before arrival. */
  withinDays: number;
}

export interface SpeciesTravelRule {
  minAgeMonths: number | null;
  microchip: { mandatory: boolean } | null;
  rabies: RabiesRule | null;
  /** CDC Dog Import Form, submitted between fromDays and toDays before arrival. */
  cdcDogImportForm: { fromDays: number; toDays: number } | null;
  certificate: CertificateRule;
  /** Conditions the owner must meet that the clinic cannot schedule (requirement keys). */
  conditions: TravelRequirement[];
  notes: string[];
}

export interface DestinationRule {
  species: Partial<Record<'dog' | 'cat', SpeciesTravelRule>>;
  /** Notes for every species. */
  notes: string[];
}

export const MICROCHIP_STANDARD = 'ISO 11784/11785';

const rabies = (overrides: Partial<RabiesRule>): RabiesRule => ({
  mandatory: true,
  minAgeWeeks: 12,
  requiredFromAgeMonths: null,
  waitDaysAfterPrimary: 0,
  validityMonths: 12,
  afterMicrochip: false,
  ...overrides,
});

const airlineCertificate: CertificateRule = { key: 'health_certificate', mandatory: false, withinDays: 10 };

const EU_PET: SpeciesTravelRule = {
  minAgeMonths: null,
  microchip: { mandatory: true },
  rabies: rabies({ waitDaysAfterPrimary: 21, afterMicrochip: true }),
  cdcDogImportForm: null,
  certificate: { key: 'eu_health_certificate', mandatory: true, withinDays: 10 },
  conditions: [],
  notes: [],
};

/** Departure is always Mexico. Sources: CDC (Aug 2024 dog rule), Reg. (EU) 576/2013 + 577/2013 Annex II, CFIA. */
export const DESTINATION_RULES: Record<Destination, DestinationRule> = {
  US: {
    species: {
      dog: {
        minAgeMonths: 6,
        microchip: { mandatory: true },
        // Mexico is not high-risk for dog rabies: CDC asks no rabies certificate, airlines and states often do.
        rabies: rabies({ mandatory: false }),
        cdcDogImportForm: { fromDays: 10, toDays: 2 },
        certificate: airlineCertificate,
        conditions: [
          { key: 'cdc_low_risk_history', params: { months: 6 }, mandatory: true },
          { key: 'healthy_on_arrival', params: {}, mandatory: true },
        ],
        notes: ['travel.note.us_rabies_airlines_states', 'travel.note.us_high_risk_history'],
      },
      cat: {
        minAgeMonths: null,
        microchip: null,
        rabies: rabies({ mandatory: false }),
        cdcDogImportForm: null,
        certificate: airlineCertificate,
        conditions: [{ key: 'healthy_on_arrival', params: {}, mandatory: true }],
        notes: ['travel.note.us_cat_state_rules'],
      },
    },
    notes: ['travel.note.us_hawaii_guam'],
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
  },
  CA: {
    species: {
      dog: {
        minAgeMonths: null,
        microchip: { mandatory: false },
        rabies: rabies({ requiredFromAgeMonths: 3 }),
        cdcDogImportForm: null,
        certificate: airlineCertificate,
        conditions: [{ key: 'healthy_on_arrival', params: {}, mandatory: true }],
        notes: [],
      },
      cat: {
        minAgeMonths: null,
        microchip: { mandatory: false },
        rabies: rabies({ requiredFromAgeMonths: 3 }),
        cdcDogImportForm: null,
        certificate: airlineCertificate,
        conditions: [{ key: 'healthy_on_arrival', params: {}, mandatory: true }],
        notes: [],
      },
    },
    notes: ['travel.note.ca_no_waiting_period', 'travel.note.ca_under_three_months', 'travel.note.ca_certificate_content'],
  },
};

export const GENERAL_NOTES = ['travel.note.verify_official_sources'];

export function speciesRule(destination: Destination, species: string): SpeciesTravelRule | null {
  const bySpecies = DESTINATION_RULES[destination].species as Record<string, SpeciesTravelRule | undefined>;
  return bySpecies[species] ?? null;
}

export function getTravelRequirements(destination: Destination, species: string): TravelRequirements {
  const rule = speciesRule(destination, species);
  if (!rule) {
    return {
      destination,
      species,
      allowed: false,
      requirements: [],
      certificateValidityDays: 0,
      notes: ['travel.note.species_not_covered', ...GENERAL_NOTES],
    };
  }
  const requirements: TravelRequirement[] = [];
  if (rule.minAgeMonths !== null) {
    requirements.push({ key: 'min_age', params: { months: rule.minAgeMonths }, mandatory: true });
  }
  if (rule.microchip) {
    requirements.push({ key: 'microchip', params: { standard: MICROCHIP_STANDARD }, mandatory: rule.microchip.mandatory });
  }
  if (rule.rabies) {
    const r = rule.rabies;
    if (r.afterMicrochip) requirements.push({ key: 'microchip_before_rabies', params: {}, mandatory: r.mandatory });
    requirements.push(
      r.requiredFromAgeMonths !== null
        ? { key: 'rabies_from_age', params: { months: r.requiredFromAgeMonths }, mandatory: r.mandatory }
        : { key: 'rabies_vaccine', params: { minAgeWeeks: r.minAgeWeeks }, mandatory: r.mandatory },
    );
    if (r.waitDaysAfterPrimary > 0) {
      requirements.push({ key: 'rabies_wait', params: { days: r.waitDaysAfterPrimary }, mandatory: r.mandatory });
    }
  }
  if (rule.cdcDogImportForm) {
    const { fromDays, toDays } = rule.cdcDogImportForm;
    requirements.push({ key: 'cdc_dog_import_form', params: { fromDays, toDays }, mandatory: true });
  }
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
  };
}
