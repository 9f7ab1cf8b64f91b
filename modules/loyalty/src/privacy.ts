import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { memberships, pointsTransactions } from './loyalty.tables';

/** The owner's points: balance, tier and every movement. Points name no one, so a cancellation leaves them. */
export function createLoyaltyPrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      const member = await ctx.db.select().from(memberships).where(eq(memberships.ownerId, ownerId));
      const movements = member[0]
        ? await ctx.db.select().from(pointsTransactions).where(eq(pointsTransactions.membershipId, member[0].id)).orderBy(pointsTransactions.id)
        : [];
      return { loyalty: member, pointsTransactions: movements };
    },
    async anonymiseOwner() {},
  };
}
