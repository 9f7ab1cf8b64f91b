import { decimalString } from '@petfriendly/core';
import { z } from 'zod';

/** The `CRM` settings block (`CRM__VIP_SPEND=10000.00`). */
export const crmSettings = z.object({
  /** Lifetime spend (MXN, IVA included) that makes an owner VIP, and premium. */
  VIP_SPEND: decimalString.default('10000.00'),
  PREMIUM_SPEND: decimalString.default('30000.00'),
  /** Visits that make a new owner a regular. */
  REGULAR_VISITS: z.coerce.number().int().min(1).max(100).default(2),
  /** Days since the last visit after which an owner is lapsing, and lapsed (insights). */
  LAPSING_DAYS: z.coerce.number().int().min(30).max(3650).default(180),
  LAPSED_DAYS: z.coerce.number().int().min(60).max(3650).default(365),
  /** When the nightly churn-risk and segment-count jobs run (clinic time). */
  NIGHTLY_CRON: z.string().default('30 2 * * *'),
});
export type CrmSettings = z.infer<typeof crmSettings>;
