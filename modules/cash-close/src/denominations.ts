import { money } from '@petfriendly/core';

/** The Banco de México notes and coins in circulation, largest first. */
export const DENOMINATIONS = ['1000', '500', '200', '100', '50', '20', '10', '5', '2', '1', '0.50'] as const;
export type Denomination = (typeof DENOMINATIONS)[number];
export type Count = Partial<Record<Denomination, number>>;

/** The cash a count adds up to, exactly: Σ pieces × face value. */
export function countedTotal(count: Count): string {
  return DENOMINATIONS.reduce((sum, d) => sum.plus(money(d).times(count[d] ?? 0)), money(0)).toFixed(2);
}
