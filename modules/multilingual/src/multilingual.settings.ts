import { LANGUAGES } from '@petfriendly/core';
import { z } from 'zod';

const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);

/** The spec's `MULTILINGUAL` block (`MULTILINGUAL__CACHE_TTL_DAYS=30`). */
export const multilingualSettings = z.object({
  DEFAULT_LANGUAGE: z.enum(LANGUAGES).default('es'),
  CORE_LANGUAGES: z
    .array(z.enum(LANGUAGES))
    .min(1)
    .default([...LANGUAGES]),
  /** Translate content with the connected AI translator (the AI assistant plugs one in). */
  AI_TRANSLATE_ENABLED: bool.default(true),
  CACHE_TRANSLATIONS: bool.default(true),
  CACHE_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});
export type MultilingualSettings = z.infer<typeof multilingualSettings>;
