import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq, inArray } from 'drizzle-orm';
import { controlledEntries } from './controlled.tables';
import { orderItems, orders } from './store.tables';

/**
 * The owner's orders and what was in them, and the controlled-drug book's lines about their pets (doses
 * given and dispensed to them); a cancellation removes the shipping address and their notes. The book
 * stays as it is: it is the record the health authority inspects, and it holds ids, not names.
 */
export function createStorePrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      const owned = await ctx.db.select().from(orders).where(eq(orders.ownerId, ownerId)).orderBy(orders.id);
      const items = owned.length
        ? await ctx.db
            .select()
            .from(orderItems)
            .where(
              inArray(
                orderItems.orderId,
                owned.map((o) => o.id),
              ),
            )
        : [];
      const book = await ctx.db.select().from(controlledEntries).where(eq(controlledEntries.ownerId, ownerId)).orderBy(controlledEntries.id);
      return { orders: owned, orderItems: items, controlledDrugBook: book };
    },
    async anonymiseOwner(tx, ownerId) {
      await tx.update(orders).set({ shippingAddress: null, notes: '' }).where(eq(orders.ownerId, ownerId));
    },
  };
}
