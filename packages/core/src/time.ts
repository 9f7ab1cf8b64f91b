import { AsyncLocalStorage } from 'node:async_hooks';
import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';

/** Source of "now"; tests pass a fake one. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

const pinned = new AsyncLocalStorage<Date>();

/**
 * Runs `fn` as of a past moment: every clock of the platform (through `pinnable`) reads `at` inside it,
 * and the events it raises are stamped with it. For writing history (the demo clinic's past) through
 * the services, so rows and events carry the day they happened. Outside `runAsOf` nothing changes.
 */
export function runAsOf<T>(at: Date | string, fn: () => Promise<T>): Promise<T> {
  return pinned.run(new Date(at), fn);
}

/** The moment `runAsOf` pinned, or null outside it. */
export function pinnedNow(): Date | null {
  const at = pinned.getStore();
  return at ? new Date(at) : null;
}

/** `base`, except inside `runAsOf`, where it reads the pinned moment. */
export function pinnable(base: Clock): Clock {
  return { now: () => pinnedNow() ?? base.now() };
}

export function fixedClock(start: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => (current = new Date(d)),
    advance: (ms) => (current = new Date(current.getTime() + ms)),
  };
}

/** A calendar date (`YYYY-MM-DD`) as the clinic sees it. All day arithmetic goes through here. */
export type LocalDate = string;

export function localDate(instant: Date, timeZone: string): LocalDate {
  return format(new TZDate(instant, timeZone), 'yyyy-MM-dd');
}

export function clinicToday(clock: Clock, timeZone: string): LocalDate {
  return localDate(clock.now(), timeZone);
}

/** The instant a clinic-local date and time happens (DST-aware). */
export function clinicInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(new TZDate(y!, m! - 1, d!, hh!, mm!, 0, timeZone).getTime());
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Whole years and months between a birth date and a day, for "2 años 3 meses". */
export function ageOn(birth: LocalDate, on: LocalDate): { years: number; months: number; days: number } {
  const days = daysBetween(birth, on);
  const [by, bm, bd] = birth.split('-').map(Number);
  const [oy, om, od] = on.split('-').map(Number);
  let months = (oy! - by!) * 12 + (om! - bm!);
  if (od! < bd!) months -= 1;
  return { years: Math.floor(months / 12), months: months % 12, days };
}
