import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, ConflictError, type ModuleContext, NotFoundError, pageOf, pageQuerySchema, parseInput, requireStaff } from '@petfriendly/core';
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type MessageService, toE164 } from './message.service';
import { messageDelivered, messageReceived } from './omnichannel.events';
import { CHANNEL_TYPES, type ChannelKind, type ChannelType, CONVERSATION_STATUSES, channels, conversations, messages, PRIORITIES } from './omnichannel.tables';

export const inboxListSchema = z.object({
  channel: z.enum(CHANNEL_TYPES).optional(),
  status: z.enum(CONVERSATION_STATUSES).optional(),
  assignee: z.union([z.string().uuid(), z.literal('me'), z.literal('none')]).optional(),
  ...pageQuerySchema.shape,
});

/** The unified inbox: every conversation on every channel, for staff. Inbound messages land here. */
export function createInboxService(ctx: ModuleContext, accounts: AccountsPort, sender: MessageService) {
  const { db, clock, events } = ctx;

  async function listConversations(actor: Actor, input: unknown = {}) {
    const staff = requireStaff(actor);
    const q = parseInput(inboxListSchema, input);
    const assignee = q.assignee === 'me' ? staff.userId : q.assignee;
    const rows = await db
      .select({
        conversation: conversations,
        channel: channels.channelType,
        unread: sql<number>`(select count(*) from ${messages} m where m.conversation_id = ${conversations.id} and m.direction = 'inbound' and not m.is_read)::int`,
        last: sql<string>`(select m.content from ${messages} m where m.conversation_id = ${conversations.id} order by m.created_at desc, m.id desc limit 1)`,
      })
      .from(conversations)
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .where(
        and(
          q.channel ? eq(channels.channelType, q.channel) : undefined,
          q.status ? eq(conversations.status, q.status) : undefined,
          assignee === 'none' ? sql`${conversations.assignedTo} is null` : assignee ? eq(conversations.assignedTo, assignee) : undefined,
        ),
      )
      .orderBy(
        sql`case ${conversations.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`,
        desc(conversations.lastMessageAt),
        desc(conversations.id),
      )
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    const names = await accounts.directory.namesOf([
      ...new Set(rows.flatMap((r) => [r.conversation.ownerId, r.conversation.assignedTo]).filter((x): x is string => !!x)),
    ]);
    const found = pageOf(rows, q);
    return {
      ...found,
      items: found.items.map((r) => ({
        ...r.conversation,
        channel: r.channel,
        unread: r.unread,
        lastMessage: r.last ?? '',
        ownerName: r.conversation.ownerId ? (names.get(r.conversation.ownerId) ?? '') : '',
        assigneeName: r.conversation.assignedTo ? (names.get(r.conversation.assignedTo) ?? '') : '',
      })),
    };
  }

  /** `get_conversation`: a conversation with its latest messages (oldest first). */
  async function getConversation(actor: Actor, conversationId: number, limit = 50) {
    requireStaff(actor);
    const [row] = await db
      .select({ conversation: conversations, channel: channels.channelType })
      .from(conversations)
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .where(eq(conversations.id, conversationId));
    if (!row) throw new NotFoundError('omnichannel.conversation_not_found', `Conversation ${conversationId} not found.`);
    const recent = await db
      .select()
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit);
    const names = await accounts.directory.namesOf(
      [row.conversation.ownerId, row.conversation.assignedTo, ...recent.map((m) => m.senderId)].filter((x): x is string => !!x),
    );
    return {
      ...row.conversation,
      channel: row.channel,
      ownerName: row.conversation.ownerId ? (names.get(row.conversation.ownerId) ?? '') : '',
      messages: recent.reverse().map((m) => ({ ...m, senderName: m.senderId ? (names.get(m.senderId) ?? '') : '' })),
    };
  }

  /** The spec's `get_conversation(user_id)`: the person's most recent conversation, on any channel. */
  async function getConversationWithUser(actor: Actor, userId: string, limit = 50) {
    requireStaff(actor);
    const [latest] = await db
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.ownerId, userId))
      .orderBy(desc(conversations.lastMessageAt))
      .limit(1);
    if (!latest) throw new NotFoundError('omnichannel.conversation_not_found', 'No conversation with this person yet.');
    return getConversation(actor, latest.id, limit);
  }

  async function getUnreadMessages(actor: Actor, options: { channel?: ChannelType; limit?: number } = {}) {
    requireStaff(actor);
    return db
      .select({ message: messages, contact: conversations.contact, channel: channels.channelType })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .where(and(eq(messages.direction, 'inbound'), eq(messages.isRead, false), options.channel ? eq(channels.channelType, options.channel) : undefined))
      .orderBy(asc(messages.createdAt))
      .limit(Math.min(options.limit ?? 20, 100));
  }

  async function markRead(actor: Actor, messageIds: number[]) {
    requireStaff(actor);
    if (messageIds.length) await db.update(messages).set({ isRead: true }).where(inArray(messages.id, messageIds));
  }

  /** `reply`: on the conversation's own channel, to its contact; the conversation becomes active again. */
  async function reply(actor: Actor, conversationId: number, text: string) {
    const staff = requireStaff(actor);
    const conversation = await getConversation(staff, conversationId, 1);
    if (!conversation.ownerId) throw new ConflictError('omnichannel.unknown_contact', 'Link this contact to an owner before replying.');
    if (conversation.channel === 'voice') throw new ConflictError('omnichannel.call_no_reply', 'A call is answered by calling back; log the call.');
    const subject = conversation.subject ? `Re: ${conversation.subject}`.slice(0, 300) : undefined;
    const sent = await sender.sendMessage(staff, { userId: conversation.ownerId, message: text, subject, channel: conversation.channel });
    await db
      .update(conversations)
      .set({ status: 'active', assignedTo: conversation.assignedTo ?? staff.userId })
      .where(eq(conversations.id, conversationId));
    await db
      .update(messages)
      .set({ isRead: true })
      .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'inbound')));
    return sent;
  }

  async function update(actor: Actor, conversationId: number, set: Partial<typeof conversations.$inferInsert>) {
    requireStaff(actor);
    const [row] = await db.update(conversations).set(set).where(eq(conversations.id, conversationId)).returning();
    if (!row) throw new NotFoundError('omnichannel.conversation_not_found', `Conversation ${conversationId} not found.`);
    return row;
  }
  const assign = (actor: Actor, id: number, staffId: string | null) => update(actor, id, { assignedTo: staffId });
  const setPriority = (actor: Actor, id: number, priority: (typeof PRIORITIES)[number]) => update(actor, id, { priority: z.enum(PRIORITIES).parse(priority) });
  const escalate = (actor: Actor, id: number) => update(actor, id, { status: 'escalated', priority: 'high' });
  const resolve = (actor: Actor, id: number) => update(actor, id, { status: 'resolved', resolvedAt: clock.now() });
  const reopen = (actor: Actor, id: number) => update(actor, id, { status: 'active', resolvedAt: null });

  /**
   * A message from outside (webhook). Recorded once per provider id, however often the provider
   * repeats it; the conversation reopens and waits for staff (or stays escalated).
   */
  async function recordInbound(raw: { channel: ChannelKind; provider: string; externalId: string; from: string; text: string; at: Date }) {
    const input = { ...raw, from: raw.channel === 'email' ? raw.from.toLowerCase() : toE164(raw.from) };
    const ownerId = await accounts.directory.ownerByContact(input.from);
    return db.transaction(async (tx) => {
      const conversation = await sender.conversationFor(tx, input.channel, input.from, ownerId);
      const [row] = await tx
        .insert(messages)
        .values({
          conversationId: conversation.id,
          direction: 'inbound',
          senderType: 'customer',
          senderId: ownerId,
          content: input.text,
          externalId: input.externalId,
          provider: input.provider,
          status: 'received',
          createdAt: input.at,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return null;
      // An escalated conversation stays escalated: a person has been asked to answer it. A resolved one
      // that comes back is a new matter: unassigned, for whoever (or the assistant) takes it.
      await tx
        .update(conversations)
        .set({
          lastMessageAt: input.at,
          lastInboundAt: input.at,
          status: sql`case when ${conversations.status} = 'escalated' then 'escalated' else 'waiting' end`,
          assignedTo: sql`case when ${conversations.status} = 'resolved' then null else ${conversations.assignedTo} end`,
          resolvedAt: null,
        })
        .where(eq(conversations.id, conversation.id));
      await events.emit(tx, messageReceived, {
        messageId: row.id,
        conversationId: conversation.id,
        ownerId,
        channel: input.channel,
        contact: input.from,
        text: input.text,
      });
      return row;
    });
  }

  /** Delivery receipts: sent → delivered → read, or failed; never backwards, and unknown ids are ignored. */
  /** A delivery report; `code` is the provider's error code of a failure (it may mean the number is gone for good). */
  async function recordStatus(input: {
    provider: string;
    externalId: string;
    status: 'sent' | 'delivered' | 'read' | 'failed';
    at: Date;
    error?: string;
    code?: string;
  }) {
    const rank = { pending: 0, sent: 1, delivered: 2, read: 3, failed: 4, received: 0 } as const;
    const [current] = await db
      .select()
      .from(messages)
      .where(and(eq(messages.provider, input.provider), eq(messages.externalId, input.externalId)));
    if (!current || rank[input.status] <= rank[current.status]) return null;
    if (input.status === 'failed') {
      await sender.failReported(current.id, input.error ?? input.code ?? 'failed', input.code);
      return current;
    }
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(messages)
        .set({
          status: input.status,
          ...(input.status === 'delivered' ? { deliveredAt: input.at } : {}),
          ...(input.status === 'read' ? { readAt: input.at, deliveredAt: current.deliveredAt ?? input.at } : {}),
          ...(input.error ? { error: input.error } : {}),
        })
        .where(eq(messages.id, current.id))
        .returning();
      const [conversation] = await tx
        .select({ ownerId: conversations.ownerId, channel: channels.channelType })
        .from(conversations)
        .innerJoin(channels, eq(channels.id, conversations.channelId))
        .where(eq(conversations.id, current.conversationId));
      if (input.status === 'delivered' || input.status === 'read') {
        await events.emit(tx, messageDelivered, {
          messageId: current.id,
          conversationId: current.conversationId,
          ownerId: conversation?.ownerId ?? null,
          channel: conversation?.channel ?? '',
          status: input.status,
        });
      }
      return row;
    });
  }

  async function unreadCount(actor: Actor) {
    requireStaff(actor);
    const [row] = await db
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.direction, 'inbound'), eq(messages.isRead, false)));
    return row?.n ?? 0;
  }

  return {
    listConversations,
    getConversation,
    getConversationWithUser,
    getUnreadMessages,
    markRead,
    reply,
    assign,
    setPriority,
    escalate,
    resolve,
    reopen,
    recordInbound,
    recordStatus,
    unreadCount,
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
