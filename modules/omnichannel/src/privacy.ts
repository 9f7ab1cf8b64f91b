import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq, inArray, sql } from 'drizzle-orm';
import { conversations, messages, notificationPreferences, reminders } from './omnichannel.tables';

/** The owner's conversations and messages; a cancellation removes their text, the contact and what reminders said. */
export function createOmnichannelPrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      const owned = await ctx.db.select().from(conversations).where(eq(conversations.ownerId, ownerId)).orderBy(conversations.id);
      const said = owned.length
        ? await ctx.db
            .select({
              conversationId: messages.conversationId,
              direction: messages.direction,
              subject: messages.subject,
              content: messages.content,
              status: messages.status,
              createdAt: messages.createdAt,
            })
            .from(messages)
            .where(
              inArray(
                messages.conversationId,
                owned.map((c) => c.id),
              ),
            )
            .orderBy(messages.id)
        : [];
      const preferences = await ctx.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, ownerId));
      return { conversations: owned, messages: said, notificationPreferences: preferences };
    },
    async anonymiseOwner(tx, ownerId) {
      const owned = tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.ownerId, ownerId));
      await tx.update(messages).set({ subject: '', content: '', attachments: [] }).where(inArray(messages.conversationId, owned));
      await tx
        .update(conversations)
        .set({ contact: sql`'anonimizado-' || ${conversations.id}`, subject: '' })
        .where(eq(conversations.ownerId, ownerId));
      await tx.update(reminders).set({ message: '', templateVars: {}, response: '' }).where(eq(reminders.userId, ownerId));
      await tx.update(notificationPreferences).set({ marketingEnabled: false }).where(eq(notificationPreferences.userId, ownerId));
    },
  };
}
