import { money } from '@petfriendly/core';
import type Decimal from 'decimal.js';

/** Pesos (a decimal string, up to six places as a CFDI writes them) to whole centavos, half up (money's rounding). */
export function toCents(pesos: Decimal.Value): number {
  return money(pesos).times(100).toDecimalPlaces(0).toNumber();
}

/** Centavos to pesos as events and statements carry them ("1044.50"). */
export function fromCents(cents: number): string {
  return money(cents).div(100).toFixed(2);
}
