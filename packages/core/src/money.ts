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

/** An amount a person types (pesos and centavos, up to 99,999,999.99), as text. */
export const amountText = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, 'must be an amount like 199.90');

/** An amount sent to the API or a form: text as people type it, or a JSON number, always read back as text. */
export const amountInput = amountText.or(
  z
    .number()
    .nonnegative()
    .max(99_999_999.99)
    .transform((n) => n.toFixed(2)),
);

/** An amount over zero (checked on the text, so a malformed amount is one error, never an exception). */
export const positiveAmountInput = amountInput.refine((v) => /[1-9]/.test(v), 'must be more than zero');

/** An amount as it travels in event payloads and APIs: a decimal string ("1044.00"), never a JS number. */
export const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal amount such as "1044.00"');
