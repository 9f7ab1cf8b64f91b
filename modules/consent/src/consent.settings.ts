import { z } from 'zod';

/** The `CONSENT` settings block (`CONSENT__LINK_HOURS=48`). */
export const consentSettings = z.object({
  /** How long the phone link a consent request makes stays valid. */
  LINK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  /** The largest drawn signature accepted (PNG bytes). */
  SIGNATURE_MAX_BYTES: z.coerce.number().int().min(10_000).max(5_000_000).default(500_000),
});
export type ConsentSettings = z.infer<typeof consentSettings>;
