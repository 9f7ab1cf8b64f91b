import { dateTimeFormat, foldForSearch, formatMoney, formatters, type Language, type LocalDate } from '@petfriendly/core';

const LOCALES: Record<Language, string> = { es: 'es-MX', en: 'en-US', de: 'de-DE', fr: 'fr-FR', it: 'it-IT' };

// A clinic-local date is formatted at noon UTC so no zone can move it to another day.
const atNoon = (date: LocalDate) => new Date(`${date}T12:00:00Z`);

/** "jue 12 mar" for a button. */
export const shortDate = (date: LocalDate, lang: Language) =>
  dateTimeFormat(LOCALES[lang], { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(atNoon(date));

/** "jueves, 12 de marzo de 2026" for a sentence. */
export const longDate = (date: LocalDate, lang: Language) =>
  dateTimeFormat(LOCALES[lang], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(atNoon(date));

/** "12 mar 2026" in a list. */
export const mediumDate = (date: LocalDate, lang: Language) =>
  dateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(atNoon(date));

/** An instant (UTC) as clinic-local HH:mm. */
export const clinicTime = (instant: Date | string, timeZone: string) => formatters('en', timeZone).time(new Date(instant));

export const price = (amount: string, lang: Language) => formatMoney(amount, 'MXN', LOCALES[lang]);

export const fold = (text: string) => foldForSearch(text).replace(/\s+/g, ' ').trim();

/** Cuts long FAQ answers at a word, so the chat shows the gist and the link carries the rest. */
export function shorten(text: string, max = 600): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max).trimEnd()}…`;
}

export const isLocalDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
export const isClockTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);

/** "9:30", "09.30" or "9h30" as HH:mm, or null. */
export function typedTime(text: string): string | null {
  const match = /^(\d{1,2})[:.h](\d{2})$/.exec(text.trim());
  const time = match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : '';
  return isClockTime(time) ? time : null;
}
