import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { buildTravelChecklist, type TravelPet } from './checklist';
import { DESTINATIONS, getTravelRequirements } from './requirements';
import { travelMessages } from './travel.i18n';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

// Every checklist key the code can emit.
const CHECKLIST_KEYS = [
  'species_not_covered',
  'min_age',
  'min_age_confirm',
  'microchip',
  'microchip_needed',
  'microchip_date_missing',
  'rabies_not_required',
  'rabies_valid',
  'rabies_wait_not_met',
  'rabies_booster',
  'rabies_too_young',
  'rabies_before_microchip',
  'rabies_needed',
  'rabies_next_dose',
  'rabies_course_needed',
  'rabies_titre_valid',
  'rabies_titre_wait_not_met',
  'rabies_titre_needed',
  'rabies_titre_too_late',
  'cdc_dog_import_form',
  'jp_advance_notification',
  'gb_tapeworm_treatment',
  'parasite_treatment',
  'health_certificate',
  'eu_health_certificate',
  'gb_health_certificate',
  'jp_export_certificate',
  'official_health_certificate',
].map((k) => `travel.checklist.${k}`);

function usedKeys(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const destination of DESTINATIONS) {
    for (const species of ['dog', 'cat', 'bird']) {
      const req = getTravelRequirements(destination, species);
      for (const r of req.requirements) used.set(`travel.${r.key}`, Object.keys(r.params));
      for (const n of req.notes) used.set(n, used.get(n) ?? []);
      used.set(`travel.destination.${destination}`, []);
      const puppy: TravelPet = { species, dateOfBirth: '2025-04-01', microchipNumber: null, microchipImplantedOn: null, rabiesDoses: [], rabiesTitres: [] };
      const chipped = { ...puppy, dateOfBirth: '2022-01-01', microchipNumber: '985112003456789', microchipImplantedOn: '2022-03-01' };
      const pets = [
        puppy,
        { ...chipped, rabiesDoses: ['2025-05-01'] },
        { ...chipped, rabiesDoses: ['2024-01-10', '2024-03-01'], rabiesTitres: [{ sampledOn: '2024-03-01', iuPerMl: 2 }] },
      ];
      for (const pet of pets) {
        for (const i of buildTravelChecklist({ destination, travelDate: '2025-07-01', today: '2025-06-01', pet }).items) {
          used.set(`travel.${i.key}`, Object.keys(i.params));
        }
      }
    }
  }
  for (const k of CHECKLIST_KEYS) if (!used.has(k)) used.set(k, []);
  return used;
}

describe('travelMessages', () => {
  const languages = Object.keys(travelMessages) as (keyof typeof travelMessages)[];

  it('has the five languages with the same keys', () => {
    expect(languages.sort()).toEqual(['de', 'en', 'es', 'fr', 'it']);
    const esKeys = Object.keys(travelMessages.es).sort();
    for (const lang of languages) expect(Object.keys(travelMessages[lang]).sort()).toEqual(esKeys);
  });

  it('has a non-empty sentence for every key the code uses, in every language', () => {
    for (const [key] of usedKeys()) {
      for (const lang of languages) expect(travelMessages[lang][key], `${lang} ${key}`).toBeTruthy();
    }
  });

  it('uses the same placeholders in every language, all provided by the params', () => {
    for (const [key, params] of usedKeys()) {
      const expected = placeholders(travelMessages.es[key]!);
      for (const lang of languages) expect(placeholders(travelMessages[lang][key]!), `${lang} ${key}`).toEqual(expected);
      if (params.length > 0) for (const p of expected) expect(params, key).toContain(p);
    }
  });

  it('has a staff wording for every owner-addressed item, with the same placeholders, that does not speak to the owner', () => {
    const staffKeys = Object.keys(travelMessages.es).filter((k) => k.startsWith('travel.staff.'));
    expect(staffKeys.length).toBeGreaterThanOrEqual(8);
    const ownerVoice = { es: /\btu mascota\b/i, en: /\byour pet\b/i, de: /\bIhr Tier\b/, fr: /\bvotre animal\b/i, it: /\bil tuo animale\b/i };
    for (const key of staffKeys) {
      const ownerKey = key.replace('travel.staff.', 'travel.');
      expect(CHECKLIST_KEYS, key).toContain(ownerKey);
      for (const lang of languages) {
        expect(placeholders(travelMessages[lang][key]!), `${lang} ${key}`).toEqual(placeholders(travelMessages.es[ownerKey]!));
        expect(travelMessages[lang][key], `${lang} ${key}`).not.toMatch(ownerVoice[lang]);
      }
    }
    for (const lang of languages) {
      const ownerWorded = CHECKLIST_KEYS.filter((k) => ownerVoice[lang].test(travelMessages[lang][k] ?? ''));
      for (const k of ownerWorded) expect(travelMessages[lang][k.replace('travel.', 'travel.staff.')], `${lang} ${k}`).toBeTruthy();
    }
  });

  it('renders with i18next interpolation', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'es', resources: { es: { translation: travelMessages.es } }, interpolation: { escapeValue: false } });
    expect(i18n.t('travel.checklist.rabies_needed', { from: '2025-06-01', dueBy: '2025-06-10' })).toBe(
      'Aplicar la vacuna antirrábica entre el 2025-06-01 y el 2025-06-10.',
    );
  });
});
