import { z } from 'zod';
import { REQUEST_KINDS, REQUEST_STATUSES } from './privacy.tables';

export const requestInput = z.object({
  kind: z.enum(REQUEST_KINDS),
  details: z.string().trim().max(2000).default(''),
});

export const resolveInput = z.object({
  decision: z.enum(['done', 'rejected']),
  outcome: z.string().trim().max(2000).default(''),
});

export const requestOut = z.object({
  id: z.number().int(),
  ownerId: z.string().uuid(),
  ownerName: z.string().optional(),
  kind: z.enum(REQUEST_KINDS),
  details: z.string(),
  status: z.enum(REQUEST_STATUSES),
  requestedAt: z.date(),
  dueBy: z.string(),
  handledAt: z.date().nullable(),
  outcome: z.string(),
});

/** The owner's data: who asked, when, and every module's part by name (rows as the module keeps them). */
export const ownerDataOut = z.object({ ownerId: z.string().uuid(), generatedAt: z.string() }).catchall(z.array(z.record(z.string(), z.unknown())));
