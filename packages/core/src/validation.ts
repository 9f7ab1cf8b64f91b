import type { z } from 'zod';
import { ValidationError } from './errors';
import { templateErrorMap } from './issues';

/** Parses input with a Zod schema or raises a 422 that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input, { error: templateErrorMap as never });
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}
