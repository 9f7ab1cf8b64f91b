import type { Actor, Platform } from '@petfriendly/core';

let sequence = 0;

/** A reward in the catalogue, made by a manager through the rewards service (a $50 discount for 100 points unless told). */
export async function RewardFactory(
  platform: Platform,
  manager: Actor,
  overrides: Partial<{
    name: string;
    rewardType: 'discount' | 'free_service' | 'free_product';
    pointsCost: number;
    discountPercent: string;
    discountAmount: string;
    freeProductId: number;
    quantityAvailable: number;
    minTierSlug: string;
  }> = {},
) {
  const s = platform.services.loyalty;
  sequence += 1;
  const rewardType = overrides.rewardType ?? 'discount';
  return s.rewards.createReward(manager, {
    name: overrides.name ?? `Premio ${sequence}`,
    rewardType,
    pointsCost: overrides.pointsCost ?? 100,
    discountAmount: rewardType === 'discount' && !overrides.discountPercent ? (overrides.discountAmount ?? '50.00') : undefined,
    ...overrides,
  });
}
