import { ConflictError, type Tx } from '@petfriendly/core';
import { and, eq } from 'drizzle-orm';
import { type BookEntryType, controlledBalances, controlledEntries } from '../controlled.tables';
import { type MovementReason, products, stockBatches } from '../store.tables';

/** What the stock flow cannot know about a use of a controlled product: the patient, the dose, the witness. */
export interface BookDetail {
  type?: BookEntryType;
  petId?: number | null;
  ownerId?: string | null;
  visitId?: number | null;
  prescriptionId?: number | null;
  dose?: string | null;
  doseUnit?: string | null;
  route?: (typeof controlledEntries.$inferInsert)['route'];
  licenseNumber?: string | null;
  witnessId?: string | null;
  reason?: string;
}

const TYPE_OF: Record<MovementReason, BookEntryType> = {
  received: 'receipt',
  sale: 'dispensing',
  returned: 'return',
  order_cancelled: 'return',
  damaged: 'waste',
  expired: 'waste',
  adjustment: 'adjustment',
  count: 'adjustment',
};

/**
 * Locks the book's balance row of a batch, opening it the first time the book meets the batch with
 * the units it held before (`before`): stock that predates the book enters it as an `opening` line.
 */
export async function lockBalance(tx: Tx, productId: number, batchId: number, before: () => Promise<number>, at: Date) {
  const [existing] = await lockedRow(tx, productId, batchId);
  if (existing) return existing;
  const opening = await before();
  const [created] = await tx.insert(controlledBalances).values({ productId, batchId, balance: 0 }).onConflictDoNothing().returning();
  if (!created) return (await lockedRow(tx, productId, batchId))[0]!;
  if (opening <= 0) return created;
  const [entry] = await tx
    .insert(controlledEntries)
    .values({ productId, batchId, type: 'opening', quantity: opening, balance: opening, createdAt: at })
    .returning({ id: controlledEntries.id });
  const [row] = await tx
    .update(controlledBalances)
    .set({ balance: opening, lastEntryId: entry!.id })
    .where(and(eq(controlledBalances.productId, productId), eq(controlledBalances.batchId, batchId)))
    .returning();
  return row!;
}

function lockedRow(tx: Tx, productId: number, batchId: number) {
  return tx
    .select()
    .from(controlledBalances)
    .where(and(eq(controlledBalances.productId, productId), eq(controlledBalances.batchId, batchId)))
    .for('update');
}

/**
 * Writes one line of the book with its running balance, under the batch's balance-row lock: two
 * entries for the same batch wait for each other, so every line's balance is the one before it plus its units.
 */
export async function postEntry(
  tx: Tx,
  e: {
    productId: number;
    batchId: number;
    quantity: number;
    type: BookEntryType;
    by: string | null;
    at: Date;
    movementId?: number;
    reference?: string;
    detail?: BookDetail;
  },
) {
  const batchUnitsBefore = async () => {
    const [b] = await tx.select({ quantity: stockBatches.quantity }).from(stockBatches).where(eq(stockBatches.id, e.batchId));
    return (b?.quantity ?? 0) - e.quantity;
  };
  const current = await lockBalance(tx, e.productId, e.batchId, batchUnitsBefore, e.at);
  const balance = current.balance + e.quantity;
  if (balance < 0) {
    throw new ConflictError('store.book_below_zero', `The book holds only ${current.balance} of this batch.`, { available: current.balance });
  }
  const { type: _type, ...detail } = e.detail ?? {};
  const [entry] = await tx
    .insert(controlledEntries)
    .values({
      ...detail,
      productId: e.productId,
      batchId: e.batchId,
      type: e.type,
      quantity: e.quantity,
      balance,
      movementId: e.movementId ?? null,
      by: e.by,
      reference: e.reference ?? '',
      reason: detail.reason ?? '',
      createdAt: e.at,
    })
    .returning();
  await tx
    .update(controlledBalances)
    .set({ balance, lastEntryId: entry!.id })
    .where(and(eq(controlledBalances.productId, e.productId), eq(controlledBalances.batchId, e.batchId)));
  return entry!;
}

/** The stock flow's hook: a movement of a controlled product's batch becomes a line of its book, in the same transaction. */
export async function bookMovement(
  tx: Tx,
  m: {
    productId: number;
    batchId: number;
    quantityChange: number;
    movementId: number;
    reason: MovementReason;
    by: string | null;
    at: Date;
    reference: string;
    book?: BookDetail;
  },
) {
  const [product] = await tx.select({ isControlled: products.isControlled }).from(products).where(eq(products.id, m.productId));
  if (!product?.isControlled) return null;
  return postEntry(tx, {
    productId: m.productId,
    batchId: m.batchId,
    quantity: m.quantityChange,
    type: m.book?.type ?? TYPE_OF[m.reason],
    by: m.by,
    at: m.at,
    movementId: m.movementId,
    reference: m.reference,
    detail: m.book,
  });
}
