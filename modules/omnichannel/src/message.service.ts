import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, type ModuleContext, NotFoundError, parseInput, requireStaff, systemActor, type Tx, ValidationError } from '@petfriendly/core';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { asEmail } from './email';
import { addressRejected, messageFailed, messageSent } from './omnichannel.events';
import type { OmnichannelSettings } from './omnichannel.settings';
import { CHANNEL_KINDS, type ChannelKind, type ChannelType, channels, conversations, messages, notificationPreferences } from './omnichannel.tables';
import type { ProviderSet } from './provider-set';
import { permanentFailure } from './providers/permanent-failures';
import { type OutgoingMessage, ProviderError } from './providers/types';
import { renderTemplate } from './templates';

export const SEND_QUEUE = 'omnichannel.send';
const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

const sendSchema = z
  .object({
    userId: z.string().uuid(),
    message: z.string().trim().max(4000).optional(),
    subject: z.string().trim().max(300).optional(),
    channel: z.enum([...CHANNEL_KINDS, 'auto']).default('auto'),
    template: z.string().max(100).optional(),
    templateVars: z.record(z.string(), z.string()).default({}),
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.instanceof(Uint8Array) })).default([]),
    delivery: z
      .object({
        html: z.string().max(200_000).optional(),
        headers: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/), z.string().max(2000)).optional(),
        whatsappTemplate: z
          .object({ name: z.string().min(1).max(100), language: z.string().min(2).max(10), parameters: z.array(z.string().max(1000)).max(20) })
          .optional(),
        noEscalation: z.boolean().optional(),
      })
      .optional(),
  })
  .refine((m) => m.message || m.template, { path: ['message'], message: 'is required' });

export const bulkSchema = z.object({
  userIds: z.array(z.string().uuid()).min(1).max(2000),
  message: z.string().trim().min(1).max(4000),
  subject: z.string().trim().max(300).optional(),
  channel: z.enum([...CHANNEL_KINDS, 'auto']).default('auto'),
});

const CHANNEL_NAMES: Record<ChannelType, string> = { email: 'Correo', sms: 'SMS', whatsapp: 'WhatsApp', voice: 'Teléfono' };

type Contact = NonNullable<Awaited<ReturnType<AccountsPort['directory']['contactOf']>>>;

/** Sending: pick the channel, render the template in the owner's language, queue it, retry, escalate. */
export function createMessageService(ctx: ModuleContext, accounts: AccountsPort, providers: ProviderSet, settings: OmnichannelSettings) {
  const { db, clock, events, jobs, storage } = ctx;

  const addressOn = (contact: Contact, channel: ChannelKind) => (channel === 'email' ? contact.email : contact.phone ? toE164(contact.phone) : null);

  async function preferences(userId: string) {
    const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    return row ?? null;
  }

  /** The channels to try, in order: the asked one, or the preferred one then ESCALATION_ORDER; only those the person can be reached on and has not switched off. */
  async function channelsFor(contact: Contact, asked: ChannelKind | 'auto'): Promise<ChannelKind[]> {
    const prefs = await preferences(contact.id);
    const preferred = (prefs?.preferredChannel ?? contact.channel ?? settings.DEFAULT_CHANNEL) as ChannelKind;
    const enabled = (c: ChannelKind) => !prefs || prefs[`${c}Enabled` as const];
    const order =
      asked === 'auto' ? [preferred, ...settings.ESCALATION_ORDER] : [asked, ...settings.ESCALATION_ORDER.slice(settings.ESCALATION_ORDER.indexOf(asked) + 1)];
    return [...new Set(order)].filter((c) => enabled(c) && addressOn(contact, c));
  }

  async function channelId(tx: Tx, kind: ChannelType): Promise<number> {
    const [row] = await tx
      .insert(channels)
      .values({ name: CHANNEL_NAMES[kind], channelType: kind })
      .onConflictDoUpdate({ target: channels.channelType, set: { channelType: kind } })
      .returning({ id: channels.id });
    return row!.id;
  }

  /** The conversation with a contact on a channel, made on first use. */
  async function conversationFor(tx: Tx, kind: ChannelType, contact: string, ownerId: string | null) {
    const id = await channelId(tx, kind);
    const [row] = await tx
      .insert(conversations)
      .values({ channelId: id, contact, ownerId })
      .onConflictDoUpdate({
        target: [conversations.contact, conversations.channelId],
        set: { ownerId: sql`coalesce(${conversations.ownerId}, excluded.owner_id)` },
      })
      .returning();
    return row!;
  }

  type Plan = Awaited<ReturnType<typeof planMessage>>;

  /** Everything a message needs that must be read first (PGlite runs one statement at a time, so no reads inside the write transaction). */
  async function planMessage(actor: Actor, input: unknown) {
    if (actor.kind !== 'system') requireStaff(actor);
    const data = parseInput(sendSchema, input);
    const contact = await accounts.directory.contactOf(data.userId);
    if (!contact) throw new NotFoundError('omnichannel.contact_not_found', 'User not found.');
    const [channel] = await channelsFor(contact, data.channel);
    if (!channel) throw ValidationError.forField('omnichannel.unreachable', 'channel', 'This person cannot be reached on any enabled channel.');
    const rendered = data.template ? await renderTemplate(db, data.template, channel, contact.language, { name: contact.name, ...data.templateVars }) : null;
    // A mail always says what it is: a free-text message from staff gets "Mensaje de <clinic>".
    const subject =
      rendered?.subject || data.subject || (channel === 'email' ? ctx.i18n.t(contact.language)('omnichannel:email.subject', { clinic: ctx.clinic.NAME }) : '');
    return { actor, data, contact, channel, rendered, subject };
  }

  /** Writes a planned message with its send job inside the caller's transaction: sent after commit, or not at all. */
  async function queueMessage(tx: Tx, plan: Plan, options: { escalatedFrom?: number; senderType?: 'staff' | 'system' | 'ai' } = {}) {
    const { actor, data, contact, channel, rendered, subject } = plan;
    const conversation = await conversationFor(tx, channel, addressOn(contact, channel)!, contact.id);
    const [row] = await tx
      .insert(messages)
      .values({
        conversationId: conversation.id,
        direction: 'outbound',
        senderType: options.senderType ?? (actor.kind === 'staff' ? 'staff' : 'system'),
        senderId: actor.kind === 'staff' ? actor.userId : null,
        subject,
        content: rendered?.content ?? data.message!,
        contentType: rendered ? 'template' : 'text',
        template: data.template ?? null,
        delivery: data.delivery ?? null,
        status: 'pending',
        escalatedFrom: options.escalatedFrom ?? null,
        createdAt: clock.now(),
      })
      .returning();
    const attachments = [];
    for (const a of data.attachments) {
      const key = `messages/${row!.id}/${a.filename}`;
      await storage.put(key, a.content);
      attachments.push({ filename: a.filename, contentType: a.contentType, key });
    }
    if (attachments.length) await tx.update(messages).set({ attachments }).where(eq(messages.id, row!.id));
    await tx.update(conversations).set({ lastMessageAt: clock.now() }).where(eq(conversations.id, conversation.id));
    await jobs.send(SEND_QUEUE, { messageId: row!.id, templateVars: data.templateVars }, { tx });
    return { ...row!, attachments, channel };
  }

  /** `send_message`: a message to a person on a channel ('auto' = their preferred one), queued for sending. */
  async function sendMessage(actor: Actor, input: unknown, options: { escalatedFrom?: number; senderType?: 'staff' | 'system' | 'ai' } = {}) {
    const plan = await planMessage(actor, input);
    return db.transaction((tx) => queueMessage(tx, plan, options));
  }

  /** The send job: one attempt through the channel's provider. Retryable failures go back to pg-boss; the last one fails over. */
  async function deliver(messageId: number, templateVars: Record<string, string>, attempt: number) {
    const [row] = await db
      .select({ message: messages, conversation: conversations, channel: channels })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .where(eq(messages.id, messageId));
    // Logged calls (voice) are never pending: nothing goes out on that channel.
    if (row?.message.status !== 'pending' || row.channel.channelType === 'voice') return;
    const kind = row.channel.channelType;
    const provider = providers.for(kind);
    const outsideWindow =
      kind === 'whatsapp' && (!row.conversation.lastInboundAt || clock.now().getTime() - row.conversation.lastInboundAt.getTime() > WHATSAPP_WINDOW_MS);
    const contact = row.conversation.ownerId ? await accounts.directory.contactOf(row.conversation.ownerId) : null;
    const language = contact?.language ?? ctx.clinic.DEFAULT_LANGUAGE;
    const message: OutgoingMessage = {
      channel: kind,
      to: row.conversation.contact,
      subject: row.message.subject || undefined,
      text: row.message.content,
      attachments: await Promise.all(
        row.message.attachments.map(async (a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: (await storage.get(a.key)) ?? new Uint8Array(),
        })),
      ),
    };
    const outgoing = kind === 'email' ? asEmail({ ...message, subject: row.message.subject || ctx.clinic.NAME }, ctx.clinic, language) : message;
    const delivery = row.message.delivery;
    if (kind === 'email' && delivery?.html) outgoing.html = delivery.html;
    if (kind === 'email' && delivery?.headers) outgoing.headers = delivery.headers;
    if (kind === 'whatsapp' && delivery?.whatsappTemplate) outgoing.template = delivery.whatsappTemplate;
    else if (outsideWindow && row.message.template) {
      outgoing.template = (await renderTemplate(db, row.message.template, 'whatsapp', language, { name: contact?.name ?? '', ...templateVars })).whatsapp;
    }
    try {
      const result = await provider.send(outgoing);
      await db.transaction(async (tx) => {
        await tx
          .update(messages)
          .set({ status: 'sent', externalId: result.providerMessageId, provider: provider.name, sentAt: clock.now() })
          .where(and(eq(messages.id, messageId), eq(messages.status, 'pending')));
        await events.emit(tx, messageSent, { messageId, conversationId: row.conversation.id, ownerId: row.conversation.ownerId, channel: kind });
      });
    } catch (error) {
      const retryable = error instanceof ProviderError ? error.retryable : true;
      if (retryable && attempt + 1 < settings.SEND_ATTEMPTS) throw error;
      const code = error instanceof ProviderError ? error.providerCode : undefined;
      await failAndEscalate(row.message, row.conversation, kind, { error: error instanceof Error ? error.message : String(error), code }, templateVars);
    }
  }

  /**
   * `message_failed`, then the same message on the next channel in ESCALATION_ORDER, if the person has one;
   * and when the provider's code says the number is gone for good, `address_rejected` as for a hard bounce.
   */
  async function failAndEscalate(
    message: typeof messages.$inferSelect,
    conversation: Pick<typeof conversations.$inferSelect, 'ownerId' | 'contact'>,
    kind: ChannelKind,
    failure: { error: string; code?: string },
    templateVars: Record<string, string>,
  ) {
    const { ownerId } = conversation;
    const { error } = failure;
    const rejected = permanentFailure(kind, failure.code);
    const contact = ownerId && !message.delivery?.noEscalation ? await accounts.directory.contactOf(ownerId) : null;
    const next = contact ? (await channelsFor(contact, kind)).filter((c) => c !== kind)[0] : undefined;
    const plan = next
      ? await planMessage(systemActor, {
          userId: ownerId!,
          channel: next,
          message: message.content,
          subject: message.subject || undefined,
          template: message.template ?? undefined,
          templateVars,
        })
      : null;
    await db.transaction(async (tx) => {
      await tx.update(messages).set({ status: 'failed', error }).where(eq(messages.id, message.id));
      await events.emit(tx, messageFailed, {
        messageId: message.id,
        conversationId: message.conversationId,
        ownerId,
        channel: kind,
        error,
        escalatedTo: next ?? null,
      });
      if (rejected) await events.emit(tx, addressRejected, { channel: kind, address: conversation.contact, ownerId, reason: rejected });
      if (plan) await queueMessage(tx, plan, { escalatedFrom: message.id });
    });
  }

  /**
   * The provider accepted a message and later reported it failed (a bounce, WhatsApp's 131047 outside
   * the 24-hour window): the same failover as a failed send.
   */
  async function failReported(messageId: number, error: string, code?: string) {
    const [row] = await db
      .select({ message: messages, conversation: conversations, channel: channels })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .where(eq(messages.id, messageId));
    if (!row || row.message.status === 'failed' || row.channel.channelType === 'voice') return;
    await failAndEscalate(row.message, row.conversation, row.channel.channelType, { error, code }, {});
  }

  /**
   * `send_bulk_message` (managers): one message each, on that person's channel. Someone who cannot be
   * reached (no channel, switched off, unknown) does not stop the rest: they are reported back.
   */
  async function sendBulkMessage(actor: Actor, input: unknown) {
    requireStaff(actor, ['manager', 'admin']);
    const data = parseInput(bulkSchema, input);
    const sent: { userId: string; messageId: number; channel: ChannelKind }[] = [];
    const unreachable: { userId: string; reason: string }[] = [];
    for (const userId of new Set(data.userIds)) {
      try {
        const row = await sendMessage(actor, { userId, message: data.message, subject: data.subject, channel: data.channel });
        sent.push({ userId, messageId: row.id, channel: row.channel });
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof NotFoundError)) throw error;
        unreachable.push({ userId, reason: error.code });
      }
    }
    return { sent, unreachable };
  }

  async function getMessageStatus(actor: Actor, messageId: number) {
    requireStaff(actor);
    const [row] = await db
      .select({
        id: messages.id,
        status: messages.status,
        sentAt: messages.sentAt,
        deliveredAt: messages.deliveredAt,
        readAt: messages.readAt,
        error: messages.error,
      })
      .from(messages)
      .where(eq(messages.id, messageId));
    if (!row) throw new NotFoundError('omnichannel.message_not_found', `Message ${messageId} not found.`);
    return row;
  }

  return { sendMessage, planMessage, queueMessage, failReported, sendBulkMessage, getMessageStatus, deliver, conversationFor, channelsFor, preferences };
}

/**
 * Phone numbers to E.164, Mexican by default (+52 and ten digits). WhatsApp still writes Mexican
 * mobiles with the old "1" (521…), which is the same line, so it is dropped.
 */
export function toE164(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 10) return `+52${digits}`;
  if (digits.length === 13 && digits.startsWith('521')) return `+52${digits.slice(3)}`;
  return `+${digits}`;
}

export type MessageService = ReturnType<typeof createMessageService>;
