import { z } from 'zod';

const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

/**
 * The spec's `COMPETITIVE_INTEL` block. `TRACK_VISITOR_IPS=false` logs no visit at all; visits are
 * purged after `VISIT_RETENTION_DAYS`; a service priced more than `PRICE_MARGIN_PERCENT` over or under
 * the market's median is listed. The competitors' IP ranges come from their records (the spec's
 * `COMPETITOR_IP_RANGES`), not from here.
 */
export const competitiveIntelSettings = z.object({
  TRACK_VISITOR_IPS: bool.default(true),
  INSIGHTS_REFRESH_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(24),
  VISIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(730).default(90),
  PRICE_MARGIN_PERCENT: z.coerce.number().min(0).max(100).default(10),
});
export type CompetitiveIntelSettings = z.infer<typeof competitiveIntelSettings>;
