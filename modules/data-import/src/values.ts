import { foldForSearch } from '@petfriendly/core';

/**
 * What other systems write, in Spanish or English, turned into our values. Anything not recognised is
 * passed on as written, so the owning module's checks report it against the row.
 */
const SPECIES: Record<string, string> = {
  perro: 'dog',
  perra: 'dog',
  canino: 'dog',
  canina: 'dog',
  dog: 'dog',
  canine: 'dog',
  gato: 'cat',
  gata: 'cat',
  felino: 'cat',
  felina: 'cat',
  cat: 'cat',
  feline: 'cat',
  ave: 'bird',
  pajaro: 'bird',
  perico: 'bird',
  loro: 'bird',
  bird: 'bird',
  conejo: 'rabbit',
  coneja: 'rabbit',
  rabbit: 'rabbit',
  otro: 'other',
  otra: 'other',
  other: 'other',
};
const GENDERS: Record<string, string> = {
  m: 'male',
  macho: 'male',
  male: 'male',
  h: 'female',
  f: 'female',
  hembra: 'female',
  female: 'female',
  desconocido: 'unknown',
  unknown: 'unknown',
  '': 'unknown',
};
const YES = new Set(['si', 'yes', 'y', 's', 'true', 'verdadero', '1', 'x']);
const NO = new Set(['no', 'n', 'false', 'falso', '0', '']);
const LANGUAGES: Record<string, string> = {
  es: 'es',
  espanol: 'es',
  spanish: 'es',
  castellano: 'es',
  en: 'en',
  ingles: 'en',
  english: 'en',
  de: 'de',
  aleman: 'de',
  german: 'de',
  deutsch: 'de',
  fr: 'fr',
  frances: 'fr',
  french: 'fr',
  francais: 'fr',
  it: 'it',
  italiano: 'it',
  italian: 'it',
};

const key = (v: string) => foldForSearch(v).trim();
const lookup = (table: Record<string, string>, v: string) => table[key(v)] ?? v;

/** 31/12/2020 or 31-12-2020 (day first, as in Mexico) → 2020-12-31; an ISO date stays. */
export function isoDay(v: string): string {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v.trim());
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return v.trim();
}

const boolOf = (v: string) => (YES.has(key(v)) ? true : NO.has(key(v)) ? false : v);

export const normalise = {
  species: (v: string) => lookup(SPECIES, v),
  gender: (v: string) => lookup(GENDERS, v),
  bool: boolOf,
  language: (v: string) => (v.trim() === '' ? 'es' : lookup(LANGUAGES, v)),
  date: isoDay,
  decimal: (v: string) => v.trim().replace(',', '.'),
};

/** A name as duplicates are compared: case, accents and spacing ignored. */
export const nameKey = (name: string) => key(name).replace(/\s+/g, ' ');
