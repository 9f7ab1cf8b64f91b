import type { ownerCreated } from '@petfriendly/accounts';
import type { invoiceCancelled, invoicePaid, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { clinicInstant, Dec, type EventContext, type EventPayload, localDate, type ModuleContext, type Tx } from '@petfriendly/core';
import type { orderCancelled } from '@petfriendly/store';
import type Decimal from 'decimal.js';
import { and, eq, sql } from 'drizzle-orm';
import { type Membership, pointsLedger } from './ledger';
import { pointsEarned, referralCompleted, tierUpgraded } from './loyalty.events';
import type { LoyaltyService } from './loyalty.service';
import type { LoyaltySettings } from './loyalty.settings';
import { memberships, pointsTransactions, redemptions } from './loyalty.tables';
import type { Members, Tier } from './members';
import { addMonths, pointsFor, pointsToTakeBack, tierForSpend } from './points';

/**
 * Points from billing's events, each applied once in the consumer's transaction: earned when money is
 * taken (never when ordered), taken back in proportion when it is refunded or the invoice cancelled,
 * the tier moved by lifetime spend, and a referral paid off on the referred owner's first paid invoice.
 */
export function createEarningService(ctx: ModuleContext, settings: LoyaltySettings, members: Members, loyalty: LoyaltyService) {
  const { events } = ctx;
  const dayOf = (at: Date) => localDate(at, ctx.clinic.TIME_ZONE);
  const expiryFrom = (day: string) => addMonths(day, settings.POINTS_EXPIRY_MONTHS);
  // Payments carry their day: a replay from the start dates each move by it, not by when it is replayed.
  const noonOf = (day: string) => clinicInstant(day, '12:00', ctx.clinic.TIME_ZONE);
  const tierRef = (t: Tier) => ({ slug: t.slug, name: t.name, discountPercent: t.discountPercent });

  async function memberFor(tx: Tx, ownerId: string, at: Date) {
    await members.enrol(tx, ownerId, at);
    return (await pointsLedger(tx, at, dayOf(at)).lockMembership(ownerId))!;
  }

  async function onOwnerCreated(p: EventPayload<typeof ownerCreated>, { tx }: EventContext) {
    await members.enrol(tx, p.ownerId, new Date(p.registeredAt));
  }

  /** Moves lifetime spend by `delta` and the tier with it; a higher tier is announced. */
  async function addSpend(tx: Tx, m: Membership, delta: Decimal) {
    const spend = Dec.max(0, new Dec(m.lifetimeSpending).plus(delta));
    const tiers = await members.listTiers(tx);
    const old = tiers.find((t) => t.id === m.tierId) ?? tiers[0]!;
    const next = tierForSpend(tiers, spend);
    await tx
      .update(memberships)
      .set({ lifetimeSpending: spend.toFixed(2), tierId: next.id })
      .where(eq(memberships.id, m.id));
    if (next.order > old.order)
      await events.emit(tx, tierUpgraded, {
        membershipId: m.id,
        ownerId: m.ownerId,
        oldTier: tierRef(old),
        newTier: tierRef(next),
        lifetimeSpending: spend.toFixed(2),
      });
  }

  async function onPaymentReceived(p: EventPayload<typeof paymentReceived>, event: EventContext) {
    if (!p.ownerId || !settings.LOYALTY_ENABLED || new Dec(p.amount).lte(0)) return;
    const { tx } = event;
    const m = await memberFor(tx, p.ownerId, event.occurredAt);
    const tier = (await members.listTiers(tx)).find((t) => t.id === m.tierId)!;
    const points = pointsFor(p.amount, settings.POINTS_PER_CURRENCY_UNIT, tier.pointsMultiplier);
    if (points > 0) {
      const { lot, membership } = await pointsLedger(tx, noonOf(p.date), p.date).credit(m, 'earn', points, expiryFrom(p.date), {
        description: p.invoiceNumber,
        invoiceId: p.invoiceId,
        reference: `payment:${p.paymentId}`,
        amount: p.amount,
      });
      await events.emit(tx, pointsEarned, {
        membershipId: m.id,
        ownerId: m.ownerId,
        transactionId: lot.id,
        points,
        reason: 'earn',
        description: lot.description,
        invoiceId: p.invoiceId,
        balanceAfter: membership.currentPoints,
        expiresAt: lot.expiresAt!,
      });
    }
    await addSpend(tx, m, new Dec(p.amount));
  }

  /** Takes back the refunded share of the payment's points: from its own lot first, then the others; spent points leave a debt. */
  async function onPaymentRefunded(p: EventPayload<typeof paymentRefunded>, event: EventContext) {
    if (!p.ownerId) return;
    const { tx } = event;
    const reference = `payment:${p.originalPaymentId}`;
    const moves = await tx.select().from(pointsTransactions).where(eq(pointsTransactions.reference, reference));
    const earning = moves.find((t) => t.transactionType === 'earn');
    const m = await memberFor(tx, p.ownerId, event.occurredAt);
    await addSpend(tx, m, new Dec(p.amount).neg());
    if (!earning) return;
    const reversals = moves.filter((t) => t.transactionType === 'reversal');
    const refundedSoFar = reversals.reduce((sum, t) => sum.plus(t.amount ?? 0), new Dec(p.amount));
    const takenSoFar = reversals.reduce((sum, t) => sum - t.points, 0);
    const points = pointsToTakeBack({ points: earning.points, amount: earning.amount! }, refundedSoFar, takenSoFar);
    if (points === 0) return;
    const locked = (await pointsLedger(tx, noonOf(p.date), p.date).lockMembership(p.ownerId))!;
    await pointsLedger(tx, noonOf(p.date), p.date).debit(
      locked,
      'reversal',
      points,
      { description: p.invoiceNumber, invoiceId: p.invoiceId, reference, amount: p.amount },
      { allowDebt: true, prefer: (lot) => lot.id === earning.id },
    );
  }

  /** A cancelled invoice takes back whatever points it still has out (its refunds took their share already). */
  async function onInvoiceCancelled(p: EventPayload<typeof invoiceCancelled>, event: EventContext) {
    if (!p.ownerId) return;
    const { tx } = event;
    const [row] = await tx
      .select({
        points: sql<number>`coalesce(sum(${pointsTransactions.points}), 0)::int`,
        amount: sql<string>`coalesce(sum(case when ${pointsTransactions.transactionType} = 'earn' then ${pointsTransactions.amount} else -${pointsTransactions.amount} end), 0)::text`,
      })
      .from(pointsTransactions)
      .where(and(eq(pointsTransactions.invoiceId, p.invoiceId), sql`${pointsTransactions.transactionType} in ('earn', 'reversal')`));
    if (!row || row.points <= 0) return;
    const m = await memberFor(tx, p.ownerId, event.occurredAt);
    const ledger = pointsLedger(tx, noonOf(p.date), p.date);
    const { membership } = await ledger.debit(
      m,
      'reversal',
      row.points,
      { description: p.invoiceNumber, invoiceId: p.invoiceId, reference: `invoice:${p.invoiceId}`, amount: row.amount },
      { allowDebt: true, prefer: (lot) => lot.invoiceId === p.invoiceId },
    );
    await addSpend(tx, membership, new Dec(row.amount).neg());
  }

  /** The referred owner's first paid invoice pays the referrer. */
  async function onInvoicePaid(p: EventPayload<typeof invoicePaid>, event: EventContext) {
    if (!p.ownerId) return;
    const { tx } = event;
    const m = await memberFor(tx, p.ownerId, event.occurredAt);
    await tx
      .update(memberships)
      .set({ paidInvoices: sql`${memberships.paidInvoices} + 1` })
      .where(eq(memberships.id, m.id));
    if (m.paidInvoices > 0 || m.referredById === null || m.referralCompletedAt || !settings.LOYALTY_ENABLED) return;
    const [referrer] = await tx.select().from(memberships).where(eq(memberships.id, m.referredById)).for('update');
    if (!referrer) return;
    await tx.update(memberships).set({ referralCompletedAt: event.occurredAt }).where(eq(memberships.id, m.id));
    await tx
      .update(memberships)
      .set({ referralsCount: sql`${memberships.referralsCount} + 1` })
      .where(eq(memberships.id, referrer.id));
    const day = dayOf(event.occurredAt);
    if (settings.REFERRAL_POINTS > 0) {
      const { lot, membership } = await pointsLedger(tx, event.occurredAt, day).credit(referrer, 'referral', settings.REFERRAL_POINTS, expiryFrom(day), {
        description: '',
        reference: `referral:${m.id}`,
      });
      await events.emit(tx, pointsEarned, {
        membershipId: referrer.id,
        ownerId: referrer.ownerId,
        transactionId: lot.id,
        points: settings.REFERRAL_POINTS,
        reason: 'referral',
        description: lot.description,
        invoiceId: null,
        balanceAfter: membership.currentPoints,
        expiresAt: lot.expiresAt!,
      });
    }
    await events.emit(tx, referralCompleted, { referrerId: referrer.ownerId, referredId: m.ownerId, invoiceId: p.invoiceId, points: settings.REFERRAL_POINTS });
  }

  /** A voucher spent on an order that was cancelled comes back. */
  async function onOrderCancelled(p: EventPayload<typeof orderCancelled>, { tx }: EventContext) {
    const used = await tx
      .select({ id: redemptions.id })
      .from(redemptions)
      .where(and(eq(redemptions.usedReference, `order:${p.orderId}`), eq(redemptions.status, 'used')));
    for (const r of used) await loyalty.giveBack(tx, p.ownerId, r.id, p.orderNumber);
  }

  return { onOwnerCreated, onPaymentReceived, onPaymentRefunded, onInvoiceCancelled, onInvoicePaid, onOrderCancelled };
}

export type EarningService = ReturnType<typeof createEarningService>;
