import { type HttpApp, idParams, pageSchema, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { audienceMessageSchema } from './audiences';
import { bulkSchema } from './message.service';
import { CHANNEL_KINDS, reminders } from './omnichannel.tables';
import { reminderListSchema } from './reminder.service';
import type { OmnichannelServices } from './services';

const tags = ['omnichannel'];
const reminderOut = rowSchema(reminders);
const bulkOut = z.object({
  sent: z.array(z.object({ userId: z.string(), messageId: z.number().int(), channel: z.enum(CHANNEL_KINDS) })),
  unreachable: z.array(z.object({ userId: z.string(), reason: z.string().describe('The error code: omnichannel.unreachable, omnichannel.contact_not_found') })),
});

/** `/api/v1` for what staff send on their own initiative: reminders they can see and withdraw, and bulk messages. */
export async function outreachRoutes(app: HttpApp, s: OmnichannelServices) {
  app.get(
    '/api/v1/reminders',
    { schema: { tags, summary: 'Staff: reminders, newest due first', querystring: reminderListSchema, response: { 200: pageSchema(reminderOut) } } },
    async (req) => s.reminders.listReminders(req.actor, req.query),
  );
  app.post(
    '/api/v1/reminders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Staff: withdraw a reminder that has not gone out (409 omnichannel.reminder_not_pending otherwise)',
        params: idParams,
        response: { 200: reminderOut },
      },
    },
    async (req) => s.reminders.cancelReminder(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/messages/bulk',
    {
      schema: {
        tags,
        summary: 'Managers: one message to many people, each on their channel; the unreachable are reported, not fatal',
        body: bulkSchema,
        response: { 200: bulkOut },
      },
    },
    async (req) => s.messages.sendBulkMessage(req.actor, req.body),
  );
  app.get(
    '/api/v1/messages/audiences',
    {
      schema: {
        tags,
        summary: 'Managers: the groups a bulk message can go to',
        response: { 200: z.array(z.object({ key: z.string(), labelKey: z.string(), param: z.enum(['none', 'date']) })) },
      },
    },
    async (req) => s.audiences.list(req.actor),
  );
  app.post(
    '/api/v1/messages/audiences/send',
    {
      schema: {
        tags,
        summary: 'Managers: one message to everyone in an audience (for example the owners booked on a closed day)',
        body: audienceMessageSchema,
        response: { 200: bulkOut },
      },
    },
    async (req) => s.audiences.sendToAudience(req.actor, req.body),
  );
}
