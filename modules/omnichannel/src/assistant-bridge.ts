import type { AccountsPort } from '@petfriendly/accounts';
import { type ModuleContext, ValidationError } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { type MessageService, SEND_QUEUE, toE164 } from './message.service';
import { type ChannelKind, conversations, messages } from './omnichannel.tables';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the AI assistant does through the inbox: answer in a conversation, and hand one to staff. */
export function createAssistantBridge(ctx: ModuleContext, accounts: AccountsPort, sender: MessageService) {
  const { db, clock, jobs } = ctx;

  /** The assistant's answer to a conversation's contact, on the conversation's own channel. */
  async function answer(conversationId: number, text: string) {
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(messages)
        .values({ conversationId, direction: 'outbound', senderType: 'ai', content: text, contentType: 'text', status: 'pending', createdAt: clock.now() })
        .returning();
      await tx.update(conversations).set({ lastMessageAt: clock.now() }).where(eq(conversations.id, conversationId));
      await jobs.send(SEND_QUEUE, { messageId: row!.id }, { tx });
      return row!;
    });
  }

  /** Where a person can be reached: an owner on their preferred channel, a guest at the phone or email they left. */
  async function addressOf(ownerId: string | null, contact: string | undefined): Promise<{ channel: ChannelKind; address: string }> {
    if (ownerId) {
      const person = await accounts.directory.contactOf(ownerId);
      const [channel] = person ? await sender.channelsFor(person, 'auto') : [];
      if (person && channel) return { channel, address: channel === 'email' ? person.email! : toE164(person.phone!) };
    }
    const given = contact?.trim() ?? '';
    if (EMAIL.test(given)) return { channel: 'email', address: given.toLowerCase() };
    if (given.replace(/\D/g, '').length >= 10) return { channel: 'whatsapp', address: toE164(given) };
    throw ValidationError.forField('omnichannel.unreachable', 'contact', 'Leave a WhatsApp number or an email so the clinic can answer you.');
  }

  /**
   * Hand-off: the person's conversation is escalated for staff with the assistant's note (why, and
   * where the chat transcript is). An existing conversation on that channel is reused.
   */
  async function handOff(input: { ownerId: string | null; contact?: string; subject: string; note: string; conversationId?: number }) {
    const { channel, address } = input.conversationId ? { channel: null, address: null } : await addressOf(input.ownerId, input.contact);
    const now = clock.now();
    return db.transaction(async (tx) => {
      const conversation = input.conversationId
        ? (await tx.select().from(conversations).where(eq(conversations.id, input.conversationId)))[0]!
        : await sender.conversationFor(tx, channel!, address!, input.ownerId);
      await tx.insert(messages).values({
        conversationId: conversation.id,
        direction: 'inbound',
        senderType: 'ai',
        subject: input.subject,
        content: input.note,
        contentType: 'text',
        status: 'received',
        createdAt: now,
      });
      const [row] = await tx
        .update(conversations)
        .set({ status: 'escalated', priority: 'high', subject: input.subject, lastMessageAt: now, resolvedAt: null })
        .where(eq(conversations.id, conversation.id))
        .returning();
      return row!;
    });
  }

  /** Whether staff have this conversation (escalated to them, or assigned and not resolved): then the assistant stays out. */
  async function isWithStaff(conversationId: number): Promise<boolean> {
    const [row] = await db
      .select({ status: conversations.status, assignedTo: conversations.assignedTo })
      .from(conversations)
      .where(eq(conversations.id, conversationId));
    return !!row && (row.status === 'escalated' || (row.assignedTo !== null && row.status !== 'resolved'));
  }

  return { answer, handOff, isWithStaff };
}

export type AssistantBridge = ReturnType<typeof createAssistantBridge>;
