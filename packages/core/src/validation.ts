import type { z } from 'zod';
import { ValidationError } from './errors';
import { templateErrorMap } from './issues';

/** Parses input with a Zod schema or raises a 422 that names each bad field (or the text that cannot be stored). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  refuseUnstorableText(input);
  const result = schema.safeParse(input, { error: templateErrorMap as never });
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Where the input holds text PostgreSQL cannot store: a NUL character, or half of a surrogate pair
 * (not well-formed UTF-16). The path of the first such string (`items.0.name`; `''` for the input itself), or null.
 */
export function unstorableTextAt(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\0') || LONE_SURROGATE.test(value) ? path.join('.') : null;
  if (Array.isArray(value))
    return firstOf(
      value.map((v, i) => [String(i), v]),
      path,
    );
  // Plain objects only: files and buffers are bytes, not text.
  const prototype = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  return prototype === Object.prototype || prototype === null ? firstOf(Object.entries(value as object), path) : null;
}

function firstOf(entries: [string, unknown][], path: string[]): string | null {
  for (const [key, v] of entries) {
    const found = unstorableTextAt(key, [...path, key]) ?? unstorableTextAt(v, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** Refuses input with text that cannot be stored (see `unstorableTextAt`) as a 422 naming the field. */
export function refuseUnstorableText(input: unknown, field = '(input)'): void {
  const at = unstorableTextAt(input);
  if (at !== null) throw ValidationError.forField('validation.text_unstorable', at || field, 'must not contain NUL or unpaired surrogate characters');
}
