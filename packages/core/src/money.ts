import Decimal from 'decimal.js';
import { z } from 'zod';

/** Money is decimal everywhere: never a JS number. SQL side is `numeric`. */
export type Money = Decimal;
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export function money(value: Decimal.Value): Decimal {
  return new Dec(value);
}

/** Rounds to cents, half up (the SAT and Mexican practice). */
export function roundMoney(value: Decimal.Value): Decimal {
  return new Dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Formats an amount for people: `$1,234.50 MXN` style per locale. */
export function formatMoney(value: Decimal.Value, currency = 'MXN', locale = 'es-MX'): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    // Built once per locale and currency: building an Intl formatter costs far more than using one.
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(roundMoney(value).toNumber());
}
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** An amount as it travels in event payloads and APIs: a decimal string ("1044.00"), never a JS number. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount such as "1044.00"');
