import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import type { LoyaltyServices } from './services';

/** AI tools: an owner asks about their own points; the services answer only for the caller. */
export function loyaltyTools(s: LoyaltyServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'loyalty_my_points',
      description:
        'Owners: how many loyalty points they have, their tier and its discount, what they need to spend for the next tier, points expiring soon and the rewards they can afford now.',
      input: z.object({}),
      permission: 'owner',
      handler: async (_input, actor) => {
        const member = await s.loyalty.getMember(actor);
        const rewards = await s.loyalty.getAvailableRewards(actor, { affordableOnly: true });
        return {
          points: member.currentPoints,
          tier: member.tier.name,
          tierDiscountPercent: member.tier.discountPercent,
          nextTier: member.nextTier?.name ?? null,
          spendToNextTier: member.toNextTier,
          expiringSoon: member.pointsExpiringSoon,
          nextExpiryDate: member.nextExpiryDate,
          referralCode: member.referralCode,
          affordableRewards: rewards.map((r) => ({ id: r.id, name: r.name, pointsCost: r.pointsCost })),
          page: '/my/points',
        };
      },
    }),
  ];
}
