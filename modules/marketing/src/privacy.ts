import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { campaignRecipients, consentLog, enrolments, suppressions } from './marketing.tables';

/** The consents the owner gave or withdrew; a cancellation withdraws marketing consent and forgets where campaigns were sent. */
export function createMarketingPrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      const [consents, campaigns] = await Promise.all([
        ctx.db.select().from(consentLog).where(eq(consentLog.ownerId, ownerId)).orderBy(consentLog.at),
        ctx.db.select().from(campaignRecipients).where(eq(campaignRecipients.ownerId, ownerId)).orderBy(campaignRecipients.id),
      ]);
      return { consents, campaignsReceived: campaigns };
    },
    async anonymiseOwner(tx, ownerId, replacement) {
      await tx.insert(consentLog).values({ ownerId, granted: false, source: 'arco_cancellation', at: ctx.clock.now() });
      await tx.update(campaignRecipients).set({ address: replacement.email }).where(eq(campaignRecipients.ownerId, ownerId));
      await tx.delete(suppressions).where(eq(suppressions.ownerId, ownerId));
      await tx.update(enrolments).set({ state: 'stopped' }).where(eq(enrolments.ownerId, ownerId));
    },
  };
}
