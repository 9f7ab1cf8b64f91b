import { decimalString, rowId } from '@petfriendly/core';
import { z } from 'zod';
import { REWARD_TYPES, TRANSACTION_TYPES } from './loyalty.tables';

const amount = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, 'must be an amount like 150.00');
const percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'must be a percentage like 10')
  .refine((v) => Number(v) > 0 && Number(v) <= 100, 'must be between 0 and 100');
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const ownerIdSchema = z.object({ ownerId: z.string().uuid() });
export const bonusSchema = z.object({
  points: z.coerce.number().int().min(1).max(100_000),
  reason: z.string().trim().min(3).max(300),
});
export const redeemSchema = z.object({ rewardId: rowId });
export const referralSchema = z.object({ code: z.string().trim().toUpperCase().min(4).max(20) });
export const rewardsQuerySchema = z.object({ affordableOnly: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).default(true) });

export const rewardInputSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    description: z.string().trim().max(2000).default(''),
    rewardType: z.enum(REWARD_TYPES),
    pointsCost: z.coerce.number().int().min(1).max(10_000_000),
    discountPercent: z.preprocess(emptyToUndefined, percent.optional()),
    discountAmount: z.preprocess(emptyToUndefined, amount.optional()),
    freeServiceId: z.preprocess(emptyToUndefined, rowId.optional()),
    freeProductId: z.preprocess(emptyToUndefined, rowId.optional()),
    minTierSlug: z.preprocess(emptyToUndefined, z.string().max(100).optional()),
    quantityAvailable: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).optional()),
    validUntil: z.preprocess(emptyToUndefined, z.coerce.date().optional()),
    isActive: z.preprocess((v) => v === undefined || v === true || v === 'true' || v === 'on', z.boolean()).default(true),
  })
  .refine((r) => r.rewardType !== 'discount' || Boolean(r.discountPercent) !== Boolean(r.discountAmount), {
    path: ['discountPercent'],
    message: 'a discount reward takes a percentage or an amount',
  })
  .refine((r) => r.rewardType !== 'free_service' || r.freeServiceId, { path: ['freeServiceId'], message: 'is required' })
  .refine((r) => r.rewardType !== 'free_product' || r.freeProductId, { path: ['freeProductId'], message: 'is required' });

export const tierSchema = z.object({
  slug: z.string(),
  name: z.string(),
  minLifetimeSpending: decimalString,
  pointsMultiplier: decimalString,
  discountPercent: decimalString,
  color: z.string(),
  icon: z.string(),
});

export const memberSchema = z.object({
  id: z.number().int(),
  ownerId: z.string(),
  currentPoints: z.number().int(),
  lifetimePoints: z.number().int(),
  lifetimeSpending: decimalString,
  pointsExpiringSoon: z.number().int(),
  nextExpiryDate: z.string().nullable(),
  referralCode: z.string(),
  referralsCount: z.number().int(),
  tier: tierSchema,
  nextTier: tierSchema.nullable(),
  /** What is left to spend to reach the next tier, and how far along (0–100). */
  toNextTier: decimalString.nullable(),
  progressPercent: z.number().int(),
});

export const transactionSchema = z.object({
  id: z.number().int(),
  transactionType: z.enum(TRANSACTION_TYPES),
  points: z.number().int(),
  balanceAfter: z.number().int(),
  description: z.string(),
  invoiceId: z.number().int().nullable(),
  expiresAt: z.string().nullable(),
  remaining: z.number().int().nullable(),
  createdAt: z.date(),
});

export const rewardSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  rewardType: z.enum(REWARD_TYPES),
  pointsCost: z.number().int(),
  discountPercent: decimalString.nullable(),
  discountAmount: decimalString.nullable(),
  freeServiceId: z.number().int().nullable(),
  freeProductId: z.number().int().nullable(),
  minTierId: z.number().int().nullable(),
  quantityAvailable: z.number().int().nullable(),
  validUntil: z.date().nullable(),
  isActive: z.boolean(),
});

export const redemptionSchema = z.object({
  id: z.number().int(),
  rewardId: z.number().int(),
  points: z.number().int(),
  code: z.string(),
  status: z.enum(['available', 'used', 'cancelled']),
  usedReference: z.string().nullable(),
  createdAt: z.date(),
});
