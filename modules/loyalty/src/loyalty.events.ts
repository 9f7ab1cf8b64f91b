import { decimalString, defineEvent } from '@petfriendly/core';
import { z } from 'zod';

const tierRef = z.object({ slug: z.string(), name: z.string(), discountPercent: decimalString });

export const tierUpgraded = defineEvent('loyalty.tier_upgraded', {
  description: "An owner's lifetime spend reached a higher tier: the old and new tier, with the new discount.",
  schema: z.object({
    membershipId: z.number().int(),
    ownerId: z.string(),
    oldTier: tierRef,
    newTier: tierRef,
    lifetimeSpending: decimalString,
  }),
});

export const pointsEarned = defineEvent('loyalty.points_earned', {
  description: 'An owner got points (a payment, a staff bonus, a referral): how many, why, the balance after and when they expire.',
  schema: z.object({
    membershipId: z.number().int(),
    ownerId: z.string(),
    transactionId: z.number().int(),
    points: z.number().int(),
    reason: z.enum(['earn', 'bonus', 'referral']),
    description: z.string(),
    invoiceId: z.number().int().nullable(),
    balanceAfter: z.number().int(),
    expiresAt: z.string(),
  }),
});

export const rewardRedeemed = defineEvent('loyalty.reward_redeemed', {
  description: 'An owner spent points on a reward: the voucher code, its kind and what it is worth.',
  schema: z.object({
    membershipId: z.number().int(),
    ownerId: z.string(),
    redemptionId: z.number().int(),
    code: z.string(),
    rewardId: z.number().int(),
    rewardName: z.string(),
    rewardType: z.enum(['discount', 'free_service', 'free_product']),
    points: z.number().int(),
    discountPercent: decimalString.nullable(),
    discountAmount: decimalString.nullable(),
    balanceAfter: z.number().int(),
  }),
});

export const referralCompleted = defineEvent('loyalty.referral_completed', {
  description: "A referred owner's first invoice was paid: the referrer got their points.",
  schema: z.object({
    referrerId: z.string(),
    referredId: z.string(),
    invoiceId: z.number().int(),
    points: z.number().int(),
  }),
});

export const pointsExpiring = defineEvent('loyalty.points_expiring', {
  description: "Some of an owner's points expire soon (the daily job): how many and on which day.",
  schema: z.object({ membershipId: z.number().int(), ownerId: z.string(), points: z.number().int(), expiresAt: z.string() }),
});

export const loyaltyEvents = [tierUpgraded, pointsEarned, rewardRedeemed, referralCompleted, pointsExpiring];
