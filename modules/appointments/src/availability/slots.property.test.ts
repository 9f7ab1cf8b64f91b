/**
 * Property-style check that the booking rule (`staffFreeAt`) and the listing (`availableSlots`) agree:
 * for random layouts of hours, busy times, notice and horizon — on ordinary and daylight-saving dates —
 * every listed slot is bookable by exactly its staff, and no unlisted time is bookable at all.
 * A seeded generator keeps failures reproducible (the seed is in the test name).
 */

import { clinicInstant, daysBetween, type LocalDate, localDate } from '@petfriendly/core';
import { describe, expect, it } from 'vitest';
import { availableSlots, type Busy, type SlotRules, type StaffDay, staffFreeAt, type TimeRange } from './slots';

const MINUTE = 60_000;
const DATES: [string, LocalDate][] = [
  ['America/Tijuana', '2026-03-08'],
  ['America/Tijuana', '2026-11-01'],
  ['Europe/Madrid', '2026-03-29'],
  ['Europe/Madrid', '2026-10-25'],
  ['America/Mexico_City', '2026-04-05'],
  ['America/Mexico_City', '2026-06-02'],
];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function layout(seed: number) {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const hhmm = (m: number) => (m >= 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const range = (minLen: number, maxLen: number): TimeRange => {
    const start = int(0, 287 - minLen / 5) * 5; // 5-minute marks, any hour (so DST nights are covered)
    return { start: hhmm(start), end: hhmm(Math.min(1440, start + int(minLen / 5, maxLen / 5) * 5)) };
  };
  const [timeZone, date] = pick(DATES);
  const dayStart = clinicInstant(date, '00:00', timeZone).getTime();
  const ids = ['ana', 'bob', 'cy', 'dee'];
  const staff: StaffDay[] = Array.from({ length: int(1, 4) }, () => ({
    staffId: pick(ids),
    hours: Array.from({ length: pick([0, 1, 1, 2, 2, 3]) }, () => range(15, 480)),
  }));
  const busy: Busy[] = Array.from({ length: int(0, 8) }, () => {
    const start = dayStart + int(-120, 1560) * MINUTE; // any minute, off-grid too
    return { staffId: pick([...ids, null, 'someone-else']), start: new Date(start), end: new Date(start + int(-10, 180) * MINUTE) };
  });
  const rules: SlotRules = {
    timeZone,
    clinicHours: rnd() < 0.1 ? null : range(120, 960),
    durationMinutes: pick([10, 15, 20, 30, 45, 60, 90, 120]),
    stepMinutes: pick([5, 10, 15, 20, 30, 60]),
    now: new Date(dayStart + int(-3 * 1440, 1440) * MINUTE + int(0, 59) * 1000),
    minNoticeHours: pick([0, 0, 0.5, 1, 2, 24]),
    horizonDays: pick([0, 1, 2, 7]),
  };
  return { date, dayStart, staff, busy, rules };
}

describe('staffFreeAt agrees with availableSlots', () => {
  let listed = 0;
  it.each(Array.from({ length: 300 }, (_, i) => 1000 + i))('random layout, seed %i', (seed) => {
    const { date, dayStart, staff, busy, rules } = layout(seed);
    const slots = availableSlots(date, staff, busy, rules);
    listed += slots.length;
    const byStart = new Map(slots.map((s) => [s.start.getTime(), s.staffIds]));
    const duration = rules.durationMinutes * MINUTE;
    const earliest = rules.now.getTime() + rules.minNoticeHours * 3_600_000;

    for (const slot of slots) {
      expect(slot.staffIds.length).toBeGreaterThan(0);
      expect(slot.staffIds).toEqual([...new Set(slot.staffIds)].sort());
      expect(staffFreeAt(slot.start, staff, busy, rules)).toEqual(slot.staffIds);
      // One minute off is off every grid (ranges start on 5-minute marks, steps are multiples of 5).
      expect(staffFreeAt(new Date(slot.start.getTime() + MINUTE), staff, busy, rules)).toEqual([]);
      expect(staffFreeAt(new Date(slot.start.getTime() - MINUTE), staff, busy, rules)).toEqual([]);
    }

    // Every 5-minute mark from an hour before opening to an hour after closing (hourly for the rest of the date):
    // bookable exactly when listed, with the same people, and whoever is returned really is free — hours, busy
    // times, notice and horizon checked directly. The scan stays within the date: for another date staffFreeAt
    // would read `staff` as that date's hours.
    const open = rules.clinicHours && {
      start: clinicInstant(date, rules.clinicHours.start, rules.timeZone).getTime(),
      end: clinicInstant(date, rules.clinicHours.end, rules.timeZone).getTime(),
    };
    const dayEnd = clinicInstant(date, '24:00', rules.timeZone).getTime();
    const near = (t: number) => open !== null && open.start - 60 * MINUTE <= t && t <= open.end + 60 * MINUTE;
    for (let t = dayStart; t < dayEnd; t += 5 * MINUTE) {
      if (!near(t) && (t - dayStart) % (60 * MINUTE) !== 0) continue;
      const who = staffFreeAt(new Date(t), staff, busy, rules);
      expect(who).toEqual(byStart.get(t) ?? []);
      if (who.length === 0) continue;
      expect(open && open.start <= t && t + duration <= open.end).toBe(true);
      expect(t).toBeGreaterThanOrEqual(earliest);
      expect(daysBetween(localDate(rules.now, rules.timeZone), localDate(new Date(t), rules.timeZone))).toBeLessThanOrEqual(rules.horizonDays);
      for (const id of who) {
        const clash = busy.find((b) => (b.staffId === id || b.staffId === null) && b.start.getTime() < t + duration && t < b.end.getTime() && b.start < b.end);
        expect(clash).toBeUndefined();
        const ranges = staff.filter((s) => s.staffId === id).flatMap((s) => s.hours);
        const inHours = ranges.some((r) => {
          const start = Math.max(clinicInstant(date, r.start, rules.timeZone).getTime(), open!.start);
          return start <= t && t + duration <= clinicInstant(date, r.end, rules.timeZone).getTime() && (t - start) % (rules.stepMinutes * MINUTE) === 0;
        });
        expect(inHours).toBe(true);
      }
    }
  });

  it('the random layouts were not vacuous', () => {
    expect(listed).toBeGreaterThan(300);
  });
});
