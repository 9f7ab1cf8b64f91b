import { addLocalDays, type Db, type LocalDate } from '@petfriendly/core';
import { and, between, eq, isNotNull, sql } from 'drizzle-orm';
import { earlier, type Period } from './period';
import { batchStock, invoiceFacts, patientActivity, vaccineDues } from './reports.tables';

/** Patients by their last day at the clinic: active (within `activeDays`), lapsing (up to `lapsedDays`), lapsed. */
export async function patientStanding(db: Db, today: LocalDate, activeDays: number, lapsedDays: number) {
  const active = addLocalDays(today, -activeDays);
  const lapsed = addLocalDays(today, -lapsedDays);
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${patientActivity.lastSeen} > ${active})`.mapWith(Number),
      lapsing: sql<number>`count(*) filter (where ${patientActivity.lastSeen} <= ${active} and ${patientActivity.lastSeen} > ${lapsed})`.mapWith(Number),
      lapsed: sql<number>`count(*) filter (where ${patientActivity.lastSeen} <= ${lapsed})`.mapWith(Number),
    })
    .from(patientActivity);
  return row!;
}

/** What owners still owe on issued invoices, and the part past its due date. */
export async function receivables(db: Db, today: LocalDate) {
  const [row] = await db
    .select({
      open: sql<string>`coalesce(sum(${invoiceFacts.balance}), 0)::numeric(15,2)::text`,
      openInvoices: sql<number>`count(*)`.mapWith(Number),
      overdue: sql<string>`coalesce(sum(${invoiceFacts.balance}) filter (where ${invoiceFacts.dueDate} < ${today}), 0)::numeric(15,2)::text`,
      overdueInvoices: sql<number>`count(*) filter (where ${invoiceFacts.dueDate} < ${today})`.mapWith(Number),
    })
    .from(invoiceFacts)
    .where(and(eq(invoiceFacts.state, 'open'), sql`${invoiceFacts.balance} > 0`));
  return row!;
}

/** The stock's value at cost: units left in every batch times its unit cost. */
export async function inventoryValue(db: Db) {
  const [row] = await db
    .select({
      value: sql<string>`coalesce(sum(${batchStock.quantity} * ${batchStock.unitCost}), 0)::numeric(15,2)::text`,
      units: sql<number>`coalesce(sum(${batchStock.quantity}), 0)::int`.mapWith(Number),
    })
    .from(batchStock)
    .where(sql`${batchStock.quantity} > 0`);
  return row!;
}

/**
 * Vaccines that fell due in a period and whose 30 days have run out (or were given): how many were given
 * within 30 days of the due date. Null when none fell due.
 */
export async function vaccineCompliance(db: Db, p: Period, today: LocalDate) {
  const graceEnd = addLocalDays(today, -30);
  const to = earlier(p.to, graceEnd);
  const [row] = await db
    .select({
      due: sql<number>`count(*)`.mapWith(Number),
      onTime: sql<number>`count(*) filter (where ${vaccineDues.givenOn} <= ${vaccineDues.dueDate} + 30)`.mapWith(Number),
    })
    .from(vaccineDues)
    .where(to < p.from ? sql`false` : between(vaccineDues.dueDate, p.from, to));
  const given = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(vaccineDues)
    .where(and(between(vaccineDues.dueDate, p.from, p.to), isNotNull(vaccineDues.givenOn), sql`${vaccineDues.dueDate} > ${to}`));
  const due = row!.due + given[0]!.n;
  const onTime = row!.onTime + given[0]!.n;
  return { due, onTime, rate: due === 0 ? null : Math.round((onTime / due) * 1000) / 10 };
}
