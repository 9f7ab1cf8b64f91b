import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00');

/** The spec's `APPOINTMENTS` block (`APPOINTMENTS__MIN_NOTICE_HOURS=2`, lists and objects as JSON). */
export const appointmentsSettings = z.object({
  DEFAULT_DURATION_MINUTES: z.coerce.number().int().min(5).max(480).default(30),
  BOOKING_HORIZON_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  MIN_NOTICE_HOURS: z.coerce.number().min(0).max(168).default(2),
  REMINDER_HOURS_BEFORE: z
    .array(
      z.coerce
        .number()
        .positive()
        .max(24 * 14),
    )
    .default([24, 2]),
  WORKING_HOURS: z
    .object({ start: hhmm, end: hhmm })
    .refine((h) => h.end > h.start, 'end must be after start')
    .default({ start: '09:00', end: '20:00' }),
  /** Weekdays the clinic is closed, 0 = Monday … 6 = Sunday (the spec's numbering). */
  CLOSED_DAYS: z.array(z.coerce.number().int().min(0).max(6)).default([6]),
  /** Start times are offered on this grid (minutes). */
  SLOT_STEP_MINUTES: z.coerce.number().int().min(5).max(120).default(15),
});
export type AppointmentsSettings = z.infer<typeof appointmentsSettings>;
