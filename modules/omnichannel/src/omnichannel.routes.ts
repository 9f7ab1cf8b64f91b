import { type HttpApp, idParams, noContent } from '@petfriendly/core';
import { z } from 'zod';
import { callSchema } from './call-log.service';
import { inboxListSchema } from './inbox.service';
import {
  conversationDetailOut,
  conversationOut,
  conversationPageOut,
  messageStatusOut,
  noticesOut,
  preferencesOut,
  sentMessageOut,
} from './omnichannel.schemas';
import { CHANNEL_KINDS, PRIORITIES } from './omnichannel.tables';
import { preferencesUpdateSchema } from './preference.service';
import type { OmnichannelServices } from './services';

const tags = ['omnichannel'];

/** `/api/v1` for the inbox, sending and preferences. */
export async function omnichannelRoutes(app: HttpApp, s: OmnichannelServices) {
  app.get(
    '/api/v1/conversations',
    {
      schema: { tags, summary: 'Staff: the unified inbox', querystring: inboxListSchema, response: { 200: conversationPageOut } },
    },
    async (req) => s.inbox.listConversations(req.actor, req.query),
  );
  app.get(
    '/api/v1/conversations/:id',
    { schema: { tags, summary: 'Staff: one conversation with its messages', params: idParams, response: { 200: conversationDetailOut } } },
    async (req) => s.inbox.getConversation(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/conversations/:id/reply',
    {
      schema: {
        tags,
        summary: 'Staff: reply on the conversation’s channel',
        params: idParams,
        body: z.object({ message: z.string().min(1).max(4000) }),
        response: { 201: sentMessageOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.inbox.reply(req.actor, req.params.id, req.body.message)),
  );
  app.post(
    '/api/v1/calls',
    {
      schema: {
        tags,
        summary: 'Staff: log a phone call with an owner (direction, duration, summary, outcome) in the inbox’s voice channel',
        body: callSchema,
        response: { 201: sentMessageOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.calls.logCall(req.actor, req.body)),
  );
  app.post(
    '/api/v1/conversations/:id/assign',
    {
      schema: {
        tags,
        summary: 'Staff: assign (staffId null to release)',
        params: idParams,
        body: z.object({ staffId: z.string().uuid().nullable() }),
        response: { 200: conversationOut },
      },
    },
    async (req) => s.inbox.assign(req.actor, req.params.id, req.body.staffId),
  );
  app.post(
    '/api/v1/conversations/:id/priority',
    {
      schema: { tags, summary: 'Staff: set priority', params: idParams, body: z.object({ priority: z.enum(PRIORITIES) }), response: { 200: conversationOut } },
    },
    async (req) => s.inbox.setPriority(req.actor, req.params.id, req.body.priority),
  );
  app.post(
    '/api/v1/conversations/:id/escalate',
    { schema: { tags, summary: 'Staff: escalate', params: idParams, response: { 200: conversationOut } } },
    async (req) => s.inbox.escalate(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/conversations/:id/resolve',
    { schema: { tags, summary: 'Staff: resolve', params: idParams, response: { 200: conversationOut } } },
    async (req) => s.inbox.resolve(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/messages',
    {
      schema: {
        tags,
        summary: 'Staff: send a message to a person (channel auto = their preferred)',
        body: z.object({
          userId: z.string().uuid(),
          message: z.string().max(4000).optional(),
          subject: z.string().max(300).optional(),
          channel: z.enum([...CHANNEL_KINDS, 'auto']).optional(),
          template: z.string().optional(),
          templateVars: z.record(z.string(), z.string()).optional(),
        }),
        response: { 201: sentMessageOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.messages.sendMessage(req.actor, req.body)),
  );
  app.get(
    '/api/v1/messages/:id/status',
    { schema: { tags, summary: 'Staff: delivery status of a message', params: idParams, response: { 200: messageStatusOut } } },
    async (req) => s.messages.getMessageStatus(req.actor, req.params.id),
  );
  app.get(
    '/api/v1/notices',
    {
      schema: { tags, summary: "Staff: open notices for the caller's role (stock to reorder, batches expiring), newest first", response: { 200: noticesOut } },
    },
    async (req) => ({ items: await s.notices.open(req.actor) }),
  );
  app.post(
    '/api/v1/notices/:id/dismiss',
    { schema: { tags, summary: 'Staff: a notice was dealt with; it goes for everyone it was for', params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await s.notices.dismiss(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get('/api/v1/me/notifications', { schema: { tags, summary: "The caller's notification preferences", response: { 200: preferencesOut } } }, async (req) =>
    s.preferences.getPreferences(req.actor),
  );
  app.patch(
    '/api/v1/me/notifications',
    { schema: { tags, summary: 'Update notification preferences', body: preferencesUpdateSchema, response: { 200: preferencesOut } } },
    async (req) => s.preferences.updatePreferences(req.actor, req.body),
  );
}
