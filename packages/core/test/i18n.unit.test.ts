import { describe, expect, it } from 'vitest';
import { I18n, localize } from '../src/i18n';

describe('localize', () => {
  const i18n = new I18n({
    messages: { es: { 'is required': 'es obligatorio', 'store.out_of_stock': 'Solo quedan {{available}}.' }, de: { 'is required': 'ist erforderlich' } },
  });

  it.each([
    ['es', 'is required', 'es obligatorio'],
    ['de', 'is required', 'ist erforderlich'],
    // Without an entry, the English text: never Spanish to someone who reads English or French.
    ['en', 'is required', 'is required'],
    ['fr', 'is required', 'is required'],
    ['en', 'store.out_of_stock', 'Only 2 left.'],
    ['es', 'store.out_of_stock', 'Solo quedan 2.'],
  ])('%s: %s → %s', (language, key, expected) => {
    expect(localize(i18n.t(language), key, key === 'store.out_of_stock' ? 'Only {{available}} left.' : key, { available: 2 })).toBe(expected);
  });
});
