import { z } from 'zod';

/** The `VET_CLINIC` settings block (`VET_CLINIC__VISIT_LOCK_HOURS=24`). */
export const vetClinicSettings = z.object({
  VISIT_LOCK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24),
  PHOTO_MAX_BYTES: z.coerce.number().int().min(10_000).max(50_000_000).default(5_000_000),
  VACCINATION_DUE_NOTICE_DAYS: z.coerce.number().int().min(0).max(90).default(14),
  VACCINATION_SCAN_CRON: z.string().default('0 8 * * *'),
});
export type VetClinicSettings = z.infer<typeof vetClinicSettings>;
