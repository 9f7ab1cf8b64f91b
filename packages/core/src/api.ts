import { z } from 'zod';

/** The one error envelope of the JSON API (rendered by the server's error handler). */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable code, `module.reason`; the translation key of the message'),
      message: z.string(),
      fields: z
        .array(z.object({ field: z.string(), message: z.string() }))
        .optional()
        .describe('The inputs at fault, for 422'),
      requestId: z.string(),
    }),
  })
  .meta({ id: 'Error', description: 'An error: what went wrong, in words and as a stable code' });

export type ApiError = z.infer<typeof apiErrorSchema>;

/** The page a list route is asked for. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** Every list answers in this shape: one page of items, and whether another page follows. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  hasNext: boolean;
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), hasNext: z.boolean() });
}

/** One page from rows fetched with LIMIT pageSize + 1 and OFFSET (page - 1) × pageSize: the extra row tells that another page follows. */
export function pageOf<T>(rows: readonly T[], q: PageQuery): Page<T> {
  return { items: rows.slice(0, q.pageSize), page: q.page, pageSize: q.pageSize, hasNext: rows.length > q.pageSize };
}

/** `:id` in a route path: a positive integer. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** A table's row as the API answers it: every column with its type, timestamps as date-time strings. */
export { createSelectSchema as rowSchema } from 'drizzle-zod';
