import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { ownerUpdated } from './accounts.events';
import { apiTokens, authAccounts, ownerProfiles, sessions, users } from './accounts.tables';
import { emitOwnerEvent } from './owner-events';

/** The owner's profile; on cancellation their name, email, phone and address are replaced and every way in is closed. */
export function createAccountsPrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      const profile = await ctx.db
        .select({
          name: users.name,
          email: users.email,
          preferredLanguage: users.preferredLanguage,
          registeredAt: users.createdAt,
          phone: ownerProfiles.phone,
          alternatePhone: ownerProfiles.alternatePhone,
          address: ownerProfiles.address,
          preferredChannel: ownerProfiles.preferredChannel,
        })
        .from(users)
        .leftJoin(ownerProfiles, eq(ownerProfiles.userId, users.id))
        .where(eq(users.id, ownerId));
      return { profile };
    },
    async anonymiseOwner(tx, ownerId, replacement) {
      const now = ctx.clock.now();
      await tx
        .update(users)
        .set({ name: replacement.name, email: replacement.email, image: null, emailVerified: false, isActive: false, updatedAt: now })
        .where(eq(users.id, ownerId));
      await tx.update(ownerProfiles).set({ phone: '', alternatePhone: '', address: '', notes: '', updatedAt: now }).where(eq(ownerProfiles.userId, ownerId));
      await tx.delete(sessions).where(eq(sessions.userId, ownerId));
      await tx.delete(authAccounts).where(eq(authAccounts.userId, ownerId));
      await tx.delete(apiTokens).where(eq(apiTokens.userId, ownerId));
      // Modules keeping a copy of the owner (the CRM) update it from the event, as for any change.
      await emitOwnerEvent(ctx.events, tx, ownerUpdated, ownerId);
    },
  };
}
