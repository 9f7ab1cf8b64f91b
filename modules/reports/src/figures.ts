import { type Db, money } from '@petfriendly/core';
import { and, between, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Period } from './period';
import { dailyAppointments, dailyInvoices, dailySales, invoiceFacts, ownerFirsts } from './reports.tables';

export interface Filters {
  vetId?: string;
  /** `service:3`, `product:7`: a kind and its category. */
  category?: string;
}

const sumOf = (column: SQL | unknown) => sql<string>`coalesce(sum(${column}), 0)::numeric(15,2)::text`;
const countOf = (column: SQL | unknown) => sql<number>`coalesce(sum(${column}), 0)::int`.mapWith(Number);

function salesWhere(p: Period, f: Filters) {
  const where = [between(dailySales.day, p.from, p.to)];
  if (f.vetId !== undefined) where.push(eq(dailySales.vetId, f.vetId));
  if (f.category) {
    const [kind, id] = f.category.split(':');
    where.push(sql`${dailySales.kind} = ${kind}`, eq(dailySales.categoryId, Number(id ?? 0)));
  }
  return and(...where);
}

/** Revenue of a period before IVA, by vet, by kind and category, and by day; totals summed from the categories. */
export async function salesFigures(db: Db, p: Period, f: Filters) {
  const where = salesWhere(p, f);
  const [byVet, byCategory, byDay] = await Promise.all([
    db
      .select({ vetId: dailySales.vetId, net: sumOf(dailySales.net) })
      .from(dailySales)
      .where(where)
      .groupBy(dailySales.vetId)
      .orderBy(desc(sql`sum(${dailySales.net})`)),
    db
      .select({ kind: dailySales.kind, categoryId: dailySales.categoryId, net: sumOf(dailySales.net) })
      .from(dailySales)
      .where(where)
      .groupBy(dailySales.kind, dailySales.categoryId)
      .orderBy(desc(sql`sum(${dailySales.net})`)),
    db
      .select({ day: dailySales.day, net: sumOf(dailySales.net) })
      .from(dailySales)
      .where(where)
      .groupBy(dailySales.day)
      .orderBy(dailySales.day),
  ]);
  return { net: byCategory.reduce((s, c) => s.plus(c.net), money(0)).toFixed(2), byVet, byCategory, byDay };
}

/**
 * Only the revenue of a period before IVA (what the period is compared with). Without a category it is the
 * invoices' own amounts, to the centavo; a category's is the sum of its lines (each rounded to centavos).
 */
export async function salesTotal(db: Db, p: Period, f: Filters): Promise<string> {
  if (f.category) {
    const [row] = await db
      .select({ net: sumOf(dailySales.net) })
      .from(dailySales)
      .where(salesWhere(p, f));
    return row!.net;
  }
  const [row] = await db
    .select({ net: sumOf(dailyInvoices.net) })
    .from(dailyInvoices)
    .where(and(between(dailyInvoices.day, p.from, p.to), f.vetId === undefined ? undefined : eq(dailyInvoices.vetId, f.vetId)));
  return row!.net;
}

/** The best sellers of a kind in a period, by revenue before IVA. */
export function topItems(db: Db, p: Period, f: Filters, kind: 'service' | 'product', limit: number) {
  return db
    .select({
      itemId: dailySales.itemId,
      description: sql<string>`max(${dailySales.description})`,
      quantity: sql<string>`coalesce(sum(${dailySales.quantity}), 0)::numeric(15,2)::text`,
      net: sumOf(dailySales.net),
    })
    .from(dailySales)
    .where(and(salesWhere(p, f), eq(dailySales.kind, kind)))
    .groupBy(dailySales.itemId)
    .orderBy(desc(sql`sum(${dailySales.net})`), dailySales.itemId)
    .limit(limit);
}

/** Invoices of a period: how many, their amounts, the patients and owners behind them (new ones too). */
export async function invoiceFigures(db: Db, p: Period, f: Filters) {
  const vet = f.vetId !== undefined;
  const [counts] = await db
    .select({ invoices: countOf(dailyInvoices.invoices), net: sumOf(dailyInvoices.net), gross: sumOf(dailyInvoices.gross) })
    .from(dailyInvoices)
    .where(and(between(dailyInvoices.day, p.from, p.to), vet ? eq(dailyInvoices.vetId, f.vetId!) : undefined));
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
  const t = dailyAppointments;
  return db
    .select({
      vetId: t.vetId,
      booked: countOf(t.booked),
      completed: countOf(t.completed),
      cancelled: countOf(t.cancelled),
      noShows: countOf(t.noShows),
      minutes: countOf(t.minutes),
    })
    .from(t)
    .where(and(between(t.day, p.from, p.to), f.vetId !== undefined ? eq(t.vetId, f.vetId) : undefined))
    .groupBy(t.vetId);
}
