import type { LocalDate } from './time';

/** The locale each UI language formats dates with (Mexico first: 24-hour clock, day before month). */
export const DATE_LOCALES: Record<string, string> = { es: 'es-MX', en: 'en-GB', de: 'de-DE', fr: 'fr-FR', it: 'it-IT' };

const STYLES = {
  /** 10 mar 2026 */
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  /** martes, 10 de marzo */
  dayLong: { weekday: 'long', day: 'numeric', month: 'long' },
  /** mar, 10 mar */
  dayShort: { weekday: 'short', day: 'numeric', month: 'short' },
  /** 16:05 */
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** 10 mar 2026, 16:05 */
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof STYLES;

/** How people read dates and times: one format per style, in their language and the clinic's time zone (amounts: `formatMoney`). */
export interface Formatters {
  /** An instant, or a clinic-local calendar date (`YYYY-MM-DD`), in one of the styles. */
  date(value: Date | LocalDate, style?: DateStyle): string;
  time(instant: Date): string;
  dateTime(instant: Date): string;
}

const cache = new Map<string, Formatters>();

/** The formatters for a language and time zone, built once and kept (an `Intl` formatter is costly to build). */
export function formatters(lang: string, timeZone: string): Formatters {
  const key = `${lang}|${timeZone}`;
  let found = cache.get(key);
  if (!found) {
    found = build(DATE_LOCALES[lang] ?? lang, timeZone);
    cache.set(key, found);
  }
  return found;
}

function build(locale: string, timeZone: string): Formatters {
  const inZone = new Map<DateStyle, Intl.DateTimeFormat>();
  const asCalendarDate = new Map<DateStyle, Intl.DateTimeFormat>();
  const dateFormat = (style: DateStyle, calendar: boolean) => {
    const map = calendar ? asCalendarDate : inZone;
    let format = map.get(style);
    if (!format) {
      // A calendar date has no time zone of its own: it is read at noon UTC and printed in UTC.
      format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: calendar ? 'UTC' : timeZone });
      map.set(style, format);
    }
    return format;
  };
  return {
    date: (value, style = 'date') =>
      typeof value === 'string' ? dateFormat(style, true).format(new Date(`${value.slice(0, 10)}T12:00:00Z`)) : dateFormat(style, false).format(value),
    time: (instant) => dateFormat('time', false).format(instant),
    dateTime: (instant) => dateFormat('dateTime', false).format(instant),
  };
}

const intl = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

/** What `make` builds for `key`, built on first use and kept. */
function kept<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let found = intl.get(key) as T | undefined;
  if (!found) {
    found = make();
    intl.set(key, found);
  }
  return found;
}

/** An `Intl.DateTimeFormat` for a locale and options (time zone included), built once and kept: for formats `formatters` has no style for. */
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  kept(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

/** An `Intl.NumberFormat` for a locale and options, built once and kept. */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  kept(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

/** An `Intl.ListFormat` ("Luna, Max y Toby") for a locale and options, built once and kept. */
export const listFormat = (locale: string, options: Intl.ListFormatOptions): Intl.ListFormat =>
  kept(`list|${locale}|${JSON.stringify(options)}`, () => new Intl.ListFormat(locale, options));
