import type { paymentReceived, paymentRefunded } from '@petfriendly/billing';
import {
  type Actor,
  ConflictError,
  clinicToday,
  type EventContext,
  type EventPayload,
  type ModuleContext,
  money,
  NotFoundError,
  parseInput,
  requireStaff,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { closeApproved } from './cash-close.events';
import { countSchema, isoDate, movementSchema } from './cash-close.schemas';
import { closes, dayTotals, type MoneyMethod, movements } from './cash-close.tables';
import { countedTotal } from './denominations';

/** Who counts the drawer, who approves the close, who may read it. */
export const COUNTERS = ['receptionist', 'manager', 'admin'] as const;
export const APPROVERS = ['manager', 'admin'] as const;
export const READERS = ['receptionist', 'manager', 'admin', 'accountant'] as const;

/**
 * The end-of-day cash close (corte de caja). What each way of paying brought in comes from billing's
 * payment and refund events (replayed from the first); the drawer's float, withdrawals and bank deposits
 * are recorded here. Expected cash = float + cash received − cash refunded − withdrawals − deposits;
 * the card terminal is expected to show what was taken by card at the terminal less its refunds.
 */
export function createCashCloseService(ctx: ModuleContext) {
  const { db } = ctx;
  const today = () => clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);
  const dayOf = (day?: string) => (day === undefined ? today() : parseInput(isoDate, day));

  async function add(event: EventContext, day: string, method: MoneyMethod, column: 'received' | 'refunded', amount: string) {
    await event.tx
      .insert(dayTotals)
      .values({ day, method, [column]: amount, payments: column === 'received' ? 1 : 0 })
      .onConflictDoUpdate({
        target: [dayTotals.day, dayTotals.method],
        set: { [column]: sql`${dayTotals[column]} + ${amount}`, payments: sql`${dayTotals.payments} + ${column === 'received' ? 1 : 0}` },
      });
  }

  const onPaymentReceived = (p: EventPayload<typeof paymentReceived>, event: EventContext) => add(event, p.date, p.method, 'received', p.amount);
  const onPaymentRefunded = (p: EventPayload<typeof paymentRefunded>, event: EventContext) => add(event, p.date, p.method, 'refunded', p.amount);

  /** A day's figures: per way of paying, the drawer's movements, what the drawer and the terminal should hold, and its close. */
  async function getDay(actor: Actor, day?: string) {
    requireStaff(actor, READERS);
    const date = dayOf(day);
    const [totals, moved, [close]] = await Promise.all([
      db.select().from(dayTotals).where(eq(dayTotals.day, date)).orderBy(asc(dayTotals.method)),
      db.select().from(movements).where(eq(movements.day, date)).orderBy(asc(movements.id)),
      db.select().from(closes).where(eq(closes.day, date)),
    ]);
    const sum = (kind: string) => moved.filter((m) => m.kind === kind).reduce((a, m) => a.plus(m.amount), money(0));
    const net = (method: MoneyMethod) => {
      const row = totals.find((t) => t.method === method);
      return row ? money(row.received).minus(row.refunded) : money(0);
    };
    const [float, withdrawals, deposits] = [sum('float'), sum('withdrawal'), sum('deposit')];
    return {
      day: date,
      methods: totals.map((t) => ({
        method: t.method,
        received: t.received,
        refunded: t.refunded,
        net: money(t.received).minus(t.refunded).toFixed(2),
        payments: t.payments,
      })),
      float: float.toFixed(2),
      withdrawals: withdrawals.toFixed(2),
      deposits: deposits.toFixed(2),
      expectedCash: float.plus(net('cash')).minus(withdrawals).minus(deposits).toFixed(2),
      expectedCard: net('card_terminal').toFixed(2),
      movements: moved.map(({ id, kind, amount, note, createdAt }) => ({ id, kind, amount, note, createdAt })),
      close: close ?? null,
    };
  }

  async function refuseApproved(day: string) {
    const [close] = await db.select({ status: closes.status }).from(closes).where(eq(closes.day, day));
    if (close?.status === 'approved') throw new ConflictError('cash_close.already_approved', `The close of ${day} is approved: nothing changes it.`, { day });
  }

  /** The opening float, a withdrawal or a deposit to the bank, on a day not yet approved. */
  async function recordMovement(actor: Actor, input: unknown) {
    const staff = requireStaff(actor, COUNTERS);
    const data = parseInput(movementSchema, input);
    const day = data.day ?? today();
    await refuseApproved(day);
    const [row] = await db
      .insert(movements)
      .values({ ...data, day, recordedBy: staff.userId })
      .returning();
    return row!;
  }

  /** The count at closing: cash per denomination and the terminal's total; a difference needs its reason. Counting again replaces it until approved. */
  async function count(actor: Actor, input: unknown) {
    const staff = requireStaff(actor, COUNTERS);
    const data = parseInput(countSchema, input);
    const day = data.day ?? today();
    const figures = await getDay(staff, day);
    const countedCash = countedTotal(data.denominations);
    const differs = !money(countedCash).eq(figures.expectedCash) || !money(data.cardTerminalTotal).eq(figures.expectedCard);
    if (differs && !data.reason) throw ValidationError.forField('cash_close.reason_required', 'reason', 'Say why the count differs from what was expected.');
    const values = {
      day,
      denominations: data.denominations,
      countedCash,
      expectedCash: figures.expectedCash,
      cardTerminalTotal: money(data.cardTerminalTotal).toFixed(2),
      expectedCard: figures.expectedCard,
      reason: data.reason,
      countedBy: staff.userId,
      countedAt: ctx.clock.now(),
    };
    const [row] = await db
      .insert(closes)
      .values(values)
      .onConflictDoUpdate({ target: closes.day, set: values, setWhere: eq(closes.status, 'counted') })
      .returning();
    if (!row) throw new ConflictError('cash_close.already_approved', `The close of ${day} is approved: nothing changes it.`, { day });
    return row;
  }

  /**
   * The manager approves a counted close, once: if payments or drawer movements changed what was expected
   * since the count, the drawer is counted again first. The approval raises `cash_close.close_approved`.
   */
  async function approve(actor: Actor, day: string) {
    const staff = requireStaff(actor, APPROVERS);
    const date = dayOf(day);
    const figures = await getDay(staff, date);
    if (!figures.close) throw new NotFoundError('cash_close.not_counted', `The drawer of ${date} has not been counted.`, { day: date });
    if (figures.close.expectedCash !== figures.expectedCash || figures.close.expectedCard !== figures.expectedCard)
      throw new ConflictError('cash_close.changed_since_count', 'Money came in or went out after the count: count the drawer again.', { day: date });
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(closes)
        .set({ status: 'approved', approvedBy: staff.userId, approvedAt: ctx.clock.now() })
        .where(and(eq(closes.day, date), eq(closes.status, 'counted'), eq(closes.countedAt, figures.close!.countedAt)))
        .returning();
      if (!row) throw new ConflictError('cash_close.already_approved', `The close of ${date} is approved: nothing changes it.`, { day: date });
      await ctx.events.emit(tx, closeApproved, {
        closeId: row.id,
        day: date,
        expectedCash: row.expectedCash,
        countedCash: row.countedCash,
        cashDifference: money(row.countedCash).minus(row.expectedCash).toFixed(2),
        expectedCard: row.expectedCard,
        cardTerminalTotal: row.cardTerminalTotal,
        cardDifference: money(row.cardTerminalTotal).minus(row.expectedCard).toFixed(2),
        deposited: figures.deposits,
        reason: row.reason,
      });
      return row;
    });
  }

  return { onPaymentReceived, onPaymentRefunded, getDay, recordMovement, count, approve, today };
}

export type CashCloseService = ReturnType<typeof createCashCloseService>;
