import { defineEvent } from '@petfriendly/core';
import { z } from 'zod';
import { PERMANENT_REASONS } from './providers/permanent-failures';

const messageRef = z.object({ messageId: z.number().int(), conversationId: z.number().int(), ownerId: z.string().nullable(), channel: z.string() });
const reminderRef = z.object({
  reminderId: z.number().int(),
  userId: z.string(),
  reminderType: z.string(),
  relatedObjectType: z.string().nullable(),
  relatedObjectId: z.number().int().nullable(),
});

export const messageSent = defineEvent('omnichannel.message_sent', {
  description: 'A message left for its channel (or the local outbox).',
  schema: messageRef,
});
export const messageDelivered = defineEvent('omnichannel.message_delivered', {
  description: 'The channel reported the message delivered or read.',
  schema: messageRef.extend({ status: z.enum(['delivered', 'read']) }),
});
export const messageFailed = defineEvent('omnichannel.message_failed', {
  description: 'A message could not be delivered; it may have been escalated to the next channel.',
  schema: messageRef.extend({ error: z.string(), escalatedTo: z.string().nullable() }),
});
export const messageReceived = defineEvent('omnichannel.message_received', {
  description: 'Someone wrote to the clinic (WhatsApp, SMS, email).',
  schema: messageRef.extend({ contact: z.string(), text: z.string() }),
});
export const reminderSent = defineEvent('omnichannel.reminder_sent', {
  description: 'A reminder went out.',
  schema: reminderRef.extend({ channel: z.string() }),
});
export const reminderConfirmed = defineEvent('omnichannel.reminder_confirmed', {
  description: 'An owner answered a reminder: confirm or cancel what it was about.',
  schema: reminderRef.extend({ answer: z.enum(['confirm', 'cancel']) }),
});

export const reminderSkipped = defineEvent('omnichannel.reminder_skipped', {
  description: 'A reminder could not go out: the person switched reminders off or cannot be reached on any channel (staff should call).',
  schema: reminderRef.extend({ reason: z.enum(['reminders_off', 'unreachable']) }),
});

export const addressRejected = defineEvent('omnichannel.address_rejected', {
  description:
    'The provider reported an address that must not be written to again (a permanent bounce, a complaint, a number that is invalid, not mobile, opted out or undeliverable).',
  schema: z.object({
    channel: z.string(),
    address: z.string(),
    ownerId: z.string().nullable(),
    reason: z.enum(['hard_bounce', 'complaint', ...PERMANENT_REASONS]),
  }),
});

export const omnichannelEvents = [
  messageSent,
  messageDelivered,
  messageFailed,
  messageReceived,
  reminderSent,
  reminderConfirmed,
  reminderSkipped,
  addressRejected,
];
