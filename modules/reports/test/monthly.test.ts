import { accountsModule } from '@petfriendly/accounts';
import { appointmentsModule } from '@petfriendly/appointments';
import { billingModule } from '@petfriendly/billing';
import { addLocalDays, type EventContext, type LocalDate, money, rows } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appointmentFigures, type Filters, invoiceFigures, MAX_DAILY_SERIES, salesFigures, salesTotal, topItems } from '../src/figures';
import { reportsModule } from '../src/index';
import type { Period } from '../src/period';
import type { ReportsServices } from '../src/services';
import { breakdownOf, ReportedInvoiceFactory } from '../src/testing';

vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

/** A small seeded generator (mulberry32), so a failure can be replayed with its seed. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]) => list[int(0, list.length - 1)]!;
  return { next, int, pick };
}
const SEED = Number(process.env.MONTHLY_SEED ?? Date.now() % 100_000);
const rnd = generator(SEED);

const START: LocalDate = '2024-01-01';
const DAYS = 820; // to the end of March 2026
const VETS = ['vet-a', 'vet-b', 'vet-c'];
const KINDS = ['service', 'product', 'shipping'] as const;

interface Invoice {
  id: number;
  date: LocalDate;
  vetId: string;
  breakdown: ReturnType<typeof breakdownOf>;
  cancelled: boolean;
}
interface Appointment {
  id: number;
  day: LocalDate;
  vetId: string;
  minutes: number;
  state: 'booked' | 'completed' | 'cancelled' | 'no_show';
}

const randomBreakdown = () =>
  breakdownOf(
    Array.from({ length: rnd.int(1, 3) }, () => {
      const kind = rnd.pick(KINDS);
      return {
        kind,
        base: money(rnd.int(1, 400_000)).div(100).toFixed(2),
        categoryId: kind === 'shipping' ? null : rnd.int(1, 3),
        itemId: kind === 'shipping' ? null : rnd.int(1, 6),
        quantity: rnd.int(1, 3),
      };
    }),
  );

let platform: TestPlatform;
let reports: ReportsServices;
const invoices: Invoice[] = [];
const appointments: Appointment[] = [];

beforeAll(async () => {
  platform = await createTestPlatform([
    accountsModule,
    vetClinicModule,
    omnichannelModule,
    appointmentsModule,
    multilingualModule,
    storeModule,
    billingModule,
    reportsModule,
  ]);
  reports = platform.services.reports;
  const p = reports.projection;
  let position = 0;
  /** One handler in its own transaction, as the consumer runs it. */
  const handle = <T>(run: (payload: T, c: EventContext) => Promise<unknown>, payload: T) =>
    platform.ctx.db.transaction((tx) => run(payload, { tx, eventId: String(++position), position, occurredAt: new Date() }));
  const at = (day: LocalDate) => `${day}T17:00:00.000Z`;
  const ref = (a: Appointment) => ({ appointmentId: a.id, ownerId: 'owner', petId: 1, staffId: a.vetId, serviceTypeId: 1, startsAt: at(a.day) });

  for (let id = 1; id <= 100; id++) {
    const a: Appointment = { id, day: addLocalDays(START, rnd.int(0, DAYS)), vetId: rnd.pick(VETS), minutes: rnd.pick([20, 30, 45, 60]), state: 'booked' };
    await handle(p.onAppointmentBooked, { ...ref(a), endsAt: new Date(Date.parse(at(a.day)) + a.minutes * 60_000).toISOString(), createdVia: 'test' });
    appointments.push(a);
    const change = rnd.int(0, 4);
    if (change === 1) {
      a.state = 'completed';
      await handle(p.onAppointmentCompleted, { ...ref(a), followUpDays: null });
    } else if (change === 2) {
      a.state = 'cancelled';
      await handle(p.onAppointmentCancelled, { ...ref(a), reason: 'x', cancelledBy: null });
    } else if (change === 3) {
      a.state = 'no_show';
      await handle(p.onAppointmentNoShow, ref(a));
    } else if (change === 4) {
      const previousStartsAt = at(a.day);
      a.day = addLocalDays(START, rnd.int(0, DAYS));
      await handle(p.onAppointmentRescheduled, { ...ref(a), previousStartsAt });
    }
  }

  for (let id = 1; id <= 180; id++) {
    const appointment = rnd.next() < 0.8 ? rnd.pick(appointments) : null;
    const invoice: Invoice = {
      id,
      date: addLocalDays(START, rnd.int(0, DAYS)),
      vetId: appointment?.vetId ?? '',
      breakdown: randomBreakdown(),
      cancelled: false,
    };
    const issued = await ReportedInvoiceFactory(platform, {
      invoiceId: id,
      date: invoice.date,
      appointmentId: appointment?.id ?? null,
      ownerId: `owner-${rnd.int(1, 40)}`,
      petId: rnd.int(1, 60),
      breakdown: invoice.breakdown,
    });
    const invoiceRef = { invoiceId: id, invoiceNumber: issued.invoiceNumber, ownerId: issued.ownerId, total: issued.total };
    invoices.push(invoice);
    const change = rnd.int(0, 9);
    if (change === 0) {
      invoice.cancelled = true;
      await handle(p.onInvoiceCancelled, {
        ...invoiceRef,
        motive: '02',
        substituteInvoiceId: null,
        orderId: null,
        date: invoice.date,
        breakdown: invoice.breakdown,
      });
    } else if (change === 1) {
      const previous = invoice.breakdown;
      invoice.breakdown = randomBreakdown();
      await handle(p.onInvoiceDiscounted, { ...invoiceRef, total: invoice.breakdown.total, previous, breakdown: invoice.breakdown } as never);
    }
  }
});
afterAll(async () => platform?.close());

/** The same figures straight from the generated rows, in plain code. */
function expected(p: Period, f: Filters) {
  const inPeriod = (day: LocalDate) => day >= p.from && day <= p.to;
  const vetOk = (vetId: string) => f.vetId === undefined || vetId === f.vetId;
  const live = invoices.filter((i) => !i.cancelled && inPeriod(i.date) && vetOk(i.vetId));
  const lines = live.flatMap((i) =>
    i.breakdown.lines.map((l) => ({ ...l, date: i.date, vetId: i.vetId, key: `${l.kind}:${l.categoryId ?? 0}`, item: l.serviceId ?? l.productId ?? 0 })),
  );
  const shown = lines.filter((l) => !f.category || l.key === f.category);
  const sumBy = <T>(list: T[], key: (x: T) => string, value: (x: T) => string) => {
    const out = new Map<string, string>();
    for (const x of list)
      out.set(
        key(x),
        money(out.get(key(x)) ?? 0)
          .plus(value(x))
          .toFixed(2),
      );
    return out;
  };
  const daily = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000) < MAX_DAILY_SERIES;
  const onDays = appointments.filter((a) => inPeriod(a.day) && vetOk(a.vetId));
  const byVet = new Map<string, number[]>();
  for (const a of onDays) {
    const c = byVet.get(a.vetId) ?? [0, 0, 0, 0, 0];
    c[0]! += 1;
    if (a.state === 'completed') c[1]! += 1;
    if (a.state === 'cancelled') c[2]! += 1;
    if (a.state === 'no_show') c[3]! += 1;
    if (a.state !== 'cancelled') c[4]! += a.minutes;
    byVet.set(a.vetId, c);
  }
  return {
    byVet: sumBy(
      shown,
      (l) => l.vetId,
      (l) => l.base,
    ),
    byCategory: sumBy(
      shown,
      (l) => l.key,
      (l) => l.base,
    ),
    series: sumBy(
      shown,
      (l) => (daily ? l.date : `${l.date.slice(0, 7)}-01`),
      (l) => l.base,
    ),
    total: shown.reduce((s, l) => s.plus(l.base), money(0)).toFixed(2),
    services: sumBy(
      shown.filter((l) => l.kind === 'service'),
      (l) => String(l.item),
      (l) => l.base,
    ),
    invoices: live.length,
    gross: live.reduce((s, i) => s.plus(i.breakdown.total), money(0)).toFixed(2),
    appointments: byVet,
  };
}

const asMap = (list: { key: string; net: string }[]) => new Map(list.filter((r) => r.net !== '0.00').map((r) => [r.key, r.net]));
const nonZero = (m: Map<string, string>) => new Map([...m].filter(([, v]) => v !== '0.00'));

describe(`the monthly sums (seed ${SEED})`, () => {
  it('are the days added up, month by month, after bookings, moves, cancellations and discounts', async () => {
    const db = platform.ctx.db;
    const check = async (daily: string, monthly: string, keys: string, sums: string) => {
      const fromDays = await rows(
        db,
        sql.raw(`select date_trunc('month', day)::date::text as month, ${keys}, ${sums} from ${daily} group by 1, ${keys} order by 1, ${keys}`),
      );
      const months = await rows(db, sql.raw(`select month::text as month, ${keys}, ${sums} from ${monthly} group by 1, ${keys} order by 1, ${keys}`));
      expect(months).toEqual(fromDays);
      expect(months.length).toBeGreaterThan(10);
    };
    await check(
      'reports.daily_sales',
      'reports.monthly_sales',
      'vet_id, kind, category_id, item_id',
      'sum(quantity)::text as q, sum(net)::text as n, sum(gross)::text as g',
    );
    await check('reports.daily_invoices', 'reports.monthly_invoices', 'vet_id', 'sum(invoices)::int as i, sum(net)::text as n, sum(gross)::text as g');
    await check(
      'reports.daily_appointments',
      'reports.monthly_appointments',
      'vet_id',
      'sum(booked)::int as b, sum(completed)::int as c, sum(cancelled)::int as x, sum(no_shows)::int as s, sum(minutes)::int as m',
    );
  });

  it('give a period the same figures as its rows, for random periods and filters', async () => {
    const db = platform.ctx.db;
    for (let i = 0; i < 40; i++) {
      const from = addLocalDays(START, rnd.int(-20, DAYS));
      // Short periods, a few weeks, and long ones over many whole months.
      const to = addLocalDays(from, rnd.pick([rnd.int(0, 10), rnd.int(20, 70), rnd.int(90, 700)]));
      const period = { from, to };
      const filters: Filters = {
        ...(rnd.next() < 0.3 ? { vetId: rnd.pick([...VETS, '']) } : {}),
        ...(rnd.next() < 0.3 ? { category: rnd.pick(['service:1', 'service:2', 'product:3', 'shipping:0']) } : {}),
      };
      const want = expected(period, filters);
      const [sales, total, top, counts, booked] = await Promise.all([
        salesFigures(db, period, filters),
        salesTotal(db, period, filters),
        topItems(db, period, filters, 'service', 100),
        invoiceFigures(db, period, filters),
        appointmentFigures(db, period, filters),
      ]);
      const label = `${from} – ${to} ${JSON.stringify(filters)}`;
      expect(asMap(sales.byVet.map((v) => ({ key: v.vetId, net: v.net }))), label).toEqual(nonZero(want.byVet));
      expect(asMap(sales.byCategory.map((c) => ({ key: `${c.kind}:${c.categoryId}`, net: c.net }))), label).toEqual(nonZero(want.byCategory));
      const series = [...sales.byDay.map((d) => ({ key: d.day, net: d.net })), ...sales.byMonth.map((m) => ({ key: m.month, net: m.net }))];
      expect(asMap(series), label).toEqual(nonZero(want.series));
      expect(sales.net, label).toBe(want.total);
      expect(total, label).toBe(want.total);
      expect(asMap(top.map((t) => ({ key: String(t.itemId), net: t.net }))), label).toEqual(nonZero(want.services));
      if (!filters.category) expect({ invoices: counts.invoices, gross: counts.gross }, label).toEqual({ invoices: want.invoices, gross: want.gross });
      expect(new Map(booked.filter((b) => b.booked !== 0).map((b) => [b.vetId, [b.booked, b.completed, b.cancelled, b.noShows, b.minutes]])), label).toEqual(
        want.appointments,
      );
    }
  });
});
