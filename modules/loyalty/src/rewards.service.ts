import { type Actor, type ModuleContext, NotFoundError, parseInput, requireStaff, ValidationError } from '@petfriendly/core';
import { asc, eq } from 'drizzle-orm';
import { rewardInputSchema } from './loyalty.schemas';
import { rewards, tiers } from './loyalty.tables';

/** Managers keep the rewards catalogue. */
export const REWARD_KEEPERS = ['manager', 'admin'] as const;

export function createRewardService(ctx: ModuleContext) {
  const { db } = ctx;

  async function valuesOf(input: unknown) {
    const { minTierSlug, ...data } = parseInput(rewardInputSchema, input);
    let minTierId: number | null = null;
    if (minTierSlug) {
      const [tier] = await db.select({ id: tiers.id }).from(tiers).where(eq(tiers.slug, minTierSlug));
      if (!tier) throw ValidationError.forField('loyalty.tier_unknown', 'minTierSlug', 'There is no such tier.');
      minTierId = tier.id;
    }
    return {
      ...data,
      discountPercent: data.rewardType === 'discount' ? (data.discountPercent ?? null) : null,
      discountAmount: data.rewardType === 'discount' ? (data.discountAmount ?? null) : null,
      freeServiceId: data.rewardType === 'free_service' ? (data.freeServiceId ?? null) : null,
      freeProductId: data.rewardType === 'free_product' ? (data.freeProductId ?? null) : null,
      quantityAvailable: data.quantityAvailable ?? null,
      validUntil: data.validUntil ?? null,
      minTierId,
    };
  }

  async function listRewards(actor: Actor) {
    requireStaff(actor);
    return db.select().from(rewards).orderBy(asc(rewards.pointsCost), asc(rewards.id));
  }

  async function createReward(actor: Actor, input: unknown) {
    requireStaff(actor, REWARD_KEEPERS);
    const [row] = await db
      .insert(rewards)
      .values(await valuesOf(input))
      .returning();
    return row!;
  }

  async function updateReward(actor: Actor, id: number, input: unknown) {
    requireStaff(actor, REWARD_KEEPERS);
    const [row] = await db
      .update(rewards)
      .set(await valuesOf(input))
      .where(eq(rewards.id, id))
      .returning();
    if (!row) throw new NotFoundError('loyalty.reward_not_found', 'This reward is not available.');
    return row;
  }

  /** Rewards already redeemed keep their vouchers, so a reward is switched off rather than deleted. */
  async function deactivateReward(actor: Actor, id: number) {
    requireStaff(actor, REWARD_KEEPERS);
    const [row] = await db.update(rewards).set({ isActive: false }).where(eq(rewards.id, id)).returning();
    if (!row) throw new NotFoundError('loyalty.reward_not_found', 'This reward is not available.');
    return row;
  }

  return { listRewards, createReward, updateReward, deactivateReward };
}

export type RewardService = ReturnType<typeof createRewardService>;
