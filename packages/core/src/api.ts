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

/** The largest PostgreSQL `integer` (ids, counts): a bigger number is bad input, not a database failure. */
export const INT4_MAX = 2_147_483_647;

/** The page a list route is asked for. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(INT4_MAX).default(1),
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

/** A row id in input (path, query, body or tool call): a positive 32-bit integer. */
export const rowId = z.coerce.number().int().positive().max(INT4_MAX);

/** `:id` in a route path: a row id. */
export const idParams = z.object({ id: rowId });

/** A table's row as the API answers it: every column with its type, timestamps as date-time strings. */
export { createSelectSchema as rowSchema } from 'drizzle-zod';

/** A success with no body (204). */
export const noContent = z.null().describe('Done; no body');

/** A file download (PDF, XML, image, calendar): the bytes in one of the given media types. */
export function fileResponse(description: string, ...mediaTypes: [string, ...string[]]) {
  const schema = z.custom<string | Uint8Array>().meta({ type: 'string', format: 'binary' });
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])) };
}

/** A path key that may be a row id or a slug (`/products/42`, `/products/croquetas`): the id if it can be one, else null. */
export function rowIdOf(key: string): number | null {
  const n = /^\d{1,10}$/.test(key) ? Number(key) : 0;
  return n >= 1 && n <= INT4_MAX ? n : null;
}
