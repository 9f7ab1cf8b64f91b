import { daysBetween } from '@petfriendly/core';
import { fromCents } from './cents';
import type { AgingReport } from './payables.schemas';

export const AGING_BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Not yet due is current; then by days past the due date. */
export function bucketOf(dueDate: string, asOf: string): AgingBucket {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'current';
  if (late <= 30) return 'days1to30';
  if (late <= 60) return 'days31to60';
  if (late <= 90) return 'days61to90';
  return 'over90';
}

type Cents = Record<AgingBucket | 'total', number>;
const zero = (): Cents => ({ current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 });
const inPesos = (c: Cents) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, fromCents(v)])) as Record<keyof Cents, string>;

/** Open documents (what is still owed, in centavos) into buckets per party, largest total first. */
export function agingReport(asOf: string, items: { key: string; name: string; rfc: string | null; dueDate: string; balanceCents: number }[]): AgingReport {
  const totals = zero();
  const rows = new Map<string, { name: string; rfc: string | null; cents: Cents }>();
  for (const item of items) {
    if (item.balanceCents === 0) continue;
    const bucket = bucketOf(item.dueDate, asOf);
    const row = rows.get(item.key) ?? { name: item.name, rfc: item.rfc, cents: zero() };
    row.cents[bucket] += item.balanceCents;
    row.cents.total += item.balanceCents;
    totals[bucket] += item.balanceCents;
    totals.total += item.balanceCents;
    rows.set(item.key, row);
  }
  return {
    asOf,
    totals: inPesos(totals),
    rows: [...rows]
      .sort(([, a], [, b]) => b.cents.total - a.cents.total || a.name.localeCompare(b.name))
      .map(([key, r]) => ({ key, name: r.name, rfc: r.rfc, ...inPesos(r.cents) })),
  };
}
