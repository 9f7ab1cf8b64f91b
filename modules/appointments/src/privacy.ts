import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { appointments } from './appointments.tables';

/** The owner's appointments; a cancellation removes what they wrote in them. */
export function createAppointmentsPrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      return { appointments: await ctx.db.select().from(appointments).where(eq(appointments.ownerId, ownerId)).orderBy(appointments.id) };
    },
    async anonymiseOwner(tx, ownerId) {
      await tx.update(appointments).set({ notes: '' }).where(eq(appointments.ownerId, ownerId));
    },
  };
}
