import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgSchema, text, timestamp, unique, varchar } from 'drizzle-orm/pg-core';

export const aiAssistantSchema = pgSchema('ai_assistant');

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Text search configuration of each content language (Spanish for any other). */
const configOf = sql.raw(
  `case language when 'en' then 'english'::regconfig when 'de' then 'german'::regconfig when 'fr' then 'french'::regconfig when 'it' then 'italian'::regconfig else 'spanish'::regconfig end`,
);
const folded = sql.raw(`core.f_unaccent(lower(title || ' ' || content || ' ' || ai_assistant.f_words(keywords)))`);

/**
 * The clinic's FAQ (`KnowledgeBase`): one entry per language, its slug unique in that language.
 * `search_vector` is stemmed in the entry's own language, accents and case folded; `title_search`
 * (folded title) serves trigram matching for typos. `ai_assistant.f_words` (in the migration) is an
 * IMMUTABLE `array_to_string(keywords, ' ')`, which Postgres only marks STABLE.
 */
export const knowledgeBase = aiAssistantSchema.table(
  'knowledge_base',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: varchar('title', { length: 500 }).notNull(),
    slug: varchar('slug', { length: 200 }).notNull(),
    category: varchar('category', { length: 100 }).notNull(),
    content: text('content').notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    language: varchar('language', { length: 5 }).notNull().default('es'),
    isPublic: boolean('is_public').notNull().default(true),
    isActive: boolean('is_active').notNull().default(true),
    viewCount: integer('view_count').notNull().default(0),
    helpfulCount: integer('helpful_count').notNull().default(0),
    notHelpfulCount: integer('not_helpful_count').notNull().default(0),
    searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector(${configOf}, ${folded})`),
    titleSearch: text('title_search').generatedAlwaysAs(sql`core.f_unaccent(lower(title))`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('knowledge_base_slug_language').on(t.slug, t.language),
    check('knowledge_base_counts', sql`${t.viewCount} >= 0 and ${t.helpfulCount} >= 0 and ${t.notHelpfulCount} >= 0`),
    check('knowledge_base_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    index('knowledge_base_search').using('gin', t.searchVector),
    index('knowledge_base_title_trgm').using('gin', sql`${t.titleSearch} gin_trgm_ops`),
    index('knowledge_base_category').on(t.language, t.category),
  ],
);

export const aiAssistantTables = { knowledgeBase };
