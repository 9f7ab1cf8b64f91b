import { randomBytes } from 'node:crypto';
import {
  type Actor,
  ConflictError,
  clinicToday,
  isStaff,
  type ModuleContext,
  NotFoundError,
  parseInput,
  requireAuthenticated,
  requireStaff,
  ValidationError,
} from '@petfriendly/core';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { pointsLedger } from './ledger';
import { rewardRedeemed } from './loyalty.events';
import { bonusSchema, redeemSchema, referralSchema, rewardsQuerySchema } from './loyalty.schemas';
import type { LoyaltySettings } from './loyalty.settings';
import { memberships, pointsTransactions, redemptions, rewards } from './loyalty.tables';
import type { Members } from './members';
import { addMonths, referralCodeFrom } from './points';

export type Reward = typeof rewards.$inferSelect;
export type Redemption = typeof redemptions.$inferSelect;

/** LoyaltyService as the spec shows it: a member's points, tier, rewards and discount; bonuses and redemptions. */
export function createLoyaltyService(ctx: ModuleContext, settings: LoyaltySettings, members: Members) {
  const { db, clock, events } = ctx;
  const today = () => clinicToday(clock, ctx.clinic.TIME_ZONE);

  function requireEnabled() {
    if (!settings.LOYALTY_ENABLED) throw new ConflictError('loyalty.disabled', 'The loyalty programme is switched off.');
  }

  async function getMember(actor: Actor, ownerId?: string) {
    return members.describe(await members.memberRow(members.ownerOf(actor, ownerId)));
  }

  async function getPointsBalance(actor: Actor, ownerId?: string): Promise<number> {
    return (await members.memberRow(members.ownerOf(actor, ownerId))).currentPoints;
  }

  async function getTier(actor: Actor, ownerId?: string) {
    return (await getMember(actor, ownerId)).tier;
  }

  /** The tier's discount, for the checkout and the desk. */
  async function getDiscountPercent(actor: Actor, ownerId?: string): Promise<string> {
    if (!settings.LOYALTY_ENABLED) return '0.00';
    return (await getTier(actor, ownerId)).discountPercent;
  }

  /** Newest first. */
  async function history(actor: Actor, ownerId?: string, limit = 50) {
    const m = await members.memberRow(members.ownerOf(actor, ownerId));
    return db
      .select()
      .from(pointsTransactions)
      .where(eq(pointsTransactions.membershipId, m.id))
      .orderBy(desc(pointsTransactions.createdAt), desc(pointsTransactions.id))
      .limit(limit);
  }

  /** The lots still to spend, those that expire first first. */
  async function expiringLots(actor: Actor, ownerId?: string) {
    const m = await members.memberRow(members.ownerOf(actor, ownerId));
    return db
      .select({
        id: pointsTransactions.id,
        remaining: pointsTransactions.remaining,
        expiresAt: pointsTransactions.expiresAt,
        description: pointsTransactions.description,
      })
      .from(pointsTransactions)
      .where(and(eq(pointsTransactions.membershipId, m.id), gt(pointsTransactions.remaining, 0), sql`${pointsTransactions.expiresAt} >= ${today()}`))
      .orderBy(pointsTransactions.expiresAt, pointsTransactions.id);
  }

  /** `add_points`: staff give a bonus with a reason; it is a lot like any other and expires the same way. */
  async function addPoints(actor: Actor, ownerId: string, input: unknown) {
    const staff = requireStaff(actor);
    requireEnabled();
    const data = parseInput(bonusSchema, input);
    await members.memberRow(ownerId);
    return db.transaction(async (tx) => {
      const ledger = pointsLedger(tx, clock.now(), today());
      const m = (await ledger.lockMembership(ownerId))!;
      const { lot } = await ledger.credit(m, 'bonus', data.points, addMonths(today(), settings.POINTS_EXPIRY_MONTHS), {
        description: data.reason,
        createdBy: staff.userId,
      });
      return lot;
    });
  }

  /** Rewards this member may take now (active, in date, in stock, their tier or above), optionally only those they can afford. */
  async function getAvailableRewards(actor: Actor, input: unknown = {}, ownerId?: string) {
    const { affordableOnly } = parseInput(rewardsQuerySchema, input);
    const member = await getMember(actor, ownerId);
    const all = await db.select().from(rewards).where(eq(rewards.isActive, true)).orderBy(rewards.pointsCost, rewards.id);
    const tierOrder = new Map((await members.listTiers()).map((t) => [t.id, t.order]));
    return all.filter(
      (r) =>
        (r.validUntil === null || r.validUntil > clock.now()) &&
        (r.quantityAvailable === null || r.quantityAvailable > 0) &&
        (r.minTierId === null || (tierOrder.get(r.minTierId) ?? 0) <= member.tier.order) &&
        (!affordableOnly || r.pointsCost <= member.currentPoints),
    );
  }

  /**
   * `redeem_points`: spends the reward's cost from the lots that expire first and gives a voucher. The
   * membership row is locked, so two redemptions at once queue: the second sees the first's balance.
   */
  async function redeemPoints(actor: Actor, input: unknown, ownerId?: string) {
    requireEnabled();
    const { rewardId } = parseInput(redeemSchema, input);
    const owner = members.ownerOf(actor, ownerId);
    await members.memberRow(owner);
    return db.transaction(async (tx) => {
      const ledger = pointsLedger(tx, clock.now(), today());
      const m = (await ledger.lockMembership(owner))!;
      const [reward] = await tx.select().from(rewards).where(eq(rewards.id, rewardId)).for('update');
      if (!reward?.isActive || (reward.validUntil && reward.validUntil <= clock.now()))
        throw new NotFoundError('loyalty.reward_not_found', 'This reward is not available.');
      if (reward.quantityAvailable !== null && reward.quantityAvailable <= 0) throw new ConflictError('loyalty.reward_sold_out', 'This reward has run out.');
      if (reward.minTierId !== null) {
        const tiers = await members.listTiers(tx);
        const order = (id: number) => tiers.find((t) => t.id === id)?.order ?? 0;
        if (order(m.tierId) < order(reward.minTierId)) throw new ConflictError('loyalty.tier_too_low', 'This reward is for a higher tier.');
      }
      const { transaction, membership } = await ledger.debit(m, 'redeem', reward.pointsCost, { description: reward.name, reference: `reward:${reward.id}` });
      if (reward.quantityAvailable !== null)
        await tx
          .update(rewards)
          .set({ quantityAvailable: sql`${rewards.quantityAvailable} - 1` })
          .where(eq(rewards.id, reward.id));
      const [redemption] = await tx
        .insert(redemptions)
        .values({
          membershipId: m.id,
          rewardId: reward.id,
          transactionId: transaction.id,
          points: reward.pointsCost,
          code: `R-${referralCodeFrom(randomBytes(8))}`,
        })
        .returning();
      await events.emit(tx, rewardRedeemed, {
        membershipId: m.id,
        ownerId: owner,
        redemptionId: redemption!.id,
        code: redemption!.code,
        rewardId: reward.id,
        rewardName: reward.name,
        rewardType: reward.rewardType,
        points: reward.pointsCost,
        discountPercent: reward.discountPercent,
        discountAmount: reward.discountAmount,
        balanceAfter: membership.currentPoints,
      });
      return { ...redemption!, reward };
    });
  }

  /** The member's vouchers, newest first, with their reward. */
  async function listRedemptions(actor: Actor, ownerId?: string) {
    const m = await members.memberRow(members.ownerOf(actor, ownerId));
    return db
      .select({ redemption: redemptions, reward: rewards })
      .from(redemptions)
      .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
      .where(eq(redemptions.membershipId, m.id))
      .orderBy(desc(redemptions.id));
  }

  /** A voucher not used yet is given back: its points return to the lots they came from. */
  async function cancelRedemption(actor: Actor, redemptionId: number) {
    const who = requireAuthenticated(actor);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .select({ redemption: redemptions, ownerId: memberships.ownerId })
        .from(redemptions)
        .innerJoin(memberships, eq(memberships.id, redemptions.membershipId))
        .where(eq(redemptions.id, redemptionId));
      if (!row || (!isStaff(who) && row.ownerId !== who.userId)) throw new NotFoundError('loyalty.redemption_not_found', 'Voucher not found.');
      return giveBack(tx, row.ownerId, redemptionId, row.redemption.code);
    });
  }

  /** Puts a voucher's points back (used by a cancelled order too); a voucher already given back stays so. */
  async function giveBack(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], ownerId: string, redemptionId: number, description: string) {
    const ledger = pointsLedger(tx, clock.now(), today());
    const m = (await ledger.lockMembership(ownerId))!;
    const [redemption] = await tx.select().from(redemptions).where(eq(redemptions.id, redemptionId)).for('update');
    if (!redemption || redemption.status === 'cancelled') throw new ConflictError('loyalty.redemption_closed', 'This voucher was already used or given back.');
    await tx.update(redemptions).set({ status: 'cancelled' }).where(eq(redemptions.id, redemptionId));
    await tx
      .update(rewards)
      .set({ quantityAvailable: sql`${rewards.quantityAvailable} + 1` })
      .where(and(eq(rewards.id, redemption.rewardId), sql`${rewards.quantityAvailable} is not null`));
    return ledger.restore(m, redemption.transactionId, { description, reference: `redemption:${redemption.id}` });
  }

  /** Staff take a voucher at the front desk (a free service or product given, or a discount applied by hand). */
  async function useVoucher(actor: Actor, redemptionId: number) {
    const staff = requireStaff(actor);
    const [row] = await db
      .update(redemptions)
      .set({ status: 'used', usedReference: `desk:${staff.userId}`, usedAt: clock.now() })
      .where(and(eq(redemptions.id, redemptionId), eq(redemptions.status, 'available')))
      .returning();
    if (!row) throw new ConflictError('loyalty.redemption_closed', 'This voucher was already used or given back.');
    return row;
  }

  /** An owner who has not paid an invoice yet names who referred them. */
  async function applyReferral(actor: Actor, input: unknown) {
    const who = requireAuthenticated(actor);
    if (isStaff(who)) throw new ValidationError('loyalty.owners_only', 'Only owners can enter a referral code.');
    const { code } = parseInput(referralSchema, input);
    await members.memberRow(who.userId);
    return db.transaction(async (tx) => {
      const m = (await pointsLedger(tx, clock.now(), today()).lockMembership(who.userId))!;
      const [referrer] = await tx.select().from(memberships).where(eq(memberships.referralCode, code));
      if (!referrer || referrer.id === m.id) throw ValidationError.forField('loyalty.referral_code_unknown', 'code', 'This referral code is not valid.');
      if (m.referredById !== null || m.paidInvoices > 0)
        throw ValidationError.forField('loyalty.referral_too_late', 'code', 'A referral code can only be entered once, before the first paid visit.');
      await tx.update(memberships).set({ referredById: referrer.id }).where(eq(memberships.id, m.id));
      return { referrerId: referrer.ownerId };
    });
  }

  return {
    getMember,
    getPointsBalance,
    getTier,
    getDiscountPercent,
    history,
    expiringLots,
    addPoints,
    getAvailableRewards,
    redeemPoints,
    listRedemptions,
    cancelRedemption,
    giveBack,
    useVoucher,
    applyReferral,
  };
}

export type LoyaltyService = ReturnType<typeof createLoyaltyService>;
