import { users } from '@petfriendly/accounts/tables';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgSchema, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

export const multilingualSchema = pgSchema('multilingual');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Languages content can be read in. The five core ones have a UI; others are added by managers and filled by AI translation. */
export const languages = multilingualSchema.table(
  'languages',
  {
    code: varchar('code', { length: 5 }).primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    nativeName: varchar('native_name', { length: 100 }).notNull(),
    isCore: boolean('is_core').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    order: integer('order').notNull().default(0),
  },
  (t) => [check('languages_code_format', sql`${t.code} ~ '^[a-z]{2,3}(-[A-Za-z]{2})?$'`)],
);

/**
 * One field of one object in one language (`store.product` 12 `description` in `en`). The source text
 * and its hash are kept so a reviewer sees what was translated and stale translations can be found.
 * A reviewed translation (reviewed_at set) is never overwritten by an AI one.
 */
export const translations = multilingualSchema.table(
  'translations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    contentType: varchar('content_type', { length: 100 }).notNull(),
    objectId: integer('object_id').notNull(),
    fieldName: varchar('field_name', { length: 100 }).notNull(),
    language: varchar('language', { length: 5 })
      .notNull()
      .references(() => languages.code),
    translation: text('translation').notNull(),
    sourceText: text('source_text').notNull().default(''),
    /** sha256 (hex) of the source text this translates. */
    sourceHash: varchar('source_hash', { length: 64 }).notNull(),
    isAiGenerated: boolean('is_ai_generated').notNull().default(false),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('translations_object_field_language').on(t.contentType, t.objectId, t.fieldName, t.language),
    check('translations_object_id_positive', sql`${t.objectId} >= 0`),
    index('translations_review_queue').on(t.language, t.reviewedAt, t.id),
  ],
);

/** `get_cached_translation`: free-text translations by the hash of the source, kept CACHE_TTL_DAYS. */
export const translationCache = multilingualSchema.table(
  'translation_cache',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    contentHash: varchar('content_hash', { length: 64 }).notNull(),
    sourceLanguage: varchar('source_language', { length: 5 }).notNull(),
    targetLanguage: varchar('target_language', { length: 5 }).notNull(),
    translation: text('translation').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('translation_cache_hash_target').on(t.contentHash, t.targetLanguage), index('translation_cache_created').on(t.createdAt)],
);

export const multilingualTables = { languages, translations, translationCache };
