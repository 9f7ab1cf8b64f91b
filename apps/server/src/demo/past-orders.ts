import { type Actor, actorFromUser, addLocalDays, clinicInstant, type LocalDate, type Platform, runAsOf } from '@petfriendly/core';
import { products } from '@petfriendly/store/tables';
import { and, eq } from 'drizzle-orm';
import type { Rng } from './random';
import { addMonths, openDay } from './random';
import { costOf } from './store';

/**
 * The shop's past `months`: a few orders a month (one for every forty owners, at most) from owners, through the cart and the checkout, paid at
 * the clinic by cash or card, handed over. Each month's units arrive through the inventory service on
 * the month's first day, so every sale comes out of a batch the books saw received at its cost (the
 * month's batches sell out; the shelves' current stock arrives after them).
 */
export async function seedPastOrders(
  platform: Platform,
  rng: Rng,
  today: LocalDate,
  months: number,
  owners: { id: string; name: string }[],
  staff: { desk: Actor; receiver: Actor },
): Promise<number> {
  const store = platform.services.store;
  const billing = platform.services.billing;
  const tz = platform.ctx.clinic.TIME_ZONE;
  const shelf = await platform.ctx.db
    .select()
    .from(products)
    .where(and(eq(products.requiresPrescription, false), eq(products.isControlled, false)));
  let placed = 0;
  for (let m = months; m >= 1; m--) {
    const first = `${addMonths(today, -m).slice(0, 8)}01`;
    const orders = Array.from({ length: rng.int(0, Math.ceil(owners.length / 40)) }, () => ({
      owner: rng.pick(owners),
      day: openDay(addLocalDays(first, rng.int(0, 26))),
      lines: Array.from({ length: rng.int(1, 2) }, () => ({ product: rng.pick(shelf), quantity: rng.int(1, 2) })),
    })).sort((a, b) => a.day.localeCompare(b.day));
    const needed = new Map<number, number>();
    for (const o of orders) for (const l of o.lines) needed.set(l.product.id, (needed.get(l.product.id) ?? 0) + l.quantity);
    await runAsOf(clinicInstant(first, '09:00', tz), async () => {
      for (const [productId, quantity] of needed) {
        const product = shelf.find((p) => p.id === productId)!;
        await store.inventory.receiveStock(staff.receiver, {
          productId,
          quantity,
          batchNumber: `L${rng.int(10000, 99999)}`,
          costPerUnit: costOf(product.price),
          supplier: 'Distribuidora de Alimentos para Mascotas del Centro',
        });
      }
    });
    for (const order of orders) {
      if (order.day >= today) continue;
      const owner = actorFromUser({ id: order.owner.id, role: 'owner', preferredLanguage: 'es', name: order.owner.name });
      const cart = { ownerId: order.owner.id };
      const at = clinicInstant(order.day, `${rng.int(9, 19)}:${rng.pick(['05', '20', '35', '50'])}`, tz);
      const placedOrder = await runAsOf(at, async () => {
        for (const line of order.lines) await store.carts.addItem(owner, cart, { productId: line.product.id, quantity: line.quantity });
        return store.checkout.completeCheckout(owner, cart, { paymentMethod: 'pay_at_clinic' });
      });
      placed++;
      if (!billing || !placedOrder.invoiceId) continue;
      const pickedUp = new Date(at.getTime() + rng.int(1, 26) * 3_600_000);
      await runAsOf(pickedUp, async () => {
        await billing.payments.recordPayment(
          staff.desk,
          placedOrder.invoiceId!,
          rng.chance(0.5)
            ? { amount: placedOrder.total, method: 'cash' }
            : { amount: placedOrder.total, method: 'manual_card', cardType: rng.chance(0.6) ? 'debit' : 'credit', referenceNumber: `TPV ${rng.digits(6)}` },
        );
        await store.orders.updateOrderStatus(staff.desk, placedOrder.id, { status: 'shipped' });
        await store.orders.updateOrderStatus(staff.desk, placedOrder.id, { status: 'delivered' });
      });
    }
  }
  return placed;
}
