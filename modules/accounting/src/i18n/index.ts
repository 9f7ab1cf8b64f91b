import type { Translations } from '@petfriendly/core';
import { closingTexts } from './closing';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { receiptTexts } from './receipts';

export const accountingMessages: Translations = {
  es: { ...es, ...closingTexts.es, ...receiptTexts.es },
  en: { ...en, ...closingTexts.en, ...receiptTexts.en },
  de: { ...de, ...closingTexts.de, ...receiptTexts.de },
  fr: { ...fr, ...closingTexts.fr, ...receiptTexts.fr },
  it: { ...it, ...closingTexts.it, ...receiptTexts.it },
};
