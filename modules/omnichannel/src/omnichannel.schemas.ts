import { pageSchema, rowSchema } from '@petfriendly/core';
import { z } from 'zod';
import { CHANNEL_TYPES, conversations, messages, notificationPreferences } from './omnichannel.tables';

const channel = z.enum(CHANNEL_TYPES);
const attachment = z.object({ filename: z.string(), contentType: z.string(), key: z.string() });
const messageOut = rowSchema(messages).extend({ attachments: z.array(attachment) });

export const conversationOut = rowSchema(conversations);
export const conversationPageOut = pageSchema(
  conversationOut.extend({ channel, unread: z.number().int(), lastMessage: z.string(), ownerName: z.string(), assigneeName: z.string() }),
);
export const conversationDetailOut = conversationOut.extend({
  channel,
  ownerName: z.string(),
  messages: z.array(messageOut.extend({ senderName: z.string() })).describe('The latest messages, oldest first'),
});
export const sentMessageOut = messageOut.extend({ channel });
export const messageStatusOut = rowSchema(messages).pick({ id: true, status: true, sentAt: true, deliveredAt: true, readAt: true, error: true });
export const preferencesOut = rowSchema(notificationPreferences);
export const noticesOut = z.object({
  items: z.array(z.object({ id: z.number().int(), text: z.string(), link: z.string().nullable(), updatedAt: z.date() })),
});
