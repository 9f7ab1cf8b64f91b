import { type Db, daysBetween, money, rows } from '@petfriendly/core';
import { and, between, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Period, wholeMonths } from './period';
import { dailyAppointments, dailyInvoices, dailySales, invoiceFacts, monthlyAppointments, monthlyInvoices, monthlySales, ownerFirsts } from './reports.tables';

export interface Filters {
  vetId?: string;
  /** `service:3`, `product:7`: a kind and its category. */
  category?: string;
}

/** Up to this many days a period's revenue is shown day by day; a longer one month by month. */
export const MAX_DAILY_SERIES = 62;

function salesFilter(f: Filters): SQL {
  const where = [sql`true`];
  if (f.vetId !== undefined) where.push(sql`vet_id = ${f.vetId}`);
  if (f.category) {
    const [kind, id] = f.category.split(':');
    where.push(sql`kind = ${kind} and category_id = ${Number(id ?? 0)}`);
  }
  return sql.join(where, sql` and `);
}
const vetFilter = (f: Filters) => (f.vetId === undefined ? sql`true` : sql`vet_id = ${f.vetId}`);

/**
 * The rows a period's sums are read from: its whole months from the monthly table, its odd days from the
 * daily one (`at` is the month's first day or the day), so a year reads 12 months and a few days; only
 * days when `dayByDay` (a series by day).
 */
function periodRows(p: Period, daily: PgTable, monthly: PgTable, columns: string, filter: SQL, dayByDay = false): SQL {
  const { months, days } = dayByDay ? { months: null, days: [p] } : wholeMonths(p);
  const parts = days.map((d) => sql`select ${sql.raw(columns)}, day as at from ${daily} where day between ${d.from} and ${d.to} and ${filter}`);
  if (months) parts.push(sql`select ${sql.raw(columns)}, month as at from ${monthly} where month between ${months.from} and ${months.to} and ${filter}`);
  return sql`(${sql.join(parts, sql` union all `)}) as s`;
}
const SALES = 'vet_id, kind, category_id, item_id, description, quantity, net, gross';
const salesRows = (p: Period, f: Filters, dayByDay = false) => periodRows(p, dailySales, monthlySales, SALES, salesFilter(f), dayByDay);
const money2 = (column: string) => sql.raw(`coalesce(sum(${column}), 0)::numeric(15,2)::text`);

/**
 * Revenue of a period before IVA, by vet, by kind and category, and day by day (or month by month for a
 * period over `MAX_DAILY_SERIES` days); totals summed from the categories.
 */
export async function salesFigures(db: Db, p: Period, f: Filters) {
  const from = salesRows(p, f);
  const daily = daysBetween(p.from, p.to) < MAX_DAILY_SERIES;
  const [byVet, byCategory, series] = await Promise.all([
    rows<{ vetId: string; net: string }>(db, sql`select vet_id as "vetId", ${money2('net')} as net from ${from} group by vet_id order by sum(net) desc`),
    rows<{ kind: string; categoryId: number; net: string }>(
      db,
      sql`select kind, category_id as "categoryId", ${money2('net')} as net from ${from} group by kind, category_id order by sum(net) desc, kind, category_id`,
    ),
    rows<{ at: string; net: string }>(
      db,
      daily
        ? sql`select at::text as at, ${money2('net')} as net from ${salesRows(p, f, true)} group by at order by at`
        : sql`select date_trunc('month', at)::date::text as at, ${money2('net')} as net from ${from} group by 1 order by 1`,
    ),
  ]);
  return {
    net: byCategory.reduce((s, c) => s.plus(c.net), money(0)).toFixed(2),
    byVet,
    byCategory,
    byDay: daily ? series.map((r) => ({ day: r.at, net: r.net })) : [],
    byMonth: daily ? [] : series.map((r) => ({ month: r.at, net: r.net })),
  };
}

const invoiceRows = (p: Period, f: Filters) => periodRows(p, dailyInvoices, monthlyInvoices, 'vet_id, invoices, net, gross', vetFilter(f));

/**
 * Only the revenue of a period before IVA (what the period is compared with). Without a category it is the
 * invoices' own amounts, to the centavo; a category's is the sum of its lines (each rounded to centavos).
 */
export async function salesTotal(db: Db, p: Period, f: Filters): Promise<string> {
  const [row] = await rows<{ net: string }>(db, sql`select ${money2('net')} as net from ${f.category ? salesRows(p, f) : invoiceRows(p, f)}`);
  return row!.net;
}

/** The best sellers of a kind in a period, by revenue before IVA. */
export function topItems(db: Db, p: Period, f: Filters, kind: 'service' | 'product', limit: number) {
  return rows<{ itemId: number; description: string; quantity: string; net: string }>(
    db,
    sql`select item_id as "itemId", max(description) as description, coalesce(sum(quantity), 0)::numeric(15,2)::text as quantity, ${money2('net')} as net
        from ${salesRows(p, f)} where kind = ${kind} group by item_id order by sum(net) desc, item_id limit ${limit}`,
  );
}

/** Invoices of a period: how many, their amounts, the patients and owners behind them (new ones too). */
export async function invoiceFigures(db: Db, p: Period, f: Filters) {
  const vet = f.vetId !== undefined;
  const [counts] = await rows<{ invoices: number; net: string; gross: string }>(
    db,
    sql`select coalesce(sum(invoices), 0)::int as invoices, ${money2('net')} as net, ${money2('gross')} as gross from ${invoiceRows(p, f)}`,
  );
  const issued = and(
    between(invoiceFacts.day, p.from, p.to),
    inArray(invoiceFacts.state, ['open', 'paid']),
    vet ? eq(invoiceFacts.vetId, f.vetId!) : undefined,
  );
  const [people] = await db
    .select({
      withPatient: sql<number>`count(*) filter (where ${invoiceFacts.petId} is not null)`.mapWith(Number),
      patients: sql<number>`count(distinct ${invoiceFacts.petId})`.mapWith(Number),
      owners: sql<number>`count(distinct ${invoiceFacts.ownerId})`.mapWith(Number),
      newOwners: sql<number>`count(distinct ${invoiceFacts.ownerId}) filter (where ${ownerFirsts.firstDay} between ${p.from} and ${p.to})`.mapWith(Number),
    })
    .from(invoiceFacts)
    .leftJoin(ownerFirsts, eq(ownerFirsts.ownerId, invoiceFacts.ownerId))
    .where(issued);
  return { ...counts!, ...people! };
}

/** Appointments on the days of a period, by vet: booked, completed, cancelled, no-shows and minutes kept. */
export function appointmentFigures(db: Db, p: Period, f: Filters) {
  const from = periodRows(p, dailyAppointments, monthlyAppointments, 'vet_id, booked, completed, cancelled, no_shows, minutes', vetFilter(f));
  const total = (column: string) => sql.raw(`coalesce(sum(${column}), 0)::int`);
  return rows<{ vetId: string; booked: number; completed: number; cancelled: number; noShows: number; minutes: number }>(
    db,
    sql`select vet_id as "vetId", ${total('booked')} as booked, ${total('completed')} as completed, ${total('cancelled')} as cancelled,
               ${total('no_shows')} as "noShows", ${total('minutes')} as minutes
        from ${from} group by vet_id`,
  );
}
