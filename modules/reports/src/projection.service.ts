import type { appointmentBooked, appointmentCancelled, appointmentCompleted, appointmentNoShow, appointmentRescheduled } from '@petfriendly/appointments';
import type { InvoiceBreakdown, invoiceCancelled, invoiceDiscounted, invoiceIssued, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { type EventContext, type EventPayload, type LocalDate, localDate, type ModuleContext, money, type Tx } from '@petfriendly/core';
import type { stockMoved, stockReceived } from '@petfriendly/store';
import type { petCreated, vaccinationGiven, visitCreated } from '@petfriendly/vet-clinic';
import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  appointmentFacts,
  batchStock,
  dailyAppointments,
  dailyInvoices,
  dailySales,
  invoiceFacts,
  monthlyAppointments,
  monthlyInvoices,
  monthlySales,
  ownerFirsts,
  patientActivity,
  vaccineDues,
} from './reports.tables';

type AppointmentState = (typeof appointmentFacts.$inferSelect)['state'];
type Counts = { booked?: number; completed?: number; cancelled?: number; noShows?: number; minutes?: number };

/** The month a day's sums also go to: its first day. */
export const monthOf = (day: LocalDate): LocalDate => `${day.slice(0, 7)}-01`;

/** What one appointment adds to its day in a state: booked always, its minutes unless cancelled. */
function countsOf(state: AppointmentState, minutes: number, sign: 1 | -1): Counts {
  return {
    booked: sign,
    completed: state === 'completed' ? sign : 0,
    cancelled: state === 'cancelled' ? sign : 0,
    noShows: state === 'no_show' ? sign : 0,
    minutes: state === 'cancelled' ? 0 : sign * minutes,
  };
}

/**
 * The reports' figures from the events, in the consumer's transaction (once per event, in commit order,
 * from the first): each handler adds to or takes from a day's sums, so a dashboard only adds up days.
 */
export function createProjectionService(ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;
  const dayOf = (instant: string | Date) => localDate(new Date(instant), tz);

  async function addAppointmentCounts(tx: Tx, day: LocalDate, vetId: string, c: Counts) {
    const values = { booked: c.booked ?? 0, completed: c.completed ?? 0, cancelled: c.cancelled ?? 0, noShows: c.noShows ?? 0, minutes: c.minutes ?? 0 };
    const plus = (t: typeof dailyAppointments | typeof monthlyAppointments) => ({
      booked: sql`${t.booked} + ${values.booked}`,
      completed: sql`${t.completed} + ${values.completed}`,
      cancelled: sql`${t.cancelled} + ${values.cancelled}`,
      noShows: sql`${t.noShows} + ${values.noShows}`,
      minutes: sql`${t.minutes} + ${values.minutes}`,
    });
    const [d, m] = [dailyAppointments, monthlyAppointments];
    await tx
      .insert(d)
      .values({ day, vetId, ...values })
      .onConflictDoUpdate({ target: [d.day, d.vetId], set: plus(d) });
    await tx
      .insert(m)
      .values({ month: monthOf(day), vetId, ...values })
      .onConflictDoUpdate({ target: [m.month, m.vetId], set: plus(m) });
  }

  async function seen(tx: Tx, petId: number, day: LocalDate) {
    await tx
      .insert(patientActivity)
      .values({ petId, lastSeen: day })
      .onConflictDoUpdate({ target: patientActivity.petId, set: { lastSeen: sql`greatest(${patientActivity.lastSeen}, excluded.last_seen)` } });
  }

  async function onAppointmentBooked(p: EventPayload<typeof appointmentBooked>, { tx }: EventContext) {
    const minutes = p.endsAt ? Math.round((Date.parse(p.endsAt) - Date.parse(p.startsAt)) / 60_000) : 0;
    const fact = { appointmentId: p.appointmentId, day: dayOf(p.startsAt), vetId: p.staffId, petId: p.petId, minutes, state: 'booked' as const };
    await tx.insert(appointmentFacts).values(fact).onConflictDoNothing();
    await addAppointmentCounts(tx, fact.day, fact.vetId, countsOf('booked', minutes, 1));
  }

  /** Moves an appointment to a state (and day): its old figures out, the new ones in. */
  async function moveAppointment(tx: Tx, appointmentId: number, change: { state?: AppointmentState; day?: LocalDate }) {
    const [fact] = await tx.select().from(appointmentFacts).where(eq(appointmentFacts.appointmentId, appointmentId)).for('update');
    if (!fact) return null;
    const next = { ...fact, ...change };
    await addAppointmentCounts(tx, fact.day, fact.vetId, countsOf(fact.state, fact.minutes, -1));
    await addAppointmentCounts(tx, next.day, next.vetId, countsOf(next.state, next.minutes, 1));
    await tx.update(appointmentFacts).set({ state: next.state, day: next.day }).where(eq(appointmentFacts.appointmentId, appointmentId));
    return next;
  }

  async function onAppointmentCompleted(p: EventPayload<typeof appointmentCompleted>, { tx }: EventContext) {
    const fact = await moveAppointment(tx, p.appointmentId, { state: 'completed' });
    if (fact) await seen(tx, p.petId, fact.day);
  }
  const onAppointmentCancelled = (p: EventPayload<typeof appointmentCancelled>, { tx }: EventContext) =>
    moveAppointment(tx, p.appointmentId, { state: 'cancelled' });
  const onAppointmentNoShow = (p: EventPayload<typeof appointmentNoShow>, { tx }: EventContext) => moveAppointment(tx, p.appointmentId, { state: 'no_show' });
  const onAppointmentRescheduled = (p: EventPayload<typeof appointmentRescheduled>, { tx }: EventContext) =>
    moveAppointment(tx, p.appointmentId, { day: dayOf(p.startsAt) });

  /** Adds (sign 1) or takes back (−1) an invoice's lines on its day. */
  async function addSales(tx: Tx, day: LocalDate, vetId: string, breakdown: InvoiceBreakdown, sign: 1 | -1) {
    const [d, m] = [dailySales, monthlySales];
    for (const line of breakdown.lines) {
      const itemId = line.serviceId ?? line.productId ?? 0;
      const values = {
        vetId,
        kind: line.kind,
        categoryId: line.categoryId ?? 0,
        itemId,
        description: line.description.slice(0, 300),
        quantity: money(line.quantity).times(sign).toFixed(3),
        net: money(line.base).times(sign).toFixed(2),
        gross: money(line.total).times(sign).toFixed(2),
      };
      const plus = (t: typeof dailySales | typeof monthlySales) => ({
        quantity: sql`${t.quantity} + ${values.quantity}`,
        net: sql`${t.net} + ${values.net}`,
        gross: sql`${t.gross} + ${values.gross}`,
        description: values.description,
      });
      await tx
        .insert(d)
        .values({ day, ...values })
        .onConflictDoUpdate({ target: [d.day, d.vetId, d.kind, d.categoryId, d.itemId], set: plus(d) });
      await tx
        .insert(m)
        .values({ month: monthOf(day), ...values })
        .onConflictDoUpdate({ target: [m.month, m.vetId, m.kind, m.categoryId, m.itemId], set: plus(m) });
    }
  }

  async function addInvoiceCounts(tx: Tx, day: LocalDate, vetId: string, breakdown: InvoiceBreakdown, count: number, sign: 1 | -1) {
    const net = money(breakdown.subtotal).minus(breakdown.discount).times(sign).toFixed(2);
    const gross = money(breakdown.total).times(sign).toFixed(2);
    const plus = (t: typeof dailyInvoices | typeof monthlyInvoices) => ({
      invoices: sql`${t.invoices} + ${count}`,
      net: sql`${t.net} + ${net}`,
      gross: sql`${t.gross} + ${gross}`,
    });
    const [d, m] = [dailyInvoices, monthlyInvoices];
    await tx
      .insert(d)
      .values({ day, vetId, invoices: count, net, gross })
      .onConflictDoUpdate({ target: [d.day, d.vetId], set: plus(d) });
    await tx
      .insert(m)
      .values({ month: monthOf(day), vetId, invoices: count, net, gross })
      .onConflictDoUpdate({ target: [m.month, m.vetId], set: plus(m) });
  }

  async function onInvoiceIssued(p: EventPayload<typeof invoiceIssued>, { tx }: EventContext) {
    // A global invoice re-reports sales already counted as the invoices it covers.
    if (p.kind === 'global') return;
    const [appointment] = p.appointmentId ? await tx.select().from(appointmentFacts).where(eq(appointmentFacts.appointmentId, p.appointmentId)) : [];
    const vetId = appointment?.vetId ?? '';
    const petId = p.petId ?? appointment?.petId ?? null;
    await tx.insert(invoiceFacts).values({
      invoiceId: p.invoiceId,
      day: p.date,
      vetId,
      ownerId: p.ownerId,
      petId,
      gross: p.breakdown.total,
      balance: p.breakdown.total,
      dueDate: p.dueDate,
      state: 'open',
    });
    await addSales(tx, p.date, vetId, p.breakdown, 1);
    await addInvoiceCounts(tx, p.date, vetId, p.breakdown, 1, 1);
    if (p.ownerId) await tx.insert(ownerFirsts).values({ ownerId: p.ownerId, firstDay: p.date }).onConflictDoNothing();
    if (petId) await seen(tx, petId, p.date);
  }

  async function factOf(tx: Tx, invoiceId: number) {
    const [fact] = await tx.select().from(invoiceFacts).where(eq(invoiceFacts.invoiceId, invoiceId)).for('update');
    return fact ?? null;
  }

  /** A cash discount changes an unpaid invoice's amounts on the day it was issued. */
  async function onInvoiceDiscounted(p: EventPayload<typeof invoiceDiscounted>, { tx }: EventContext) {
    const fact = await factOf(tx, p.invoiceId);
    if (!fact) return;
    await addSales(tx, fact.day, fact.vetId, p.previous, -1);
    await addSales(tx, fact.day, fact.vetId, p.breakdown, 1);
    await addInvoiceCounts(tx, fact.day, fact.vetId, p.previous, 0, -1);
    await addInvoiceCounts(tx, fact.day, fact.vetId, p.breakdown, 0, 1);
    const paid = money(fact.gross).minus(fact.balance);
    await tx
      .update(invoiceFacts)
      .set({ gross: p.breakdown.total, balance: money(p.breakdown.total).minus(paid).toFixed(2) })
      .where(eq(invoiceFacts.invoiceId, p.invoiceId));
  }

  /** A cancelled invoice never was a sale: it leaves the day it was issued. */
  async function onInvoiceCancelled(p: EventPayload<typeof invoiceCancelled>, { tx }: EventContext) {
    const fact = await factOf(tx, p.invoiceId);
    if (!fact || fact.state === 'cancelled') return;
    await addSales(tx, fact.day, fact.vetId, p.breakdown, -1);
    await addInvoiceCounts(tx, fact.day, fact.vetId, p.breakdown, -1, -1);
    await tx.update(invoiceFacts).set({ state: 'cancelled', balance: '0.00' }).where(eq(invoiceFacts.invoiceId, p.invoiceId));
  }

  async function setBalance(tx: Tx, invoiceId: number, balance: string) {
    const fact = await factOf(tx, invoiceId);
    if (!fact || fact.state === 'cancelled') return;
    await tx
      .update(invoiceFacts)
      .set({ balance, state: money(balance).gt(0) ? 'open' : 'paid' })
      .where(eq(invoiceFacts.invoiceId, invoiceId));
  }
  const onPaymentReceived = (p: EventPayload<typeof paymentReceived>, { tx }: EventContext) => setBalance(tx, p.invoiceId, p.balance);
  const onPaymentRefunded = (p: EventPayload<typeof paymentRefunded>, { tx }: EventContext) => setBalance(tx, p.invoiceId, p.balance);

  const onPetCreated = (p: EventPayload<typeof petCreated>, { tx, occurredAt }: EventContext) => seen(tx, p.petId, dayOf(occurredAt));
  const onVisitCreated = (p: EventPayload<typeof visitCreated>, { tx, occurredAt }: EventContext) => seen(tx, p.petId, dayOf(p.visitDate ?? occurredAt));

  /** A dose given closes the pet's open due of that protocol and, when the protocol has one, opens the next. */
  async function onVaccinationGiven(p: EventPayload<typeof vaccinationGiven>, { tx, occurredAt }: EventContext) {
    const day = p.administeredDate ?? dayOf(occurredAt);
    await seen(tx, p.petId, day);
    const protocol = p.protocolCode ?? p.vaccineName;
    await tx
      .update(vaccineDues)
      .set({ givenOn: day })
      .where(and(eq(vaccineDues.petId, p.petId), eq(vaccineDues.protocol, protocol), isNull(vaccineDues.givenOn)));
    if (p.nextDueDate) {
      await tx.insert(vaccineDues).values({ petId: p.petId, protocol, dueDate: p.nextDueDate }).onConflictDoNothing();
    }
  }

  async function onStockReceived(p: EventPayload<typeof stockReceived>, { tx }: EventContext) {
    await tx
      .insert(batchStock)
      .values({ batchId: p.batchId, productId: p.productId, quantity: p.quantity, unitCost: p.unitCost })
      .onConflictDoUpdate({ target: batchStock.batchId, set: { quantity: sql`${batchStock.quantity} + ${p.quantity}` } });
  }

  async function onStockMoved(p: EventPayload<typeof stockMoved>, { tx }: EventContext) {
    await tx
      .insert(batchStock)
      .values({ batchId: p.batchId, productId: p.productId, quantity: p.quantityAfter, unitCost: p.unitCost })
      .onConflictDoUpdate({ target: batchStock.batchId, set: { quantity: p.quantityAfter } });
  }

  return {
    onAppointmentBooked,
    onAppointmentCompleted,
    onAppointmentCancelled,
    onAppointmentNoShow,
    onAppointmentRescheduled,
    onInvoiceIssued,
    onInvoiceDiscounted,
    onInvoiceCancelled,
    onPaymentReceived,
    onPaymentRefunded,
    onPetCreated,
    onVisitCreated,
    onVaccinationGiven,
    onStockReceived,
    onStockMoved,
  };
}

export type ProjectionService = ReturnType<typeof createProjectionService>;
