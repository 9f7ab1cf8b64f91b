import { TZDate } from '@date-fns/tz';
import { clinicInstant, type LocalDate } from '@petfriendly/core';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { availableSlots, type Busy, type Slot, type SlotRules, type StaffDay, staffFreeAt } from './slots';

const MX = 'America/Mexico_City'; // UTC−6 all year (no DST since 2022)
const TJ = 'America/Tijuana'; // 2026-03-08 02:00→03:00, 2026-11-01 02:00→01:00
const MAD = 'Europe/Madrid'; // 2026-03-29 02:00→03:00
const DAY = '2026-06-02'; // tomorrow, seen from `base.now`

const at = (time: string, date: LocalDate = DAY, tz = MX): Date => clinicInstant(date, time, tz);
const base: SlotRules = {
  timeZone: MX,
  clinicHours: { start: '09:00', end: '13:00' },
  durationMinutes: 30,
  stepMinutes: 30,
  now: at('08:00', '2026-06-01'),
  minNoticeHours: 2,
  horizonDays: 30,
};
/** works('ana', '09:00-11:00', '12:00-13:00') */
const works = (staffId: string, ...ranges: string[]): StaffDay => ({
  staffId,
  hours: ranges.map((r) => ({ start: r.slice(0, 5), end: r.slice(6) })),
});
const busyFor = (staffId: string | null, range: string, date: LocalDate = DAY, tz = MX): Busy => ({
  staffId,
  start: at(range.slice(0, 5), date, tz),
  end: at(range.slice(6), date, tz),
});
/** Slots as 'HH:MM ana,bob' in clinic-local time. */
const show = (slots: Slot[], tz = MX) => slots.map((s) => `${format(new TZDate(s.start, tz), 'HH:mm')} ${s.staffIds.join(',')}`);
/** Expected list: every `step` minutes from `from` to `to` (inclusive), each with `ids`. */
const every = (step: number, from: string, to: string, ids: string): string[] => {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const out: string[] = [];
  for (let m = minutes(from); m <= minutes(to); m += step) out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')} ${ids}`);
  return out;
};

/** Every slot shown must be bookable with exactly the same people; slots sorted and `duration` long. */
function expectConsistent(slots: Slot[], staff: StaffDay[], busy: Busy[], rules: SlotRules) {
  for (const [i, slot] of slots.entries()) {
    expect(slot.end.getTime() - slot.start.getTime()).toBe(rules.durationMinutes * 60_000);
    if (i > 0) expect(slot.start.getTime()).toBeGreaterThan(slots[i - 1]!.start.getTime());
    expect(staffFreeAt(slot.start, staff, busy, rules)).toEqual(slot.staffIds);
  }
}

interface Case {
  name: string;
  staff: StaffDay[];
  busy?: Busy[];
  rules?: Partial<SlotRules>;
  date?: LocalDate;
  expected: string[];
}

describe('availableSlots: hours, staff and busy times', () => {
  it.each<Case>([
    { name: 'clinic closed (closed weekday or holiday)', staff: [works('ana', '09:00-13:00')], rules: { clinicHours: null }, expected: [] },
    { name: 'nobody on the list', staff: [], expected: [] },
    { name: 'the only vet is on their day off', staff: [works('ana')], expected: [] },
    {
      name: 'a staff member on their day off is not offered',
      staff: [works('ana'), works('bob', '09:00-13:00')],
      expected: every(30, '09:00', '12:30', 'bob'),
    },
    {
      name: 'same times for two people collapse into one slot, ids sorted',
      staff: [works('zoe', '09:00-10:00'), works('ana', '09:00-10:00')],
      expected: every(30, '09:00', '09:30', 'ana,zoe'),
    },
    {
      name: 'different hours per person',
      staff: [works('ana', '09:00-11:00'), works('bob', '10:00-13:00')],
      expected: [...every(30, '09:00', '09:30', 'ana'), ...every(30, '10:00', '10:30', 'ana,bob'), ...every(30, '11:00', '12:30', 'bob')],
    },
    { name: 'staff hours are clipped to clinic hours', staff: [works('ana', '07:00-15:00')], expected: every(30, '09:00', '12:30', 'ana') },
    { name: 'staff hours entirely outside clinic hours', staff: [works('ana', '14:00-18:00')], expected: [] },
    {
      name: 'a staff-specific block removes only that person',
      staff: [works('ana', '09:00-11:00'), works('bob', '09:00-11:00')],
      busy: [busyFor('ana', '09:30-10:30')],
      expected: ['09:00 ana,bob', '09:30 bob', '10:00 bob', '10:30 ana,bob'],
    },
    {
      name: 'a clinic-wide block removes everyone',
      staff: [works('ana', '09:00-11:00'), works('bob', '09:00-11:00')],
      busy: [busyFor(null, '10:00-11:00')],
      expected: every(30, '09:00', '09:30', 'ana,bob'),
    },
    {
      name: "another staff member's appointment does not block this one",
      staff: [works('ana', '09:00-10:00')],
      busy: [busyFor('bob', '09:00-10:00'), busyFor('carla', '09:30-10:00')],
      expected: every(30, '09:00', '09:30', 'ana'),
    },
    {
      name: 'half-open: a slot may end when a busy time starts, and start when it ends',
      staff: [works('ana', '09:00-11:00')],
      busy: [busyFor('ana', '09:30-10:00')],
      expected: ['09:00 ana', '10:00 ana', '10:30 ana'],
    },
    {
      name: 'a busy time covering part of a grid slot removes it; the grid does not shift',
      staff: [works('ana', '09:00-11:00')],
      busy: [busyFor('ana', '09:40-09:50')],
      expected: ['09:00 ana', '10:00 ana', '10:30 ana'],
    },
    {
      name: 'a block that started the day before',
      staff: [works('ana', '09:00-11:00')],
      busy: [{ staffId: null, start: at('18:00', '2026-06-01'), end: at('10:00') }],
      expected: every(30, '10:00', '10:30', 'ana'),
    },
    {
      name: 'empty or inverted busy intervals are ignored',
      staff: [works('ana', '09:00-10:00')],
      busy: [busyFor('ana', '09:15-09:15'), busyFor(null, '09:45-09:15')],
      expected: every(30, '09:00', '09:30', 'ana'),
    },
    {
      name: 'lunch break as two ranges: no slot crosses it',
      staff: [works('ana', '09:00-11:00', '12:00-13:00')],
      rules: { durationMinutes: 60 },
      expected: ['09:00 ana', '09:30 ana', '10:00 ana', '12:00 ana'],
    },
    {
      name: 'adjacent ranges are not joined',
      staff: [works('ana', '09:00-10:00', '10:00-11:00')],
      rules: { durationMinutes: 60 },
      expected: ['09:00 ana', '10:00 ana'],
    },
    {
      name: 'duration longer than the time left before closing',
      staff: [works('ana', '09:00-13:00')],
      rules: { durationMinutes: 90 },
      expected: every(30, '09:00', '11:30', 'ana'),
    },
    { name: 'duration longer than the whole day', staff: [works('ana', '09:00-13:00')], rules: { durationMinutes: 300 }, expected: [] },
    { name: 'a slot must end by the end of the working range', staff: [works('ana', '09:00-10:45')], expected: every(30, '09:00', '10:00', 'ana') },
    { name: 'step finer than the duration', staff: [works('ana', '09:00-10:00')], rules: { stepMinutes: 15 }, expected: every(15, '09:00', '09:30', 'ana') },
    {
      name: "the grid starts at each person's range start",
      staff: [works('ana', '09:10-10:30'), works('bob', '09:00-10:30')],
      expected: ['09:00 bob', '09:10 ana', '09:30 bob', '09:40 ana', '10:00 bob'],
    },
    { name: 'the grid starts where clinic hours clip the range', staff: [works('ana', '08:45-10:00')], expected: every(30, '09:00', '09:30', 'ana') },
    {
      name: 'the same person listed twice appears once',
      staff: [works('ana', '09:00-10:00'), works('ana', '09:00-10:00')],
      expected: every(30, '09:00', '09:30', 'ana'),
    },
  ])('$name', ({ staff, busy = [], rules, date = DAY, expected }) => {
    const r = { ...base, ...rules };
    const slots = availableSlots(date, staff, busy, r);
    expect(show(slots)).toEqual(expected);
    expectConsistent(slots, staff, busy, r);
  });
});

describe('availableSlots: minimum notice and booking horizon', () => {
  const staff = [works('ana', '09:00-13:00')];
  it.each<{ name: string; date: LocalDate; now: Date; notice?: number; horizon?: number; expected: string[] }>([
    {
      name: 'notice today: first slot is the next grid time after now + notice',
      date: DAY,
      now: at('09:40'),
      notice: 1,
      expected: every(30, '11:00', '12:30', 'ana'),
    },
    { name: 'no notice (emergencies): next grid time after now', date: DAY, now: at('09:40'), notice: 0, expected: every(30, '10:00', '12:30', 'ana') },
    { name: 'now + notice exactly on a grid time keeps it', date: DAY, now: at('09:00'), notice: 1, expected: every(30, '10:00', '12:30', 'ana') },
    { name: 'notice runs past closing', date: DAY, now: at('10:00'), notice: 4, expected: [] },
    { name: 'notice reaching into the next day', date: DAY, now: at('20:00', '2026-06-01'), notice: 14, expected: every(30, '10:00', '12:30', 'ana') },
    { name: 'a past date', date: '2026-05-31', now: at('08:00', '2026-06-01'), expected: [] },
    { name: 'horizon: the last day is included', date: '2026-07-01', now: at('08:00', '2026-06-01'), expected: every(30, '09:00', '12:30', 'ana') },
    { name: 'horizon: the day after is excluded', date: '2026-07-02', now: at('08:00', '2026-06-01'), expected: [] },
    { name: 'horizon 0: today only', date: '2026-06-01', now: at('08:00', '2026-06-01'), notice: 0, horizon: 0, expected: every(30, '09:00', '12:30', 'ana') },
    { name: 'horizon 0: not tomorrow', date: '2026-06-02', now: at('08:00', '2026-06-01'), notice: 0, horizon: 0, expected: [] },
    // 21:00 local on June 1 is already June 2 in UTC: the horizon counts clinic-local days.
    { name: 'horizon counts clinic-local days (included)', date: '2026-07-01', now: at('21:00', '2026-06-01'), expected: every(30, '09:00', '12:30', 'ana') },
    { name: 'horizon counts clinic-local days (excluded)', date: '2026-07-02', now: at('21:00', '2026-06-01'), expected: [] },
  ])('$name', ({ date, now, notice = 2, horizon = 30, expected }) => {
    const rules = { ...base, now, minNoticeHours: notice, horizonDays: horizon };
    const slots = availableSlots(date, staff, [], rules);
    expect(show(slots)).toEqual(expected);
    expectConsistent(slots, staff, [], rules);
  });
});

describe('availableSlots across daylight-saving changes', () => {
  const early = new Date('2026-01-01T00:00:00Z');
  it.each<{
    name: string;
    tz: string;
    date: LocalDate;
    hours: string;
    duration?: number;
    step?: number;
    busy?: [string, string][];
    now?: Date;
    notice?: number;
    expected: string[];
  }>([
    { name: 'Tijuana, the day before spring forward (PST, UTC−8)', tz: TJ, date: '2026-03-07', hours: '09:00-10:00', expected: ['17:00', '17:30'] },
    { name: 'Tijuana, spring forward day (PDT, UTC−7)', tz: TJ, date: '2026-03-08', hours: '09:00-10:00', expected: ['16:00', '16:30'] },
    // 00:00–06:00 lasts 5 real hours: 00:00, 01:00 PST then 03:00, 04:00, 05:00 PDT.
    {
      name: 'Tijuana, spring forward night: the lost hour is not offered',
      tz: TJ,
      date: '2026-03-08',
      hours: '00:00-06:00',
      duration: 60,
      step: 60,
      expected: ['08:00', '09:00', '10:00', '11:00', '12:00'],
    },
    {
      name: 'Tijuana, spring forward: the grid keeps real 30-minute spacing',
      tz: TJ,
      date: '2026-03-08',
      hours: '01:00-04:00',
      expected: ['09:00', '09:30', '10:00', '10:30'],
    },
    {
      name: 'Tijuana, notice measured in real hours across the change',
      tz: TJ,
      date: '2026-03-08',
      hours: '00:00-06:00',
      now: new Date('2026-03-08T08:30:00Z'),
      notice: 2,
      expected: ['10:30', '11:00', '11:30', '12:00', '12:30'],
    },
    { name: 'Tijuana, fall back day (PST, UTC−8)', tz: TJ, date: '2026-11-01', hours: '09:00-10:00', expected: ['17:00', '17:30'] },
    // 00:00–06:00 lasts 7 real hours: 01:00 happens twice (PDT, then PST).
    {
      name: 'Tijuana, fall back night: the repeated hour is offered twice',
      tz: TJ,
      date: '2026-11-01',
      hours: '00:00-06:00',
      duration: 60,
      step: 60,
      expected: ['07:00', '08:00', '09:00', '10:00', '11:00', '12:00', '13:00'],
    },
    {
      name: 'Tijuana, fall back: a block in the second 01:00 leaves the first',
      tz: TJ,
      date: '2026-11-01',
      hours: '00:00-06:00',
      duration: 60,
      step: 60,
      busy: [['2026-11-01T09:00:00Z', '2026-11-01T10:00:00Z']],
      expected: ['07:00', '08:00', '10:00', '11:00', '12:00', '13:00'],
    },
    { name: 'Madrid, the day before (CET, UTC+1)', tz: MAD, date: '2026-03-28', hours: '09:00-10:00', expected: ['08:00', '08:30'] },
    { name: 'Madrid, spring forward day (CEST, UTC+2)', tz: MAD, date: '2026-03-29', hours: '09:00-10:00', expected: ['07:00', '07:30'] },
    {
      name: 'Madrid, spring forward night',
      tz: MAD,
      date: '2026-03-29',
      hours: '00:00-06:00',
      duration: 60,
      step: 60,
      expected: ['2026-03-28T23:00', '00:00', '01:00', '02:00', '03:00'],
    },
    { name: 'Mexico City keeps UTC−6 on the old DST start', tz: MX, date: '2026-04-05', hours: '09:00-10:00', expected: ['15:00', '15:30'] },
    {
      name: 'Mexico City keeps UTC−6 when Tijuana falls back',
      tz: MX,
      date: '2026-11-01',
      hours: '00:00-03:00',
      duration: 60,
      step: 60,
      expected: ['06:00', '07:00', '08:00'],
    },
  ])('$name', ({ tz, date, hours, duration = 30, step = 30, busy = [], now = early, notice = 0, expected }) => {
    const rules: SlotRules = {
      timeZone: tz,
      clinicHours: { start: hours.slice(0, 5), end: hours.slice(6) },
      durationMinutes: duration,
      stepMinutes: step,
      now,
      minNoticeHours: notice,
      horizonDays: 365,
    };
    const staff = [works('ana', hours)];
    const blocks: Busy[] = busy.map(([s, e]) => ({ staffId: 'ana', start: new Date(s), end: new Date(e) }));
    const slots = availableSlots(date, staff, blocks, rules);
    const iso = (t: string) => new Date(t.length > 5 ? `${t}:00.000Z` : `${date}T${t}:00.000Z`).toISOString();
    expect(slots.map((s) => s.start.toISOString())).toEqual(expected.map(iso));
    expectConsistent(slots, staff, blocks, rules);
  });
});

describe('staffFreeAt', () => {
  // ana: mornings and after lunch, on a 09:00 grid; bob: a 09:10 grid; carla: day off.
  const staff = [works('ana', '09:00-11:00', '12:00-13:00'), works('bob', '09:10-13:00'), works('carla')];
  const busy = [busyFor('ana', '10:00-10:30'), busyFor('bob', '11:10-11:40'), busyFor(null, '12:30-13:00')];
  it.each<{ name: string; start: Date; rules?: Partial<SlotRules>; expected: string[] }>([
    { name: "on ana's grid", start: at('09:00'), expected: ['ana'] },
    { name: "on bob's grid", start: at('09:10'), expected: ['bob'] },
    { name: 'ending when a busy time starts', start: at('09:30'), expected: ['ana'] },
    { name: 'starting when a busy time ends', start: at('10:30'), expected: ['ana'] },
    { name: 'during her appointment', start: at('10:00'), expected: [] },
    { name: 'his slot ending when his appointment starts', start: at('10:40'), expected: ['bob'] },
    { name: 'during his appointment', start: at('11:10'), expected: [] },
    { name: 'right after his appointment', start: at('11:40'), expected: ['bob'] },
    { name: 'running into the clinic-wide block', start: at('12:10'), expected: [] },
    { name: 'ending when the clinic-wide block starts', start: at('12:00'), expected: ['ana'] },
    { name: 'inside the clinic-wide block', start: at('12:30'), expected: [] },
    { name: 'not aligned to anyone’s grid', start: at('09:15'), expected: [] },
    { name: 'one millisecond off the grid', start: new Date(at('09:00').getTime() + 1), expected: [] },
    { name: 'before opening', start: at('08:30'), expected: [] },
    { name: 'at closing time', start: at('13:00'), expected: [] },
    { name: "crossing the end of ana's morning (lunch)", start: at('10:30'), rules: { durationMinutes: 60 }, expected: [] },
    {
      name: 'crossing closing time (free when the clinic closes later)',
      start: at('11:40'),
      rules: { clinicHours: { start: '09:00', end: '12:00' } },
      expected: [],
    },
    { name: 'before now + notice', start: at('09:30'), rules: { now: at('09:00'), minNoticeHours: 1 }, expected: [] },
    { name: 'at now + notice', start: at('10:10'), rules: { now: at('09:10'), minNoticeHours: 1 }, expected: ['bob'] },
    { name: 'the last day of the horizon', start: at('09:00', '2026-07-01'), expected: ['ana'] },
    { name: 'beyond the horizon', start: at('09:00', '2026-07-02'), expected: [] },
    { name: 'clinic closed', start: at('09:00'), rules: { clinicHours: null }, expected: [] },
    { name: 'an invalid date', start: new Date(Number.NaN), expected: [] },
  ])('$name', ({ start, rules, expected }) => {
    // Busy times are on DAY; other dates use the same hours with no busy times.
    const onDay = start.getTime() >= at('00:00').getTime() && start.getTime() < at('24:00').getTime();
    expect(staffFreeAt(start, staff, onDay ? busy : [], { ...base, ...rules })).toEqual(expected);
  });
});

describe('invalid input', () => {
  const staff = [works('ana', '09:00-13:00')];
  it.each<{ name: string; rules?: Partial<SlotRules>; staff?: StaffDay[]; date?: string; busy?: Busy[] }>([
    { name: 'step of 0', rules: { stepMinutes: 0 } },
    { name: 'non-integer duration', rules: { durationMinutes: 12.5 } },
    { name: 'negative notice', rules: { minNoticeHours: -1 } },
    { name: 'negative horizon', rules: { horizonDays: -1 } },
    { name: 'unknown time zone', rules: { timeZone: 'Mars/Olympus_Mons' } },
    { name: 'malformed clinic hours', rules: { clinicHours: { start: '9:00', end: '13:00' } } },
    { name: 'malformed staff hours', staff: [{ staffId: 'ana', hours: [{ start: '09:00', end: '25:00' }] }] },
    { name: 'malformed date', date: '2026-6-2' },
    { name: 'invalid busy date', busy: [{ staffId: null, start: new Date('nope'), end: at('10:00') }] },
  ])('$name throws RangeError', ({ rules, staff: s = staff, date = DAY, busy = [] }) => {
    expect(() => availableSlots(date, s, busy, { ...base, ...rules })).toThrow(RangeError);
    if (date === DAY) expect(() => staffFreeAt(at('09:00'), s, busy, { ...base, ...rules })).toThrow(RangeError);
  });
});
