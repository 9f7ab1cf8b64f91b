import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { fiscalProfiles, invoices } from './billing.tables';

/**
 * The owner's invoices and fiscal data. Tax law (CFF art. 30) keeps invoices, their CFDI and the
 * receptor's fiscal data for five years, so a cancellation leaves them; only the contact email goes.
 */
export function createBillingPrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      const [owned, fiscal] = await Promise.all([
        ctx.db
          .select({
            invoiceNumber: invoices.invoiceNumber,
            status: invoices.status,
            subtotal: invoices.subtotal,
            discountAmount: invoices.discountAmount,
            taxAmount: invoices.taxAmount,
            total: invoices.total,
            amountPaid: invoices.amountPaid,
            issuedAt: invoices.issuedAt,
            paidAt: invoices.paidAt,
            cfdiUuid: invoices.cfdiUuid,
          })
          .from(invoices)
          .where(eq(invoices.ownerId, ownerId))
          .orderBy(invoices.id),
        ctx.db.select().from(fiscalProfiles).where(eq(fiscalProfiles.ownerId, ownerId)),
      ]);
      return { invoices: owned, fiscalProfile: fiscal };
    },
    async anonymiseOwner(tx, ownerId) {
      await tx.update(fiscalProfiles).set({ email: null, updatedAt: ctx.clock.now() }).where(eq(fiscalProfiles.ownerId, ownerId));
    },
  };
}
