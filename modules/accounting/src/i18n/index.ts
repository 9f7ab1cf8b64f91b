import type { Translations } from '@petfriendly/core';
import { closingTexts } from './closing';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';

export const accountingMessages: Translations = {
  es: { ...es, ...closingTexts.es },
  en: { ...en, ...closingTexts.en },
  de: { ...de, ...closingTexts.de },
  fr: { ...fr, ...closingTexts.fr },
  it: { ...it, ...closingTexts.it },
};
