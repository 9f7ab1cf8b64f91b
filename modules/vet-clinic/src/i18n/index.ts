import { type Messages, mergeMessages, type Translations, unflatten } from '@petfriendly/core';
import { travelMessages } from '../travel';
import { vaccinationMessages } from '../vaccination';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';

const pages = { es, en, de, fr, it } as const;

/** The vet-clinic namespace: page strings plus the vaccination and travel rule texts. */
export const vetClinicMessages: Translations = Object.fromEntries(
  (Object.keys(pages) as (keyof typeof pages)[]).map((lang) => [
    lang,
    mergeMessages(unflatten(vaccinationMessages[lang]), unflatten(travelMessages[lang]), pages[lang] as Messages),
  ]),
);
