import { addLocalDays, daysBetween, type LocalDate } from '@petfriendly/core';

export const PERIODS = ['today', 'week', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIODS)[number];
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** The same day a year before (29 February becomes the 28th). */
export function yearBefore(day: LocalDate): LocalDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Today; this week from Monday; this month from the 1st (each to today); or the days given. */
export function resolvePeriod(kind: PeriodKind, today: LocalDate, custom?: { from?: LocalDate; to?: LocalDate }): Period {
  if (kind === 'today') return { from: today, to: today };
  if (kind === 'week') {
    const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7;
    return { from: addLocalDays(today, -weekday), to: today };
  }
  if (kind === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  return { from: custom?.from ?? today, to: custom?.to ?? today };
}

/**
 * What a period is compared with: the period before it (the month before for a month so far, the same
 * number of days before otherwise) and the same days a year before.
 */
export function comparisons(kind: PeriodKind, p: Period): { previous: Period; lastYear: Period } {
  const lastYear = { from: yearBefore(p.from), to: yearBefore(p.to) };
  if (kind === 'month') {
    const from = addLocalDays(p.from, -1).slice(0, 8) + '01';
    const monthEnd = addLocalDays(p.from, -1);
    const to = addLocalDays(from, daysBetween(p.from, p.to));
    return { previous: { from, to: earlier(to, monthEnd) }, lastYear };
  }
  const length = daysBetween(p.from, p.to) + 1;
  return { previous: { from: addLocalDays(p.from, -length), to: addLocalDays(p.to, -length) }, lastYear };
}

/** The earlier of two days. */
export const earlier = (a: LocalDate, b: LocalDate): LocalDate => [a, b].sort()[0]!;

/** Every day of a period, in order. */
export function daysOf(p: Period): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = p.from; d <= p.to; d = addLocalDays(d, 1)) out.push(d);
  return out;
}

/**
 * A period as the whole months inside it (from the first of the first to the first of the last; null when
 * none is whole) and the odd days before and after them: a long period is read as months plus a few days.
 */
export function wholeMonths(p: Period): { months: Period | null; days: Period[] } {
  const first = p.from.endsWith('-01') ? p.from : `${addLocalDays(`${p.from.slice(0, 8)}01`, 32).slice(0, 8)}01`;
  const afterTo = addLocalDays(p.to, 1);
  const end = afterTo.endsWith('-01') ? afterTo : `${afterTo.slice(0, 8)}01`;
  if (first >= end) return { months: null, days: [p] };
  const days: Period[] = [];
  if (p.from < first) days.push({ from: p.from, to: addLocalDays(first, -1) });
  if (end <= p.to) days.push({ from: end, to: p.to });
  return { months: { from: first, to: `${addLocalDays(end, -1).slice(0, 8)}01` }, days };
}
