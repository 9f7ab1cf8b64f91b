import { defineEvent } from '@petfriendly/core';

type MessageRef = { messageId: number; conversationId: number; ownerId: string | null; channel: string };

export const messageSent = defineEvent<MessageRef>('omnichannel.message_sent');
export const messageDelivered = defineEvent<MessageRef & { status: 'delivered' | 'read' }>('omnichannel.message_delivered');
export const messageFailed = defineEvent<MessageRef & { error: string; escalatedTo: string | null }>('omnichannel.message_failed');
export const messageReceived = defineEvent<MessageRef & { contact: string; text: string }>('omnichannel.message_received');
export const reminderSent = defineEvent<{ reminderId: number; userId: string; reminderType: string; relatedObjectType: string | null; relatedObjectId: number | null; channel: string }>('omnichannel.reminder_sent');
export const reminderConfirmed = defineEvent<{ reminderId: number; userId: string; reminderType: string; relatedObjectType: string | null; relatedObjectId: number | null; answer: 'confirm' | 'cancel' }>(
  'omnichannel.reminder_confirmed',
);

export const omnichannelEvents = [messageSent, messageDelivered, messageFailed, messageReceived, reminderSent, reminderConfirmed];
