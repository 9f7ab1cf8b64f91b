import { Dec } from '@petfriendly/core';
import type Decimal from 'decimal.js';

/** Points for money paid: amount × points per peso × the tier's multiplier, rounded down to a whole point, in decimals. */
export function pointsFor(amount: Decimal.Value, perUnit: Decimal.Value, multiplier: Decimal.Value): number {
  const points = new Dec(amount).times(perUnit).times(multiplier).floor();
  return points.isNegative() ? 0 : points.toNumber();
}

/**
 * What a refund takes back of an earning: the share of its points that the money refunded so far is of
 * the money it was earned on, less what earlier refunds took (so partial refunds add up to the whole).
 */
export function pointsToTakeBack(earning: { points: number; amount: Decimal.Value }, refundedSoFar: Decimal.Value, takenSoFar: number): number {
  const base = new Dec(earning.amount);
  if (base.lte(0)) return 0;
  const refunded = Dec.min(new Dec(refundedSoFar), base);
  const due = refunded.div(base).times(earning.points).floor().toNumber();
  return Math.max(0, due - takenSoFar);
}

/** The tier a lifetime spend reaches: the highest whose minimum it meets. */
export function tierForSpend<T extends { minLifetimeSpending: string }>(tiers: readonly T[], spend: Decimal.Value): T {
  const reached = tiers.filter((t) => new Dec(spend).gte(t.minLifetimeSpending));
  const sorted = [...(reached.length ? reached : tiers)].sort((a, b) => new Dec(a.minLifetimeSpending).cmp(b.minLifetimeSpending));
  return sorted[reached.length ? sorted.length - 1 : 0]!;
}

/** The calendar date `months` later (a 31st becomes the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

export interface Lot {
  id: number;
  expiresAt: string | null;
  remaining: number;
}

/** Which lots pay `points`, the ones that expire first first (ties by age); `short` is what they could not cover. */
export function takeFromLots(lots: readonly Lot[], points: number): { uses: { lotId: number; points: number }[]; short: number } {
  const ordered = [...lots].sort((a, b) => (a.expiresAt ?? '9999-12-31').localeCompare(b.expiresAt ?? '9999-12-31') || a.id - b.id);
  const uses: { lotId: number; points: number }[] = [];
  let left = points;
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    if (take > 0) uses.push({ lotId: lot.id, points: take });
    left -= take;
  }
  return { uses, short: left };
}

/** A referral code people can read out: no 0/O or 1/I. */
export function referralCodeFrom(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(bytes.slice(0, 8), (b) => alphabet[b % alphabet.length]).join('');
}
