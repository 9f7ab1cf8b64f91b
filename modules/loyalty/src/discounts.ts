import { Dec, type ModuleContext, money, roundMoney, type Tx } from '@petfriendly/core';
import type { DiscountPort } from '@petfriendly/store';
import type Decimal from 'decimal.js';
import { and, asc, eq } from 'drizzle-orm';
import type { LoyaltySettings } from './loyalty.settings';
import { memberships, redemptions, rewards, tiers } from './loyalty.tables';

/**
 * The store's discount socket: the owner's tier discount on the products, plus the oldest discount
 * voucher they redeemed and have not used. What `discountFor` chose is remembered for the same
 * transaction, so `orderPlaced` marks exactly that voucher used by the order.
 */
export function createCheckoutDiscounts(ctx: ModuleContext, settings: LoyaltySettings): DiscountPort {
  const chosen = new WeakMap<Tx, { ownerId: string; redemptionId: number | null }>();

  /** What the owner's tier and oldest discount voucher take off an amount (never more than it). */
  async function discountOn(tx: Tx, ownerId: string, total: Decimal) {
    // The member's row is what redemptions lock too: their vouchers cannot change under this order.
    const [member] = await tx.select().from(memberships).where(eq(memberships.ownerId, ownerId)).for('update');
    const [tier] = member ? await tx.select().from(tiers).where(eq(tiers.id, member.tierId)) : [];
    const row = member && tier ? { membershipId: member.id, percent: tier.discountPercent } : null;
    if (!row) return { amount: money(0), redemptionId: null };
    const tierPart = roundMoney(total.times(row.percent).div(100));
    const [voucher] = await tx
      .select({ id: redemptions.id, percent: rewards.discountPercent, amount: rewards.discountAmount })
      .from(redemptions)
      .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
      .where(and(eq(redemptions.membershipId, row.membershipId), eq(redemptions.status, 'available'), eq(rewards.rewardType, 'discount')))
      .orderBy(asc(redemptions.id))
      .limit(1);
    const rest = total.minus(tierPart);
    const voucherPart = voucher ? roundMoney(voucher.amount ? Dec.min(voucher.amount, rest) : rest.times(voucher.percent ?? 0).div(100)) : money(0);
    return { amount: Dec.min(total, tierPart.plus(voucherPart)), redemptionId: voucher?.id ?? null };
  }

  return {
    async discountFor(tx, ownerId, productsTotal) {
      if (!settings.LOYALTY_ENABLED) return money(0);
      const { amount, redemptionId } = await discountOn(tx, ownerId, productsTotal);
      chosen.set(tx, { ownerId, redemptionId });
      return amount;
    },
    async orderPlaced(tx, order) {
      const choice = chosen.get(tx);
      chosen.delete(tx);
      if (!choice?.redemptionId || choice.ownerId !== order.ownerId) return;
      await tx
        .update(redemptions)
        .set({ status: 'used', usedReference: order.reference, usedAt: ctx.clock.now() })
        .where(and(eq(redemptions.id, choice.redemptionId), eq(redemptions.status, 'available')));
    },
  };
}
