import { ConflictError, type EventBus, money, NotFoundError, type Tx } from '@petfriendly/core';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { type BookDetail, bookMovement } from './controlled/post';
import { stockMoved } from './store.events';
import { type MovementReason, products, stockBatches, stockLevels, stockMovements } from './store.tables';

/** What a dose given in a visit took from stock is filed under (the controlled book's administrations). */
export const visitReference = (visitId: number) => `visit:${visitId}`;

export interface StockChange {
  /** When it happened (the app's clock). */
  at: Date;
  reason: MovementReason;
  reference?: string;
  notes?: string;
  by: string | null;
  /** For a controlled product: what its book records beyond the units (patient, dose, witness). */
  book?: BookDetail;
}

export interface Allocation {
  batchId: number;
  quantity: number;
}

/**
 * Writes one batch's movement, its line in a controlled product's book, and raises `stock_moved` with
 * the batch's unit cost, in the same transaction: every change of stock but a receipt (which raises
 * `stock_received`) goes through here.
 */
export async function recordMovement(
  tx: Tx,
  bus: EventBus,
  m: { productId: number; batchId: number; quantityChange: number; quantityAfter: number; change: StockChange },
) {
  const { change } = m;
  const [movement] = await tx
    .insert(stockMovements)
    .values({
      productId: m.productId,
      batchId: m.batchId,
      quantityChange: m.quantityChange,
      quantityAfter: m.quantityAfter,
      reason: change.reason,
      reference: change.reference ?? '',
      notes: change.notes ?? '',
      createdBy: change.by,
      createdAt: change.at,
    })
    .returning();
  await bookMovement(tx, {
    productId: m.productId,
    batchId: m.batchId,
    quantityChange: m.quantityChange,
    movementId: movement!.id,
    reason: change.reason,
    by: change.by,
    at: change.at,
    reference: change.reference ?? '',
    book: change.book,
  });
  const [batch] = await tx.select({ unitCost: stockBatches.costPerUnit }).from(stockBatches).where(eq(stockBatches.id, m.batchId));
  const unitCost = money(batch!.unitCost);
  await bus.emit(tx, stockMoved, {
    movementId: movement!.id,
    productId: m.productId,
    batchId: m.batchId,
    quantity: m.quantityChange,
    quantityAfter: m.quantityAfter,
    reason: change.reason,
    unitCost: unitCost.toFixed(2),
    costAmount: unitCost.times(m.quantityChange).toFixed(2),
    currency: 'MXN',
    reference: change.reference || `adjustment:${movement!.id}`,
    at: change.at.toISOString(),
  });
  return movement!;
}

/**
 * Locks the stock rows of these products in id order (so two checkouts never deadlock) and returns
 * them. Every change to stock goes through here first, which is what keeps the level equal to the sum
 * of its batches under concurrency; the CHECK constraints are the last line.
 */
export async function lockStock(tx: Tx, productIds: number[]) {
  const ids = [...new Set(productIds)].sort((a, b) => a - b);
  if (ids.length === 0) return new Map<number, typeof stockLevels.$inferSelect>();
  const rows = await tx.select().from(stockLevels).where(inArray(stockLevels.productId, ids)).orderBy(asc(stockLevels.productId)).for('update');
  return new Map(rows.map((r) => [r.productId, r]));
}

/**
 * Takes units out, first-expiry-first-out, never from an expired batch. Too few sellable units is a
 * 409 naming the product and how many are left; nothing is taken then.
 */
export async function takeStock(
  tx: Tx,
  bus: EventBus,
  productId: number,
  quantity: number,
  today: string,
  change: StockChange,
  options: { includeExpired?: boolean; batchId?: number } = {},
): Promise<Allocation[]> {
  const level = (await lockStock(tx, [productId])).get(productId);
  if (!level) throw new NotFoundError('store.product_not_found', `Product ${productId} has no stock record.`);
  const batches = await tx
    .select()
    .from(stockBatches)
    .where(
      and(
        eq(stockBatches.productId, productId),
        gt(stockBatches.quantity, 0),
        options.batchId ? eq(stockBatches.id, options.batchId) : undefined,
        options.includeExpired ? undefined : sql`(${stockBatches.expiryDate} is null or ${stockBatches.expiryDate} >= ${today})`,
      ),
    )
    .orderBy(sql`${stockBatches.expiryDate} asc nulls last`, asc(stockBatches.receivedDate), asc(stockBatches.id));
  const available = batches.reduce((n, b) => n + b.quantity, 0);
  if (available < quantity) {
    const [product] = await tx.select({ name: products.name }).from(products).where(eq(products.id, productId));
    throw new ConflictError('store.out_of_stock', `Only ${available} of ${product?.name ?? productId} left.`, {
      productId,
      name: product?.name,
      available,
      requested: quantity,
    });
  }
  const allocations: Allocation[] = [];
  let left = quantity;
  let after = level.quantity;
  for (const batch of batches) {
    if (left === 0) break;
    const take = Math.min(left, batch.quantity);
    left -= take;
    after -= take;
    allocations.push({ batchId: batch.id, quantity: take });
    await tx
      .update(stockBatches)
      .set({ quantity: sql`${stockBatches.quantity} - ${take}` })
      .where(eq(stockBatches.id, batch.id));
    await recordMovement(tx, bus, { productId, batchId: batch.id, quantityChange: -take, quantityAfter: after, change });
  }
  await tx.update(stockLevels).set({ quantity: after }).where(eq(stockLevels.productId, productId));
  return allocations;
}

/** Puts units back into the batches they came from (a cancelled order), or into one batch. */
export async function returnStock(tx: Tx, bus: EventBus, productId: number, allocations: Allocation[], change: StockChange): Promise<void> {
  const level = (await lockStock(tx, [productId])).get(productId);
  if (!level) throw new NotFoundError('store.product_not_found', `Product ${productId} has no stock record.`);
  let after = level.quantity;
  for (const a of allocations) {
    after += a.quantity;
    await tx
      .update(stockBatches)
      .set({ quantity: sql`${stockBatches.quantity} + ${a.quantity}` })
      .where(eq(stockBatches.id, a.batchId));
    await recordMovement(tx, bus, { productId, batchId: a.batchId, quantityChange: a.quantity, quantityAfter: after, change });
  }
  await tx.update(stockLevels).set({ quantity: after }).where(eq(stockLevels.productId, productId));
}

/** The batches an earlier sale took from, read back from its movements, to undo it exactly. */
export async function allocationsOf(tx: Tx, reference: string): Promise<Map<number, Allocation[]>> {
  const rows = await tx
    .select({ productId: stockMovements.productId, batchId: stockMovements.batchId, change: stockMovements.quantityChange })
    .from(stockMovements)
    .where(and(eq(stockMovements.reference, reference), eq(stockMovements.reason, 'sale')));
  const out = new Map<number, Allocation[]>();
  for (const r of rows) {
    if (!r.batchId) continue;
    out.set(r.productId, [...(out.get(r.productId) ?? []), { batchId: r.batchId, quantity: -r.change }]);
  }
  return out;
}

/**
 * The batches to put `quantity` units of a product back into, for a sale under `reference` that is
 * being undone in part (an invoice line removed): what the sale took and was not yet returned, newest first.
 */
export async function allocationsFor(tx: Tx, reference: string, productId: number, quantity: number): Promise<Allocation[]> {
  const rows = await tx
    .select({ batchId: stockMovements.batchId, net: sql<number>`-sum(${stockMovements.quantityChange})`.mapWith(Number) })
    .from(stockMovements)
    .where(and(eq(stockMovements.reference, reference), eq(stockMovements.productId, productId), inArray(stockMovements.reason, ['sale', 'returned'])))
    .groupBy(stockMovements.batchId)
    .orderBy(sql`max(${stockMovements.id}) desc`);
  const out: Allocation[] = [];
  let left = quantity;
  for (const r of rows) {
    if (left === 0 || !r.batchId || r.net <= 0) continue;
    const give = Math.min(left, r.net);
    out.push({ batchId: r.batchId, quantity: give });
    left -= give;
  }
  return out;
}
