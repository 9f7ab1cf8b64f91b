import { z } from 'zod';

/** The `MARKETING` settings block (`MARKETING__EMAIL_PER_MINUTE=120`). */
export const marketingSettings = z.object({
  /** Messages per minute each channel sends by default (a campaign may set its own). */
  EMAIL_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(120),
  SMS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  WHATSAPP_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
  /** Bookings and purchases this many days after a campaign's message count for it (a campaign may set its own). */
  ATTRIBUTION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** How often the sender looks for scheduled campaigns and sends the next batch of each one sending. */
  DISPATCH_CRON: z.string().default('* * * * *'),
  /** When sequences enrol owners and send their due steps (clinic time). */
  SEQUENCES_CRON: z.string().default('0 10 * * *'),
});
export type MarketingSettings = z.infer<typeof marketingSettings>;
