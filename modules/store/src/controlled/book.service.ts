import type { AccountsPort } from '@petfriendly/accounts';
import {
  type Actor,
  ConflictError,
  localDate,
  type ModuleContext,
  NotFoundError,
  PermissionDeniedError,
  parseInput,
  requireStaff,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import type { PetsPort } from '@petfriendly/vet-clinic';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { controlledBalances, controlledCounts, controlledEntries } from '../controlled.tables';
import { lockStock, recordMovement, type StockChange, takeStock, visitReference } from '../stock';
import type { StoreSettings } from '../store.settings';
import { products, stockBatches, stockLevels } from '../store.tables';
import { administerSchema, bookQuerySchema, countSchema, wasteSchema } from './book.schemas';
import { lockBalance } from './post';
import { readBook } from './read';

export const BOOK_ROLES = ['veterinarian', 'manager', 'admin'] as const;

/**
 * The controlled-drug book's own entries (administration, waste, counts): each moves the batch's stock
 * through the store's stock flow, which writes the book's line in the same transaction.
 */
export function createBookService(ctx: ModuleContext, vet: PetsPort, accounts: AccountsPort, settings: Pick<StoreSettings, 'CONTROLLED_RESPONSIBLE_VET'>) {
  const { db, clock, events } = ctx;
  const today = () => localDate(clock.now(), ctx.clinic.TIME_ZONE);
  const read = readBook(ctx, vet, accounts);

  async function controlledBatch(tx: Tx, productId: number, batchId: number) {
    const [row] = await tx
      .select({ product: products, batch: stockBatches })
      .from(stockBatches)
      .innerJoin(products, eq(products.id, stockBatches.productId))
      .where(and(eq(stockBatches.id, batchId), eq(stockBatches.productId, productId)));
    if (!row) throw new NotFoundError('store.batch_not_found', `Batch ${batchId} of product ${productId} not found.`);
    if (!row.product.isControlled) {
      throw ValidationError.forField('store.book_not_controlled', 'productId', `${row.product.name} is not a controlled product.`, {
        product: row.product.name,
      });
    }
    return row;
  }

  async function takeFromBatch(tx: Tx, productId: number, batchId: number, quantity: number, change: StockChange) {
    await controlledBatch(tx, productId, batchId);
    await takeStock(tx, events, productId, quantity, today(), change, { batchId, includeExpired: change.reason !== 'sale' }).catch((e) => {
      throw e.code === 'store.out_of_stock'
        ? ValidationError.forField('store.book_not_enough', 'quantity', `Only ${e.details.available} left in this batch.`, { available: e.details.available })
        : e;
    });
  }

  /** A dose given to a patient by a vet with a cédula profesional: units out of the batch, booked with dose and route. */
  async function administer(actor: Actor, input: unknown) {
    const staff = requireStaff(actor, ['veterinarian']);
    const data = parseInput(administerSchema, input);
    const vetCredentials = await accounts.directory.staffCredentials(staff.userId);
    if (!vetCredentials?.licenseNumber) {
      throw new ValidationError('store.book_license_required', 'Add your cédula profesional to your staff profile before recording controlled drugs.');
    }
    const pet = await vet.pets.getPet(data.petId, staff);
    return db.transaction(async (tx) => {
      await takeFromBatch(tx, data.productId, data.batchId, data.quantity, {
        at: clock.now(),
        reason: 'sale',
        reference: data.visitId ? visitReference(data.visitId) : `pet:${pet.id}`,
        notes: data.notes,
        by: staff.userId,
        book: {
          type: 'administration',
          petId: pet.id,
          ownerId: pet.ownerId,
          visitId: data.visitId ?? null,
          dose: data.dose,
          doseUnit: data.doseUnit,
          route: data.route,
          licenseNumber: vetCredentials.licenseNumber,
          reason: data.notes,
        },
      });
      return lastEntry(tx, data.productId, data.batchId);
    });
  }

  /** Units destroyed or spilled, before a witness: another member of staff. */
  async function waste(actor: Actor, input: unknown) {
    const staff = requireStaff(actor, BOOK_ROLES);
    const data = parseInput(wasteSchema, input);
    if (data.witnessId === staff.userId || !(await accounts.directory.staffCredentials(data.witnessId))) {
      throw ValidationError.forField('store.book_witness_required', 'witnessId', 'The witness must be another member of staff.');
    }
    return db.transaction(async (tx) => {
      const { batch } = await controlledBatch(tx, data.productId, data.batchId);
      await takeFromBatch(tx, data.productId, data.batchId, data.quantity, {
        at: clock.now(),
        reason: batch.expiryDate && batch.expiryDate < today() ? 'expired' : 'damaged',
        notes: data.reason,
        by: staff.userId,
        book: { type: 'waste', witnessId: data.witnessId, reason: data.reason },
      });
      return lastEntry(tx, data.productId, data.batchId);
    });
  }

  /** A physical count: matched, or a difference with its reason waiting for a second person. */
  async function count(actor: Actor, input: unknown) {
    const staff = requireStaff(actor, BOOK_ROLES);
    const data = parseInput(countSchema, input);
    return db.transaction(async (tx) => {
      await lockStock(tx, [data.productId]);
      const { batch } = await controlledBatch(tx, data.productId, data.batchId);
      const { balance } = await lockBalance(tx, data.productId, data.batchId, async () => batch.quantity, clock.now());
      if (data.counted !== balance && !data.reason) {
        throw ValidationError.forField('store.book_count_reason_required', 'reason', `The count differs from the book by ${data.counted - balance}: say why.`, {
          difference: data.counted - balance,
        });
      }
      const [row] = await tx
        .insert(controlledCounts)
        .values({
          productId: data.productId,
          batchId: data.batchId,
          counted: data.counted,
          expected: balance,
          reason: data.reason,
          status: data.counted === balance ? 'matched' : 'pending',
          countedBy: staff.userId,
          createdAt: clock.now(),
        })
        .returning();
      return withDifference(row!);
    });
  }

  /** A second person approves a count's difference: the batch's stock and book are adjusted to the count. */
  async function approveCount(actor: Actor, countId: number) {
    const staff = requireStaff(actor, ['manager', 'admin', 'veterinarian']);
    return db.transaction(async (tx) => {
      const [c] = await tx.select().from(controlledCounts).where(eq(controlledCounts.id, countId)).for('update');
      if (!c) throw new NotFoundError('store.count_not_found', `Count ${countId} not found.`);
      if (c.status !== 'pending') throw new ConflictError('store.count_not_pending', 'This count has nothing waiting for approval.');
      if (c.countedBy === staff.userId) throw new PermissionDeniedError('store.count_second_person', 'Another person must approve the count you entered.');
      await lockStock(tx, [c.productId]);
      const { balance } = await lockBalance(tx, c.productId, c.batchId, async () => 0, clock.now());
      if (balance !== c.expected) {
        throw new ConflictError('store.count_stale', 'The book changed since this count: count again.', { expected: c.expected, balance });
      }
      const difference = c.counted - c.expected;
      const change: StockChange = {
        at: clock.now(),
        reason: 'count',
        reference: `count:${c.id}`,
        notes: c.reason,
        by: c.countedBy,
        book: { type: 'adjustment', witnessId: staff.userId, reason: c.reason },
      };
      if (difference < 0) await takeFromBatch(tx, c.productId, c.batchId, -difference, change);
      else await addToBatch(tx, c.productId, c.batchId, difference, change);
      const entry = await lastEntry(tx, c.productId, c.batchId);
      const [row] = await tx
        .update(controlledCounts)
        .set({ status: 'approved', approvedBy: staff.userId, approvedAt: clock.now(), entryId: entry.id })
        .where(eq(controlledCounts.id, c.id))
        .returning();
      return withDifference(row!);
    });
  }

  async function addToBatch(tx: Tx, productId: number, batchId: number, quantity: number, change: StockChange) {
    const level = (await lockStock(tx, [productId])).get(productId)!;
    await tx
      .update(stockBatches)
      .set({ quantity: sql`${stockBatches.quantity} + ${quantity}` })
      .where(eq(stockBatches.id, batchId));
    await tx
      .update(stockLevels)
      .set({ quantity: level.quantity + quantity, lastCountDate: today() })
      .where(eq(stockLevels.productId, productId));
    await recordMovement(tx, events, { productId, batchId, quantityChange: quantity, quantityAfter: level.quantity + quantity, change });
  }

  async function lastEntry(tx: Tx, productId: number, batchId: number) {
    const [row] = await tx
      .select({ entryId: controlledBalances.lastEntryId })
      .from(controlledBalances)
      .where(and(eq(controlledBalances.productId, productId), eq(controlledBalances.batchId, batchId)));
    const [entry] = await tx.select().from(controlledEntries).where(eq(controlledEntries.id, row!.entryId!));
    return entry!;
  }

  async function pendingCounts(actor: Actor) {
    requireStaff(actor, BOOK_ROLES);
    const rows = await db.select().from(controlledCounts).where(eq(controlledCounts.status, 'pending')).orderBy(asc(controlledCounts.id));
    return rows.map(withDifference);
  }

  /** The book's lines for a product, batch and period (local dates, inclusive), oldest first, with names. */
  async function entries(actor: Actor, query: unknown = {}) {
    requireStaff(actor, BOOK_ROLES);
    const q = parseInput(bookQuerySchema, query);
    const zone = ctx.clinic.TIME_ZONE;
    const rows = await db
      .select()
      .from(controlledEntries)
      .where(
        and(
          q.productId ? eq(controlledEntries.productId, q.productId) : undefined,
          q.batchId ? eq(controlledEntries.batchId, q.batchId) : undefined,
          q.from ? gte(controlledEntries.createdAt, sql`(${q.from}::date)::timestamp at time zone ${zone}`) : undefined,
          q.to ? lt(controlledEntries.createdAt, sql`(${q.to}::date + 1)::timestamp at time zone ${zone}`) : undefined,
        ),
      )
      .orderBy(asc(controlledEntries.id))
      .limit(5000);
    return read.describe(rows);
  }

  /** What a printed book holds: its header (clinic, responsible vet, product) and the period's lines. */
  async function printable(actor: Actor, query: unknown = {}) {
    const q = parseInput(bookQuerySchema, query);
    const [header, lines] = await Promise.all([read.header(actor, q.productId, settings.CONTROLLED_RESPONSIBLE_VET), entries(actor, q)]);
    return { header, entries: lines, from: q.from, to: q.to };
  }

  return {
    administer,
    waste,
    count,
    approveCount,
    pendingCounts,
    entries,
    printable,
    timeZone: ctx.clinic.TIME_ZONE,
    balances: read.balances,
    products: read.products,
    colleagues: read.colleagues,
  };
}

function withDifference(c: typeof controlledCounts.$inferSelect) {
  return {
    id: c.id,
    productId: c.productId,
    batchId: c.batchId,
    counted: c.counted,
    expected: c.expected,
    difference: c.counted - c.expected,
    status: c.status,
    reason: c.reason,
    countedBy: c.countedBy,
  };
}

export type BookService = ReturnType<typeof createBookService>;
