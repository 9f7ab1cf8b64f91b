import { type Money, money, ValidationError } from '@petfriendly/core';

/** ISO 4217 currencies whose minor unit is not the cent, as Stripe counts them. Everything else has 2 decimals. */
const ZERO_DECIMAL = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

export function minorUnitDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/**
 * A positive decimal amount in major units (pesos) to the integer minor units Stripe wants (centavos):
 * 1234.5 MXN → 123450. Amounts with more decimals than the currency has are refused, never rounded.
 */
export function toMinorUnits(amount: Money, currency: string, field = 'amount'): number {
  let value: Money;
  try {
    value = money(amount);
  } catch {
    throw ValidationError.forField('billing.invalid_amount', field, 'is not a number');
  }
  if (!value.isFinite()) throw ValidationError.forField('billing.invalid_amount', field, 'is not a number');
  if (!value.isPositive() || value.isZero()) {
    throw ValidationError.forField('billing.invalid_amount', field, 'must be greater than zero');
  }
  const digits = minorUnitDigits(currency);
  if (value.decimalPlaces() > digits) {
    throw ValidationError.forField('billing.invalid_amount', field, `must have at most ${digits} decimals`, { digits });
  }
  const minor = value.times(money(10).pow(digits));
  if (!minor.isInteger() || minor.greaterThan(Number.MAX_SAFE_INTEGER)) {
    throw ValidationError.forField('billing.invalid_amount', field, 'is too large');
  }
  return minor.toNumber();
}

/** Integer minor units from the provider back to a decimal amount: 123450 centavos → 1234.50. */
export function fromMinorUnits(minor: number, currency: string): Money {
  if (!Number.isSafeInteger(minor)) throw new TypeError(`Minor units must be an integer, got ${minor}`);
  return money(minor).dividedBy(money(10).pow(minorUnitDigits(currency)));
}
