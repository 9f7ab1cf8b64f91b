import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, type ModuleContext, NotFoundError, parseInput, requireStaff } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { type MessageService, toE164 } from './message.service';
import { CALL_OUTCOMES, conversations, messages } from './omnichannel.tables';

export const callSchema = z.object({
  ownerId: z.uuid(),
  direction: z.enum(['inbound', 'outbound']),
  /** Minutes and seconds are both common at a desk; the log keeps seconds. */
  durationSeconds: z.coerce.number().int().min(0).max(86_400),
  summary: z.string().trim().min(1, 'is required').max(4000),
  outcome: z.enum(CALL_OUTCOMES),
  /** When the call was; now when left out. */
  calledAt: z.coerce.date().optional(),
});

/**
 * Phone calls in the inbox: staff log a call (who, which way, how long, what was said, how it ended) on the
 * owner's `voice` conversation, so the inbox and the owner's history show calls next to messages.
 */
export function createCallLog(ctx: ModuleContext, accounts: AccountsPort, sender: MessageService) {
  const { db, clock } = ctx;

  async function logCall(actor: Actor, input: unknown) {
    const staff = requireStaff(actor);
    const data = parseInput(callSchema, input);
    const contact = await accounts.directory.contactOf(data.ownerId);
    if (!contact || !(await accounts.directory.isOwner(data.ownerId))) {
      throw new NotFoundError('omnichannel.owner_not_found', 'Owner not found.');
    }
    const at = data.calledAt ?? clock.now();
    return db.transaction(async (tx) => {
      // The number called or calling; an owner without a phone on file is still one conversation, by email.
      const conversation = await sender.conversationFor(tx, 'voice', contact.phone ? toE164(contact.phone) : contact.email, contact.id);
      const [call] = await tx
        .insert(messages)
        .values({
          conversationId: conversation.id,
          direction: data.direction,
          senderType: 'staff',
          senderId: staff.userId,
          content: data.summary,
          status: data.direction === 'inbound' ? 'received' : 'sent',
          provider: 'phone',
          isRead: true,
          call: { durationSeconds: data.durationSeconds, outcome: data.outcome },
          sentAt: at,
          createdAt: at,
        })
        .returning();
      await tx
        .update(conversations)
        .set({
          lastMessageAt: at,
          ...(data.direction === 'inbound' ? { lastInboundAt: at } : {}),
          status: data.outcome === 'resolved' ? 'resolved' : 'waiting',
          resolvedAt: data.outcome === 'resolved' ? at : null,
          assignedTo: conversation.assignedTo ?? staff.userId,
        })
        .where(eq(conversations.id, conversation.id));
      return { ...call!, channel: 'voice' as const };
    });
  }

  return { logCall };
}
export type CallLog = ReturnType<typeof createCallLog>;
