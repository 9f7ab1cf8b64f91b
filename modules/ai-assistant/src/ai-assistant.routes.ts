import { type HttpApp, idParams, noContent } from '@petfriendly/core';
import { z } from 'zod';
import {
  chatHistoryOut,
  chatHistorySchema,
  chatMessageSchema,
  chatResponseOut,
  chatSessionListSchema,
  chatSessionPageOut,
  entryInputSchema,
  entryOut,
  entryPageOut,
  entryUpdateSchema,
  helpfulOut,
  helpfulSchema,
  knowledgeCategoriesOut,
  knowledgeSearchOut,
  listEntriesSchema,
  searchKnowledgeSchema,
} from './ai-assistant.schemas';
import type { AiAssistantServices } from './services';

const slugOrId = z.object({ id: z.string().min(1).max(200).describe('The slug, or the numeric id') });
const tags = ['knowledge'];
const chatTags = ['chat'];
/** API guests keep their own random key; signed-in callers are known by their token. */
const guestKey = z.object({
  sessionKey: z
    .string()
    .regex(/^[\w-]{32,64}$/, 'must be 32 to 64 letters, digits, - or _')
    .optional(),
});

/** `/api/v1/knowledge`: search and read the FAQ, vote on an entry; staff write entries. */
export async function aiAssistantRoutes(app: HttpApp, s: AiAssistantServices) {
  app.get(
    '/api/v1/knowledge',
    {
      schema: {
        tags,
        summary: "Search the FAQ in the caller's language (Spanish fallback)",
        querystring: searchKnowledgeSchema,
        response: { 200: knowledgeSearchOut },
      },
    },
    async (req) => s.knowledge.search(req.actor, req.query),
  );
  app.get(
    '/api/v1/knowledge/categories',
    {
      schema: {
        tags,
        summary: 'FAQ categories with entry counts',
        querystring: z.object({ language: z.string().max(5).optional() }),
        response: { 200: knowledgeCategoriesOut },
      },
    },
    async (req) => s.knowledge.categories(req.actor, req.query.language),
  );
  app.get(
    '/api/v1/knowledge/entries',
    { schema: { tags, summary: 'Staff: every FAQ entry, filtered; paginated', querystring: listEntriesSchema, response: { 200: entryPageOut } } },
    async (req) => s.knowledge.listEntries(req.actor, req.query),
  );
  app.get(
    '/api/v1/knowledge/:id',
    {
      schema: {
        tags,
        summary: 'One FAQ entry by slug or id (counts a view)',
        params: slugOrId,
        querystring: z.object({ language: z.string().max(5).optional() }),
        response: { 200: entryOut },
      },
    },
    async (req) => s.knowledge.getEntry(req.actor, req.params.id, req.query.language),
  );
  app.post(
    '/api/v1/knowledge/:id/helpful',
    { schema: { tags, summary: 'Did this entry help? (yes or no)', params: idParams, body: helpfulSchema, response: { 200: helpfulOut } } },
    async (req) => s.knowledge.markHelpful(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/v1/knowledge',
    { schema: { tags, summary: 'Staff: add an FAQ entry', body: entryInputSchema, response: { 201: entryOut } } },
    async (req, reply) => reply.status(201).send(await s.knowledge.addEntry(req.actor, req.body)),
  );
  app.put(
    '/api/v1/knowledge/:id',
    { schema: { tags, summary: 'Staff: change an FAQ entry', params: idParams, body: entryUpdateSchema, response: { 200: entryOut } } },
    async (req) => s.knowledge.updateEntry(req.actor, req.params.id, req.body),
  );

  app.post(
    '/api/v1/chat/messages',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: chatTags,
        summary: 'Send a message to the assistant; the answer with its buttons, links and tool calls',
        body: chatMessageSchema.extend(guestKey.shape),
        response: { 200: chatResponseOut },
      },
    },
    async (req) => s.chat.processMessage(req.actor, req.body, { sessionKey: req.body.sessionKey }),
  );
  app.get(
    '/api/v1/chat/conversations',
    {
      schema: {
        tags: chatTags,
        summary: "Staff: the assistant's conversations (handed-off ones with handedOff=true); paginated",
        querystring: chatSessionListSchema,
        response: { 200: chatSessionPageOut },
      },
    },
    async (req) => s.chat.listConversations(req.actor, req.query),
  );
  app.get(
    '/api/v1/chat/conversations/:id/messages',
    {
      schema: {
        tags: chatTags,
        summary: 'A conversation, oldest message first (your own; staff: any)',
        params: idParams,
        querystring: chatHistorySchema.extend(guestKey.shape),
        response: { 200: chatHistoryOut },
      },
    },
    async (req) => s.chat.getConversationHistory(req.actor, req.params.id, req.query, req.query.sessionKey),
  );
  app.post(
    '/api/v1/chat/conversations/:id/end',
    {
      schema: {
        tags: chatTags,
        summary: 'End your conversation; the next message starts a new one',
        params: idParams,
        body: z.preprocess((v) => v ?? {}, guestKey),
        response: { 204: noContent },
      },
    },
    async (req, reply) => {
      await s.chat.endConversation(req.actor, req.params.id, req.body.sessionKey);
      return reply.status(204).send(null);
    },
  );
}
