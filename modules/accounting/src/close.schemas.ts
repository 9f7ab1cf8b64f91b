import { z } from 'zod';

export const closeYearSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const reopenSchema = z.object({ reason: z.string().trim().min(5, 'say why (at least 5 characters)').max(500) });
export const yearParams = closeYearSchema;
