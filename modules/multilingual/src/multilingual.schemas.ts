import { LANGUAGES, pageQuerySchema, pageSchema, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { languages, translations } from './multilingual.tables';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** ISO 639 code, optionally with a region (`es`, `pt-BR`, `ast`). */
export const languageCode = z
  .string()
  .trim()
  .regex(/^([a-z]{2,3}|[a-z]{2}-[A-Za-z]{2})$/, 'must be a language code like es or pt-BR');
export const contentType = z
  .string()
  .trim()
  .regex(/^[a-z][a-z_-]*\.[a-z][a-z_]*$/, 'must be a content type like store.product')
  .max(100);
export const fieldName = z
  .string()
  .trim()
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'must be a field name like description')
  .max(100);
const objectId = z.coerce.number().int().min(0).max(2_147_483_647);
const text = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const translateTextSchema = z.object({
  text: text(5000),
  targetLanguage: languageCode,
  sourceLanguage: z.preprocess(emptyToUndefined, languageCode.optional()),
});

export const translateObjectSchema = z.object({
  contentType,
  objectId,
  /** Field name → source text (in the source language, Spanish by default). */
  fields: z.record(fieldName, z.string().max(20_000)).refine((f) => Object.keys(f).length > 0 && Object.keys(f).length <= 50, 'needs at least 1 items'),
  sourceLanguage: z.preprocess(emptyToUndefined, languageCode.optional()),
});

/** Where a fill run goes on: after this object of this content type. */
export const fillCursorSchema = z.object({ contentType, afterId: objectId });
export type FillCursor = z.infer<typeof fillCursorSchema>;

export const fillTranslationsSchema = z.object({
  language: z.preprocess(emptyToUndefined, languageCode.optional()),
  after: fillCursorSchema.optional(),
});

export const TRANSLATION_STATUSES = ['pending_review', 'reviewed', 'all'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export const listTranslationsSchema = z.object({
  language: z.preprocess(emptyToUndefined, languageCode.optional()),
  status: z.preprocess(emptyToUndefined, z.enum(TRANSLATION_STATUSES).default('pending_review')),
  contentType: z.preprocess(emptyToUndefined, contentType.optional()),
  ...pageQuerySchema.shape,
});

export const reviewTranslationSchema = z.object({
  /** Absent or the same text: approve as is; otherwise the reviewer's edit replaces it. */
  translation: text(20_000).optional(),
});

export const saveTranslationSchema = z.object({
  contentType,
  objectId,
  fieldName,
  language: languageCode,
  translation: text(20_000),
  sourceText: z.string().max(20_000).default(''),
});

export const addLanguageSchema = z.object({
  code: languageCode,
  name: text(100),
  nativeName: text(100),
});

export const userLanguageSchema = z.object({ language: z.enum(LANGUAGES) });

export const detectLanguageSchema = z.object({ text: text(5000) });

export const languageOut = rowSchema(languages);
export const translationOut = rowSchema(translations);
export const translationPageOut = pageSchema(translationOut.extend({ reviewerName: z.string().nullable() })).extend({
  counts: z.object({ pending: z.number().int(), reviewed: z.number().int() }).describe('Translations waiting for review and reviewed, in the language asked'),
});
export const detectionOut = z.object({
  language: z.string(),
  by: z.enum(['model', 'sign', 'lexicon', 'default']).describe('How it was decided; `default` when unsure'),
  confidence: z.number(),
});
export const translateOut = z.object({
  text: z.string(),
  status: z.enum(['translated', 'cached', 'same_language', 'no_translator']),
  sourceLanguage: z.string(),
  targetLanguage: z.string(),
});
