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
// PostgreSQL writes booleans as t and f (our own clinic export).
const YES = new Set(['si', 'yes', 'y', 's', 't', 'true', 'verdadero', '1', 'x']);
const NO = new Set(['no', 'n', 'f', 'false', 'falso', '0', '']);
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

const TAX_CLASSES: Record<string, string> = {
  iva16: 'iva16',
  'iva 16': 'iva16',
  '16': 'iva16',
  '16%': 'iva16',
  '0.16': 'iva16',
  general: 'iva16',
  'tasa general': 'iva16',
  iva8: 'iva8',
  'iva 8': 'iva8',
  '8': 'iva8',
  '8%': 'iva8',
  '0.08': 'iva8',
  frontera: 'iva8',
  fronteriza: 'iva8',
  iva0: 'iva0',
  'iva 0': 'iva0',
  '0': 'iva0',
  '0%': 'iva0',
  'tasa 0': 'iva0',
  'tasa cero': 'iva0',
  exento: 'exempt',
  exenta: 'exempt',
  exempt: 'exempt',
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
  money: moneyText,
  taxClass: (v: string) => (v.trim() === '' ? 'iva16' : lookup(TAX_CLASSES, v)),
};

/**
 * An amount as spreadsheets write it ("$1,234.50", "1.234,50", "199,9", "MXN 80") as plain decimal text
 * ("1234.50"); the separator that comes last is the decimal one. Anything else is passed on as written.
 */
function moneyText(v: string): string {
  const bare = v.replace(/\$|mxn|\s/gi, '');
  const lastComma = bare.lastIndexOf(',');
  const lastPoint = bare.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) return lastComma > lastPoint ? bare.replace(/\./g, '').replace(',', '.') : bare.replace(/,/g, '');
  if (lastComma >= 0) return /^\d{1,3}(,\d{3})+$/.test(bare) ? bare.replace(/,/g, '') : bare.replace(',', '.');
  return bare;
}

/** A day and maybe a time ("31/12/2020 17:30", "2020-12-31T17:30"): the ISO day and "HH:MM" (noon when none). */
export function dayAndTime(v: string): { day: string; time: string } {
  const m = /^(.+?)(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/.exec(v.trim());
  return { day: isoDay(m?.[1] ?? v), time: m?.[2] ? `${m[2].padStart(2, '0')}:${m[3]}` : '12:00' };
}

/** A name as duplicates are compared: case, accents and spacing ignored. */
export const nameKey = (name: string) => key(name).replace(/\s+/g, ' ');
