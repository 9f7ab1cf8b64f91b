import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq, inArray } from 'drizzle-orm';
import { orderItems, orders } from './store.tables';

/** The owner's orders and what was in them; a cancellation removes the shipping address and their notes. */
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
      return { orders: owned, orderItems: items };
    },
    async anonymiseOwner(tx, ownerId) {
      await tx.update(orders).set({ shippingAddress: null, notes: '' }).where(eq(orders.ownerId, ownerId));
    },
  };
}
