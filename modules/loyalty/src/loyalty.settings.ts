import { z } from 'zod';

const amount = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,8}(\.\d{1,2})?$/, 'must be an amount like 5000'));
const percent = z
  .union([z.number(), z.string()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,2}(\.\d{1,2})?$|^100$/, 'must be a percentage like 5'));

/** One tier of the spec's `TIERS`: reached by lifetime spend (IVA included), with its discount and points multiplier. */
const tier = z.object({
  name: z.string().min(1).max(100),
  min_spend: amount,
  discount: percent,
  multiplier: z
    .union([z.number(), z.string()])
    .transform(String)
    .pipe(z.string().regex(/^\d(\.\d{1,2})?$/, 'must be a multiplier like 1.25'))
    .default('1'),
});

const DEFAULT_TIERS = [
  { name: 'bronze', min_spend: '0', discount: '0', multiplier: '1' },
  { name: 'silver', min_spend: '5000', discount: '5', multiplier: '1.25' },
  { name: 'gold', min_spend: '15000', discount: '10', multiplier: '1.5' },
  { name: 'platinum', min_spend: '30000', discount: '15', multiplier: '2' },
];

/** The spec's `CRM_LITE` loyalty keys (`CRM_LITE__POINTS_PER_CURRENCY_UNIT=1`, `CRM_LITE__TIERS='[…]'` as JSON). */
export const loyaltySettings = z.object({
  LOYALTY_ENABLED: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).default(true),
  /** Points per peso paid (IVA included); a decimal like 0.1 gives one point per ten pesos. */
  POINTS_PER_CURRENCY_UNIT: z
    .union([z.number(), z.string()])
    .transform(String)
    .pipe(z.string().regex(/^\d{1,4}(\.\d{1,4})?$/, 'must be a number like 1'))
    .default('1'),
  TIERS: z
    .preprocess((v) => (typeof v === 'string' ? JSON.parse(v) : v), z.array(tier).min(1))
    .default(DEFAULT_TIERS)
    .refine((tiers) => tiers.some((t) => Number(t.min_spend) === 0), 'one tier must start at 0'),
  REFERRAL_POINTS: z.coerce.number().int().min(0).max(1_000_000).default(500),
  /** Each earning expires this many months after it was earned. */
  POINTS_EXPIRY_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Owners hear about points expiring within this many days. */
  EXPIRY_NOTICE_DAYS: z.coerce.number().int().min(1).max(90).default(30),
});
export type LoyaltySettings = z.infer<typeof loyaltySettings>;
