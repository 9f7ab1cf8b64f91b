/**
 * Pure helpers on half-open time intervals [start, end) between UTC instants.
 * An interval whose end is not after its start is empty: it contains no instant and overlaps nothing.
 */

/** UTC instants, half-open: [start, end). */
export interface Interval {
  start: Date;
  end: Date;
}

export function isEmptyInterval(interval: Interval): boolean {
  return !(interval.start.getTime() < interval.end.getTime());
}

/** True when the two intervals share at least one instant. Touching ([a, b) and [b, c)) does not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  if (isEmptyInterval(a) || isEmptyInterval(b)) return false;
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/** True when `inner` lies entirely inside `outer` (an empty `inner` is never contained). */
export function contains(outer: Interval, inner: Interval): boolean {
  if (isEmptyInterval(inner)) return false;
  return outer.start.getTime() <= inner.start.getTime() && inner.end.getTime() <= outer.end.getTime();
}

/** The common part of two intervals, or null when they do not overlap. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const start = Math.max(a.start.getTime(), b.start.getTime());
  const end = Math.min(a.end.getTime(), b.end.getTime());
  return start < end ? { start: new Date(start), end: new Date(end) } : null;
}

/** Sorts by start and joins intervals that overlap or touch; empty intervals are dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => !isEmptyInterval(i))
    .map((i) => ({ start: i.start.getTime(), end: i.end.getTime() }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged.map((i) => ({ start: new Date(i.start), end: new Date(i.end) }));
}

/** What is left of `from` after removing every interval in `remove`: sorted, disjoint, non-empty pieces. */
export function subtract(from: Interval, remove: readonly Interval[]): Interval[] {
  if (isEmptyInterval(from)) return [];
  const pieces: Interval[] = [];
  let cursor = from.start.getTime();
  const end = from.end.getTime();
  for (const hole of mergeIntervals(remove)) {
    const holeStart = hole.start.getTime();
    const holeEnd = hole.end.getTime();
    if (holeEnd <= cursor) continue;
    if (holeStart >= end) break;
    if (holeStart > cursor) pieces.push({ start: new Date(cursor), end: new Date(holeStart) });
    cursor = Math.max(cursor, holeEnd);
    if (cursor >= end) break;
  }
  if (cursor < end) pieces.push({ start: new Date(cursor), end: new Date(end) });
  return pieces;
}
