import { money, roundMoney } from '@petfriendly/core';
import type Decimal from 'decimal.js';

export interface Market {
  min: string;
  median: string;
  max: string;
  /** Our price against the median, in percent with one decimal: "+12.5" is 12.5 % dearer; null without a market or a price. */
  positionPercent: string | null;
}

/** Min, median and max of the competitors' prices (centavos, half up), and where ours stands against the median. */
export function market(ours: string | null, prices: string[]): Market | null {
  if (prices.length === 0) return null;
  const sorted = prices.map((p) => money(p)).sort((a, b) => a.cmp(b));
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : roundMoney(sorted[mid - 1]!.plus(sorted[mid]!).div(2));
  return {
    min: sorted[0]!.toFixed(2),
    median: median.toFixed(2),
    max: sorted[sorted.length - 1]!.toFixed(2),
    positionPercent: ours === null || median.isZero() ? null : signed(money(ours).minus(median).div(median).times(100)),
  };
}

function signed(value: Decimal): string {
  const text = value.toDecimalPlaces(1, 4).toFixed(1);
  return value.isNegative() || text === '0.0' ? text.replace('-0.0', '0.0') : `+${text}`;
}

/** Whether our price sits outside the market's median by more than `marginPercent`: 'over', 'under' or null. */
export function outsideMargin(positionPercent: string | null, marginPercent: number): 'over' | 'under' | null {
  if (positionPercent === null) return null;
  const p = money(positionPercent);
  if (p.gt(marginPercent)) return 'over';
  if (p.lt(-marginPercent)) return 'under';
  return null;
}
