import { z } from 'zod';

/** `REPORTS__*` settings. */
export const reportsSettings = z.object({
  /** A patient seen within this many days is active; after it, lapsing. */
  ACTIVE_DAYS: z.coerce.number().int().min(30).max(1095).default(365),
  /** A patient not seen for this many days is lapsed. */
  LAPSED_DAYS: z.coerce.number().int().min(60).max(1825).default(548),
  /** Batches expiring within this many days are listed on the dashboard. */
  EXPIRY_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  /** When the weekly report goes to managers (cron, clinic time): Mondays at 7:00. */
  WEEKLY_CRON: z.string().min(9).default('0 7 * * 1'),
});
export type ReportsSettings = z.infer<typeof reportsSettings>;
