import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { consents, revocations } from './consent.tables';

/**
 * The consents an owner was asked for and signed. A signed consent is the clinic's proof of what the owner
 * agreed to before a procedure, kept with the medical record; a trigger keeps it unchanged, so a
 * cancellation leaves it (the LFPDPPP lets data needed for a legal obligation stay), and only pending
 * requests, never signed, go.
 */
export function createConsentPrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      const owned = await ctx.db
        .select({
          id: consents.id,
          kind: consents.kind,
          procedure: consents.procedure,
          status: consents.status,
          estimateTotal: consents.estimateTotal,
          signedAt: consents.signedAt,
          signedVia: consents.signedVia,
          signerName: consents.signerName,
          signerIp: consents.signerIp,
          createdAt: consents.createdAt,
        })
        .from(consents)
        .where(eq(consents.ownerId, ownerId))
        .orderBy(asc(consents.id));
      const withdrawn = owned.length
        ? await ctx.db
            .select()
            .from(revocations)
            .where(
              inArray(
                revocations.consentId,
                owned.map((c) => c.id),
              ),
            )
        : [];
      return { consentForms: owned, consentFormRevocations: withdrawn };
    },
    async anonymiseOwner(tx, ownerId) {
      await tx.delete(consents).where(and(eq(consents.ownerId, ownerId), eq(consents.status, 'pending')));
    },
  };
}
