import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { marketingConsentChanged } from './crm.events';
import { ownerNotes, ownerProfiles } from './crm.tables';

/** The CRM's copy of the owner and their marketing consent; a cancellation replaces the copy, withdraws consent and drops staff notes. */
export function createCrmPrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      const consent = await ctx.db
        .select({ marketingConsent: ownerProfiles.marketingConsent, at: ownerProfiles.marketingConsentAt, source: ownerProfiles.marketingConsentSource })
        .from(ownerProfiles)
        .where(eq(ownerProfiles.ownerId, ownerId));
      return { marketingConsent: consent };
    },
    async anonymiseOwner(tx, ownerId, replacement) {
      const at = ctx.clock.now();
      const source = 'arco_cancellation';
      const changed = await tx
        .update(ownerProfiles)
        .set({
          ...replacement,
          phone: '',
          alternatePhone: '',
          address: '',
          postalCode: null,
          notes: '',
          tags: [],
          marketingConsent: false,
          marketingConsentAt: at,
          marketingConsentSource: source,
          updatedAt: at,
        })
        .where(eq(ownerProfiles.ownerId, ownerId))
        .returning({ ownerId: ownerProfiles.ownerId });
      await tx.delete(ownerNotes).where(eq(ownerNotes.ownerId, ownerId));
      if (changed.length) await ctx.events.emit(tx, marketingConsentChanged, { ownerId, granted: false, source, at: at.toISOString() });
    },
  };
}
