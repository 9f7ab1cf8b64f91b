import type { Actor, Platform } from '@petfriendly/core';

/** The rewards catalogue (no event makes one); points and tiers come from the demo's payments by themselves. */
export async function seedLoyalty(platform: Platform, admin: Actor) {
  const loyalty = platform.services.loyalty;
  const rewards = [
    { name: '$100 de descuento en la tienda', rewardType: 'discount', pointsCost: 1000, discountAmount: '100.00' },
    { name: '10 % en tu siguiente compra', rewardType: 'discount', pointsCost: 2000, discountPercent: '10', minTierSlug: 'silver' },
    { name: '$400 de descuento para clientes Oro', rewardType: 'discount', pointsCost: 3500, discountAmount: '400.00', minTierSlug: 'gold' },
  ];
  for (const reward of rewards) await loyalty.rewards.createReward(admin, reward);
}
