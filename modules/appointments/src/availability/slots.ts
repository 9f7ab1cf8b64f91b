/**
 * Appointment availability: which start times can be offered on a clinic-local date, and whether one
 * proposed start can be booked. Pure: everything (including "now") comes in through the arguments.
 *
 * Conventions
 * - Local times are turned into instants with the clinic time zone (DST-aware, via `clinicInstant`).
 * - A person's working interval is one of their TimeRanges clipped to the clinic's hours. Start times
 *   lie on a grid of `stepMinutes` of elapsed time from that interval's start (so on a DST night the
 *   grid keeps real 15/30-minute spacing), and a slot must fit entirely inside that one interval.
 * - Busy intervals are half-open: a slot may end exactly when a busy interval starts, and start when it ends.
 *   A busy time covering part of a grid slot removes the slot; the grid is never shifted around it.
 * - Notice: start >= now + minNoticeHours. Horizon: the start's clinic-local date is at most
 *   today (clinic-local, from `now`) + horizonDays.
 */
import { daysBetween, type LocalDate, localDate } from '@petfriendly/core';
import { type Interval, isEmptyInterval, subtract } from './intervals';
import { assertLocalDate, assertTimeZone, clinicOpenInterval, minutesOfDay, type TimeRange, workingIntervals } from './working-hours';

export type { Interval } from './intervals';
export type { TimeRange } from './working-hours';

export interface StaffDay {
  staffId: string;
  /** That person's working hours on this date (clinic-local), already resolved from their weekly schedule; [] = not working (day off). */
  hours: TimeRange[];
}

export interface Busy {
  /** null = the whole clinic (e.g. a clinic-wide block). */
  staffId: string | null;
  start: Date;
  end: Date;
}

export interface SlotRules {
  timeZone: string;
  /** Clinic opening hours for the date, clinic-local; null when the clinic is closed (closed weekday or holiday). */
  clinicHours: TimeRange | null;
  /** The service's duration. */
  durationMinutes: number;
  /** Granularity of start times (e.g. 15 or 30). */
  stepMinutes: number;
  now: Date;
  /** A slot must start at least this long after now (emergency services pass 0). */
  minNoticeHours: number;
  /** And on or before today (clinic-local) + horizonDays. */
  horizonDays: number;
}

export interface Slot {
  start: Date;
  end: Date;
  /** Who can take it, sorted. */
  staffIds: string[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Free slots on one clinic-local date: inside clinic hours ∩ each staff member's hours, minus their busy
 * intervals and clinic-wide ones, respecting notice and horizon. Start times aligned to stepMinutes from
 * the start of each working range. Sorted by start; one Slot per start time with every free staff id.
 */
export function availableSlots(date: LocalDate, staff: StaffDay[], busy: Busy[], rules: SlotRules): Slot[] {
  assertLocalDate(date);
  checkInput(staff, busy, rules);
  const earliest = earliestStart(date, rules);
  if (earliest === null) return [];
  const duration = rules.durationMinutes * MINUTE;
  const step = rules.stepMinutes * MINUTE;
  const open = clinicOpenInterval(date, rules.clinicHours, rules.timeZone);

  const free = new Map<number, Set<string>>();
  for (const person of staff) {
    const blocked = blockersOf(person.staffId, busy);
    for (const working of workingIntervals(date, person.hours, open, rules.timeZone)) {
      const origin = working.start.getTime();
      for (const gap of subtract(working, blocked)) {
        const from = Math.max(gap.start.getTime(), earliest);
        const last = gap.end.getTime() - duration;
        for (let t = origin + Math.ceil((from - origin) / step) * step; t <= last; t += step) {
          const ids = free.get(t) ?? new Set();
          free.set(t, ids.add(person.staffId));
        }
      }
    }
  }
  return [...free.entries()].sort(([a], [b]) => a - b).map(([t, ids]) => ({ start: new Date(t), end: new Date(t + duration), staffIds: sortIds(ids) }));
}

/**
 * The same rule for one proposed start time (used by the booking call so a slot that is shown can be
 * booked, and one that is not shown cannot): returns the staff ids free for [start, start+duration),
 * sorted, or [] if not bookable. `staff` holds the hours for the clinic-local date of `start`.
 */
export function staffFreeAt(start: Date, staff: StaffDay[], busy: Busy[], rules: SlotRules): string[] {
  checkInput(staff, busy, rules);
  const t = start.getTime();
  if (!Number.isFinite(t)) return [];
  const date = localDate(start, rules.timeZone);
  const earliest = earliestStart(date, rules);
  if (earliest === null || t < earliest) return [];
  const end = t + rules.durationMinutes * MINUTE;
  const step = rules.stepMinutes * MINUTE;
  const open = clinicOpenInterval(date, rules.clinicHours, rules.timeZone);
  if (!open || t < open.start.getTime() || end > open.end.getTime()) return [];

  const ids = new Set<string>();
  for (const person of staff) {
    const fits = workingIntervals(date, person.hours, open, rules.timeZone).some(
      (w) => w.start.getTime() <= t && end <= w.end.getTime() && (t - w.start.getTime()) % step === 0,
    );
    if (!fits) continue;
    const clash = blockersOf(person.staffId, busy).some((b) => b.start.getTime() < end && t < b.end.getTime());
    if (!clash) ids.add(person.staffId);
  }
  return sortIds(ids);
}

/** The first instant a slot on `date` may start, or null when the date is beyond the booking horizon. */
function earliestStart(date: LocalDate, rules: SlotRules): number | null {
  const today = localDate(rules.now, rules.timeZone);
  if (daysBetween(today, date) > rules.horizonDays) return null;
  return rules.now.getTime() + rules.minNoticeHours * HOUR;
}

/** The busy intervals that stop `staffId` from working: their own and the clinic-wide ones (empty ones ignored). */
function blockersOf(staffId: string, busy: readonly Busy[]): Interval[] {
  return busy.filter((b) => (b.staffId === null || b.staffId === staffId) && !isEmptyInterval(b));
}

function sortIds(ids: Iterable<string>): string[] {
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Throws RangeError on malformed input (programming errors), whatever the date: never a silent []. */
function checkInput(staff: readonly StaffDay[], busy: readonly Busy[], rules: SlotRules): void {
  assertTimeZone(rules.timeZone);
  for (const range of [...(rules.clinicHours ? [rules.clinicHours] : []), ...staff.flatMap((s) => s.hours)]) {
    minutesOfDay(range.start);
    minutesOfDay(range.end);
  }
  if (!Number.isInteger(rules.durationMinutes) || rules.durationMinutes <= 0) throw new RangeError('durationMinutes must be a positive whole number');
  if (!Number.isInteger(rules.stepMinutes) || rules.stepMinutes <= 0) throw new RangeError('stepMinutes must be a positive whole number');
  if (!Number.isFinite(rules.minNoticeHours) || rules.minNoticeHours < 0) throw new RangeError('minNoticeHours must be zero or more');
  if (!Number.isInteger(rules.horizonDays) || rules.horizonDays < 0) throw new RangeError('horizonDays must be a whole number, zero or more');
  if (!Number.isFinite(rules.now.getTime())) throw new RangeError('now must be a valid date');
  for (const b of busy) {
    if (!Number.isFinite(b.start.getTime()) || !Number.isFinite(b.end.getTime())) throw new RangeError('busy intervals must have valid dates');
  }
}
