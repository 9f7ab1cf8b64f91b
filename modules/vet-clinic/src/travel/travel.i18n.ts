import { de } from './i18n/de';
import { en } from './i18n/en';
import { es } from './i18n/es';
import { fr } from './i18n/fr';
import { it } from './i18n/it';

export type TravelLanguage = 'es' | 'en' | 'de' | 'fr' | 'it';

/** Flat keys: `travel.<requirement key>`, `travel.checklist.*`, `travel.note.*`, `travel.destination.*`. */
export const travelMessages: Record<TravelLanguage, Record<string, string>> = { es, en, de, fr, it };
