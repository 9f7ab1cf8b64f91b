import { users } from '@petfriendly/accounts/tables';
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgSchema, smallint, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

export const omnichannel = pgSchema('omnichannel');

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const CHANNEL_KINDS = ['email', 'sms', 'whatsapp'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
/** The spec's channel types: the three messages go out on, and `voice`, phone calls staff log in the inbox. */
export const CHANNEL_TYPES = [...CHANNEL_KINDS, 'voice'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];
export const CALL_OUTCOMES = ['resolved', 'follow_up', 'voicemail', 'no_answer'] as const;
/** A logged phone call: how long it lasted and how it ended (its summary is the message's content). */
export interface CallDetails {
  durationSeconds: number;
  outcome: (typeof CALL_OUTCOMES)[number];
}

export const channels = omnichannel.table('channels', {
  id: id(),
  name: varchar('name', { length: 100 }).notNull(),
  channelType: varchar('channel_type', { length: 20, enum: CHANNEL_TYPES }).notNull().unique(),
  isActive: boolean('is_active').notNull().default(true),
  /** Non-secret settings shown to staff (sender, provider name); secrets stay in environment settings. */
  config: jsonb('config').$type<Record<string, string>>().notNull().default({}),
});

export const CONVERSATION_STATUSES = ['active', 'waiting', 'resolved', 'escalated'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

export const conversations = omnichannel.table(
  'conversations',
  {
    id: id(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Who wrote in when they are not (yet) a known owner: a phone or an email. */
    contact: varchar('contact', { length: 200 }).notNull(),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    status: varchar('status', { length: 20, enum: CONVERSATION_STATUSES }).notNull().default('active'),
    subject: varchar('subject', { length: 500 }).notNull().default(''),
    assignedTo: uuid('assigned_to').references(() => users.id, { onDelete: 'set null' }),
    priority: varchar('priority', { length: 20, enum: PRIORITIES }).notNull().default('normal'),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('conversations_contact_channel').on(t.contact, t.channelId),
    index('conversations_inbox_idx').on(t.status, t.lastMessageAt),
    index('conversations_owner_idx').on(t.ownerId),
  ],
);

/** What a sender may add to a message beyond its text (see `sendSchema`). */
export interface DeliveryOptions {
  /** Email: this HTML body instead of the text set as paragraphs. */
  html?: string;
  /** Email: extra header fields. */
  headers?: Record<string, string>;
  /** WhatsApp: always this approved template (marketing is never a reply within the 24-hour window). */
  whatsappTemplate?: { name: string; language: string; parameters: string[] };
  /** A failure is final: the message is not tried on the next channel (marketing keeps to the channel chosen). */
  noEscalation?: boolean;
}

export const MESSAGE_STATUSES = ['pending', 'sent', 'delivered', 'read', 'failed', 'received'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const messages = omnichannel.table(
  'messages',
  {
    id: id(),
    conversationId: integer('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    direction: varchar('direction', { length: 10, enum: ['inbound', 'outbound'] }).notNull(),
    senderType: varchar('sender_type', { length: 20, enum: ['customer', 'staff', 'system', 'ai'] }).notNull(),
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    subject: varchar('subject', { length: 300 }).notNull().default(''),
    content: text('content').notNull(),
    contentType: varchar('content_type', { length: 20, enum: ['text', 'image', 'document', 'template'] })
      .notNull()
      .default('text'),
    attachments: jsonb('attachments').$type<{ filename: string; contentType: string; key: string }[]>().notNull().default([]),
    /** The provider's id; unique per channel so a repeated webhook is recorded once. */
    externalId: varchar('external_id', { length: 200 }),
    provider: varchar('provider', { length: 30 }).notNull().default(''),
    status: varchar('status', { length: 20, enum: MESSAGE_STATUSES }).notNull(),
    error: text('error').notNull().default(''),
    /** The message this one replaced when its channel failed (escalation). */
    escalatedFrom: integer('escalated_from'),
    template: varchar('template', { length: 100 }),
    /** How a message that is more than text goes out (marketing: its own HTML, headers, WhatsApp template, no escalation). */
    delivery: jsonb('delivery').$type<DeliveryOptions>(),
    /** Only on the voice channel: the call's length and outcome. */
    call: jsonb('call').$type<CallDetails>(),
    isRead: boolean('is_read').notNull().default(false),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_message_conversation').on(t.conversationId, t.createdAt),
    index('idx_message_created').on(t.createdAt),
    index('messages_unread_idx').on(t.direction, t.isRead).where(sql`${t.direction} = 'inbound' and not ${t.isRead}`),
    unique('messages_external_unique').on(t.provider, t.externalId),
  ],
);

/** A message per slug, channel and language; `{{variables}}` filled when sending. */
export const messageTemplates = omnichannel.table(
  'message_templates',
  {
    id: id(),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    channelType: varchar('channel_type', { length: 20, enum: CHANNEL_KINDS }).notNull(),
    language: varchar('language', { length: 5 }).notNull(),
    category: varchar('category', { length: 50 }).notNull().default('utility'),
    subject: varchar('subject', { length: 200 }).notNull().default(''),
    content: text('content').notNull(),
    variables: jsonb('variables').$type<string[]>().notNull().default([]),
    whatsappTemplateId: varchar('whatsapp_template_id', { length: 100 }),
    isApproved: boolean('is_approved').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [unique('message_templates_slug_channel_language').on(t.slug, t.channelType, t.language)],
);

export const notificationPreferences = omnichannel.table('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  preferredChannel: varchar('preferred_channel', { length: 20, enum: CHANNEL_KINDS }).notNull().default('whatsapp'),
  emailEnabled: boolean('email_enabled').notNull().default(true),
  smsEnabled: boolean('sms_enabled').notNull().default(true),
  whatsappEnabled: boolean('whatsapp_enabled').notNull().default(true),
  remindersEnabled: boolean('reminders_enabled').notNull().default(true),
  marketingEnabled: boolean('marketing_enabled').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** `declined`: the owner answered "no puedo"; `skipped`: it could not go out (reminders off, no channel), so staff call. */
export const REMINDER_STATUSES = ['pending', 'sent', 'failed', 'confirmed', 'declined', 'skipped', 'cancelled'] as const;
export const REMINDER_TYPES = ['appointment', 'vaccination', 'followup'] as const;

/** The spec's Reminder, generic: what to remind whom about, when, and how it went. */
export const reminders = omnichannel.table(
  'reminders',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reminderType: varchar('reminder_type', { length: 20, enum: REMINDER_TYPES }).notNull(),
    relatedObjectType: varchar('related_object_type', { length: 50 }),
    relatedObjectId: integer('related_object_id'),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    template: varchar('template', { length: 100 }),
    templateVars: jsonb('template_vars').$type<Record<string, string>>().notNull().default({}),
    message: text('message').notNull().default(''),
    channel: varchar('channel', { length: 20, enum: CHANNEL_KINDS }),
    /** How far along ESCALATION_ORDER this reminder has gone (0 = the preferred channel). */
    escalationStep: smallint('escalation_step').notNull().default(0),
    messageId: integer('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    status: varchar('status', { length: 20, enum: REMINDER_STATUSES }).notNull().default('pending'),
    response: text('response').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('reminders_due_idx').on(t.status, t.scheduledFor), index('reminders_related_idx').on(t.relatedObjectType, t.relatedObjectId)],
);

/**
 * Something staff must act on that no owner wrote (a product to reorder, a batch about to expire): shown in
 * the inbox to the roles it is for and mailed in a daily digest. `key` keeps one open notice per subject;
 * the text is an i18n key with its values, so each reader sees it in their language.
 */
export const staffNotices = omnichannel.table(
  'staff_notices',
  {
    id: id(),
    key: varchar('key', { length: 200 }).notNull(),
    roles: text('roles').array().notNull(),
    messageKey: varchar('message_key', { length: 200 }).notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: varchar('link', { length: 500 }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    dismissedBy: uuid('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('staff_notices_open_key').on(t.key).where(sql`${t.dismissedAt} is null`), index('staff_notices_updated_idx').on(t.updatedAt)],
);

export const omnichannelTables = { channels, conversations, messages, messageTemplates, notificationPreferences, reminders, staffNotices };
