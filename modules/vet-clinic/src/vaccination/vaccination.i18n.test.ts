import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOLS } from './protocols';
import { vaccinationMessages } from './vaccination.i18n';

describe('vaccinationMessages', () => {
  const languages = Object.keys(vaccinationMessages) as (keyof typeof vaccinationMessages)[];

  it('has the same keys in the five languages', () => {
    expect([...languages].sort()).toEqual(['de', 'en', 'es', 'fr', 'it']);
    const esKeys = Object.keys(vaccinationMessages.es).sort();
    for (const lang of languages) expect(Object.keys(vaccinationMessages[lang]).sort()).toEqual(esKeys);
  });

  it.each([
    'vaccination.primary',
    'vaccination.booster',
    'vaccination.status.overdue',
    'vaccination.status.due_soon',
    'vaccination.status.upcoming',
    'vaccination.category.core',
    'vaccination.category.non_core',
    'vaccination.category.rabies',
    ...DEFAULT_PROTOCOLS.map((p) => `vaccination.name.${p.code}`),
  ])('%s is filled everywhere', (key) => {
    for (const lang of languages) expect(vaccinationMessages[lang][key], `${lang} ${key}`).toBeTruthy();
  });

  it('dose labels interpolate the dose number', () => {
    for (const lang of languages) {
      expect(vaccinationMessages[lang]['vaccination.primary']).toContain('{{doseNumber}}');
      expect(vaccinationMessages[lang]['vaccination.booster']).toContain('{{doseNumber}}');
    }
  });
});
