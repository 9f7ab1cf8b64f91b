import { LANGUAGES, pageQuerySchema, pageSchema, rowId, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { CHAT_CHANNELS, chatMessages, chatSessions, knowledgeBase } from './ai-assistant.tables';

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const KNOWLEDGE_CATEGORIES = ['clinic', 'services', 'vaccination', 'care', 'travel', 'store', 'payments', 'emergencies'] as const;

const category = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100)
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be a short code like vaccination');
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
const keywords = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean)
      : v,
  z.array(z.string().trim().min(1).max(100)).max(50),
);
const bool = z.preprocess((v) => (v === 'on' || v === 'true' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : v), z.boolean());

export const searchKnowledgeSchema = z.object({
  query: z.string().trim().max(200).default(''),
  category: z.preprocess(emptyToUndefined, category.optional()),
  language: z.preprocess(emptyToUndefined, z.enum(LANGUAGES).optional()),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

export const entryInputSchema = z.object({
  title: z.string().trim().min(1, 'is required').max(500),
  slug: z.preprocess(emptyToUndefined, slug.optional()),
  category,
  content: z.string().trim().min(1, 'is required').max(20_000),
  keywords: keywords.default([]),
  language: z.enum(LANGUAGES).default('es'),
  isPublic: bool.default(true),
  isActive: bool.default(true),
});
export const entryUpdateSchema = entryInputSchema.partial();

export const listEntriesSchema = z.object({
  query: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  category: z.preprocess(emptyToUndefined, category.optional()),
  language: z.preprocess(emptyToUndefined, z.enum(LANGUAGES).optional()),
  ...pageQuerySchema.shape,
});

export const helpfulSchema = z.object({ helpful: bool });

/** One message to the assistant. `action` is the value of a pressed button (`#book`); the caller comes from the session. */
export const chatMessageSchema = z.object({
  message: z.string().trim().min(1).max(2000),
  conversationId: rowId.optional(),
  action: z
    .string()
    .trim()
    .max(200)
    .regex(/^#[\w:.-]+$/, 'must be a button value like #book')
    .optional(),
  /** The language to answer in (a guest's page language); the caller's own by default. */
  language: z.enum(LANGUAGES).optional(),
});
export const chatHistorySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const chatSessionListSchema = z.object({
  handedOff: z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]).optional(),
  channel: z.enum(CHAT_CHANNELS).optional(),
  ...pageQuerySchema.shape,
});

export const entryOut = rowSchema(knowledgeBase).pick({
  id: true,
  title: true,
  slug: true,
  category: true,
  content: true,
  keywords: true,
  language: true,
  isPublic: true,
  isActive: true,
  viewCount: true,
  helpfulCount: true,
  notHelpfulCount: true,
  createdAt: true,
  updatedAt: true,
});
export const entryPageOut = pageSchema(entryOut);
export const knowledgeSearchOut = z.object({
  language: z.string(),
  fallback: z.boolean().describe('Nothing matched in the language asked; these are Spanish entries'),
  items: z.array(entryOut.extend({ rank: z.number() })),
});
export const knowledgeCategoriesOut = z.object({ language: z.string(), items: z.array(z.object({ category: z.string(), count: z.number().int() })) });
export const helpfulOut = z.object({ helpfulCount: z.number().int(), notHelpfulCount: z.number().int() });

export const chatResponseOut = z.object({
  conversationId: z.number().int(),
  messageId: z.number().int(),
  message: z.string(),
  buttons: z.array(z.object({ label: z.string(), value: z.string().describe('Sent as the next message when chosen') })),
  links: z.array(z.object({ label: z.string(), href: z.string() })),
  toolCalls: z.array(z.object({ id: z.string(), name: z.string(), arguments: z.unknown() })),
  toolResults: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      ok: z.boolean(),
      data: z.unknown().optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  mode: z.enum(['llm', 'guided']),
  model: z.string(),
  tokensUsed: z.number().int(),
  handedOff: z.boolean(),
  newConversation: z.boolean(),
});
const chatSessionOut = rowSchema(chatSessions);
export const chatSessionPageOut = pageSchema(chatSessionOut.extend({ ownerName: z.string(), firstMessage: z.string() }));
export const chatHistoryOut = z.object({ conversation: chatSessionOut, messages: z.array(rowSchema(chatMessages)) });
