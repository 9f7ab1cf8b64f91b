import { users } from '@petfriendly/accounts/tables';
import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, jsonb, pgSchema, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import type { ChatButton, ChatLink, SessionContext, ToolCallRecord, ToolResultRecord } from './chat/chat.types';

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

export const CHAT_CHANNELS = ['web', 'admin', 'whatsapp'] as const;
export type ChatChannel = (typeof CHAT_CHANNELS)[number];

/**
 * `ChatSession`: one conversation with the assistant. Its caller is fixed when it starts: a signed-in
 * user (`owner_id`, owners and staff alike) or a guest known only by `session_key` (a random cookie
 * value, or `whatsapp:+52…` for an unknown WhatsApp contact). `last_message_at` drives
 * `CONVERSATION_TTL_HOURS`; `handed_off_at` marks the ones a person was asked to take over.
 */
export const chatSessions = aiAssistantSchema.table(
  'chat_sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    sessionKey: varchar('session_key', { length: 255 }),
    channel: varchar('channel', { length: 20, enum: CHAT_CHANNELS }).notNull().default('web'),
    language: varchar('language', { length: 5 }).notNull().default('es'),
    context: jsonb('context').$type<SessionContext>().notNull().default({}),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    messageCount: integer('message_count').notNull().default(0),
    resolved: boolean('resolved').notNull().default(false),
    handedOffAt: timestamp('handed_off_at', { withTimezone: true }),
  },
  (t) => [
    check('chat_sessions_caller', sql`${t.ownerId} is not null or ${t.sessionKey} is not null`),
    check('chat_sessions_count', sql`${t.messageCount} >= 0`),
    index('chat_sessions_owner').on(t.ownerId, t.lastMessageAt),
    index('chat_sessions_key').on(t.sessionKey),
    index('chat_sessions_handoff').on(t.handedOffAt),
    index('chat_sessions_recent').on(t.lastMessageAt),
  ],
);

export const CHAT_ROLES = ['user', 'assistant', 'system'] as const;

/**
 * `ChatMessage`. An assistant turn keeps the tool calls the model made and what each returned
 * (`tool_results`), so history can be replayed to the model and staff can audit it; `actions` are
 * the buttons and links a reply offered.
 */
export const chatMessages = aiAssistantSchema.table(
  'chat_messages',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 20, enum: CHAT_ROLES }).notNull(),
    content: text('content').notNull(),
    toolCalls: jsonb('tool_calls').$type<ToolCallRecord[]>().notNull().default([]),
    toolResults: jsonb('tool_results').$type<ToolResultRecord[]>().notNull().default([]),
    actions: jsonb('actions').$type<{ buttons: ChatButton[]; links: ChatLink[] }>().notNull().default({ buttons: [], links: [] }),
    tokensUsed: integer('tokens_used').notNull().default(0),
    model: varchar('model', { length: 100 }).notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('chat_messages_tokens', sql`${t.tokensUsed} >= 0`), index('chat_messages_session').on(t.sessionId, t.id)],
);

export const aiAssistantTables = { knowledgeBase, chatSessions, chatMessages };
