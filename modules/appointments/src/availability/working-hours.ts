import { clinicInstant, type LocalDate } from '@petfriendly/core';
import { type Interval, intersect } from './intervals';

/** Clinic-local wall-clock times 'HH:MM' (00:00–23:59; '24:00' is accepted as an end meaning midnight after the date); end > start. */
export interface TimeRange {
  start: string;
  end: string;
}

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Minutes after local midnight of an 'HH:MM' string; throws RangeError on anything else. */
export function minutesOfDay(time: string): number {
  const match = TIME.exec(time);
  if (!match) throw new RangeError(`Expected a clinic-local time 'HH:MM', got '${time}'`);
  return match[1] === undefined ? 24 * 60 : Number(match[1]) * 60 + Number(match[2]);
}

export function assertLocalDate(date: LocalDate): void {
  if (!DATE.test(date)) throw new RangeError(`Expected a local date 'YYYY-MM-DD', got '${date}'`);
}

/** Zones already found valid: checking builds an `Intl` formatter, too costly for every slot search. */
const knownZones = new Set<string>();

export function assertTimeZone(timeZone: string): void {
  if (knownZones.has(timeZone)) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`Unknown time zone '${timeZone}'`);
  }
  knownZones.add(timeZone);
}

/**
 * The instants a clinic-local range covers on `date`, DST-aware. A range whose start is not before its end
 * (as written, or because it falls inside a spring-forward gap) covers nothing: null.
 * Local times that do not exist (spring-forward gap) move forward by the gap; ambiguous ones (fall-back)
 * resolve to the first occurrence — both as `clinicInstant` does.
 */
export function rangeInstants(date: LocalDate, range: TimeRange, timeZone: string): Interval | null {
  if (minutesOfDay(range.end) <= minutesOfDay(range.start)) return null;
  const start = clinicInstant(date, range.start, timeZone);
  const end = clinicInstant(date, range.end, timeZone);
  return start.getTime() < end.getTime() ? { start, end } : null;
}

/** The instants the clinic is open on `date`, or null when it is closed (or the hours cover nothing). */
export function clinicOpenInterval(date: LocalDate, clinicHours: TimeRange | null, timeZone: string): Interval | null {
  return clinicHours && rangeInstants(date, clinicHours, timeZone);
}

/**
 * One person's working intervals on `date`: each of their ranges clipped to the clinic's open interval.
 * Ranges are kept apart (never merged), so a slot cannot run from one into the next — e.g. across lunch.
 * Each interval's start is the origin of that range's start-time grid.
 */
export function workingIntervals(date: LocalDate, hours: readonly TimeRange[], open: Interval | null, timeZone: string): Interval[] {
  if (!open) return [];
  const result: Interval[] = [];
  for (const range of hours) {
    const own = rangeInstants(date, range, timeZone);
    const clipped = own && intersect(own, open);
    if (clipped) result.push(clipped);
  }
  return result;
}
