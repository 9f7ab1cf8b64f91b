import { describe, expect, it } from 'vitest';
import { DESTINATION_RULES, type Destination, getTravelRequirements } from './requirements';

const keys = (d: Destination, species: string) => getTravelRequirements(d, species).requirements.map((r) => `${r.key}${r.mandatory ? '' : '?'}`);

describe('getTravelRequirements', () => {
  it.each([
    {
      destination: 'US' as const,
      species: 'dog',
      expected: ['min_age', 'microchip', 'rabies_vaccine?', 'cdc_dog_import_form', 'health_certificate?', 'cdc_low_risk_history', 'healthy_on_arrival'],
    },
    { destination: 'US' as const, species: 'cat', expected: ['rabies_vaccine?', 'health_certificate?', 'healthy_on_arrival'] },
    {
      destination: 'EU' as const,
      species: 'dog',
      expected: ['microchip', 'microchip_before_rabies', 'rabies_vaccine', 'rabies_wait', 'eu_health_certificate'],
    },
    {
      destination: 'EU' as const,
      species: 'cat',
      expected: ['microchip', 'microchip_before_rabies', 'rabies_vaccine', 'rabies_wait', 'eu_health_certificate'],
    },
    { destination: 'CA' as const, species: 'dog', expected: ['microchip?', 'rabies_from_age', 'health_certificate?', 'healthy_on_arrival'] },
    { destination: 'CA' as const, species: 'cat', expected: ['microchip?', 'rabies_from_age', 'health_certificate?', 'healthy_on_arrival'] },
  ])('$destination $species', ({ destination, species, expected }) => {
    const result = getTravelRequirements(destination, species);
    expect(result.allowed).toBe(true);
    expect(result.certificateValidityDays).toBe(10);
    expect(keys(destination, species)).toEqual(expected);
  });

  it.each([
    { destination: 'US' as const, species: 'dog', param: ['min_age', 'months', 6] },
    { destination: 'US' as const, species: 'dog', param: ['cdc_dog_import_form', 'fromDays', 10] },
    { destination: 'US' as const, species: 'dog', param: ['cdc_dog_import_form', 'toDays', 2] },
    { destination: 'US' as const, species: 'dog', param: ['microchip', 'standard', 'ISO 11784/11785'] },
    { destination: 'EU' as const, species: 'dog', param: ['rabies_wait', 'days', 21] },
    { destination: 'EU' as const, species: 'cat', param: ['rabies_vaccine', 'minAgeWeeks', 12] },
    { destination: 'EU' as const, species: 'cat', param: ['eu_health_certificate', 'months', 4] },
    { destination: 'CA' as const, species: 'cat', param: ['rabies_from_age', 'months', 3] },
  ])('$destination $species: $param', ({ destination, species, param }) => {
    const [key, name, value] = param as [string, string, string | number];
    const req = getTravelRequirements(destination, species).requirements.find((r) => r.key === key);
    expect(req?.params[name]).toBe(value);
  });

  it.each([
    {
      destination: 'US' as const,
      species: 'dog',
      has: ['travel.note.us_rabies_airlines_states', 'travel.note.us_hawaii_guam'],
      lacks: ['travel.note.us_cat_state_rules'],
    },
    { destination: 'US' as const, species: 'cat', has: ['travel.note.us_cat_state_rules'], lacks: ['travel.note.us_rabies_airlines_states'] },
    {
      destination: 'EU' as const,
      species: 'dog',
      has: ['travel.note.eu_echinococcus', 'travel.note.eu_no_titer', 'travel.note.eu_certificate_validity'],
      lacks: [],
    },
    { destination: 'EU' as const, species: 'cat', has: ['travel.note.eu_no_titer'], lacks: ['travel.note.eu_echinococcus'] },
    { destination: 'CA' as const, species: 'dog', has: ['travel.note.ca_no_waiting_period', 'travel.note.ca_under_three_months'], lacks: [] },
  ])('notes for $destination $species', ({ destination, species, has, lacks }) => {
    const { notes } = getTravelRequirements(destination, species);
    for (const n of has) expect(notes).toContain(n);
    for (const n of lacks) expect(notes).not.toContain(n);
    expect(notes).toContain('travel.note.verify_official_sources');
  });

  it.each([
    { destination: 'US' as const, species: 'bird' },
    { destination: 'EU' as const, species: 'rabbit' },
    { destination: 'CA' as const, species: 'other' },
  ])('$species to $destination is not covered', ({ destination, species }) => {
    expect(getTravelRequirements(destination, species)).toEqual({
      destination,
      species,
      allowed: false,
      requirements: [],
      certificateValidityDays: 0,
      notes: ['travel.note.species_not_covered', 'travel.note.verify_official_sources'],
      source: DESTINATION_RULES[destination].source,
    });
  });
});
