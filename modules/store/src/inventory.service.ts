import {
  type Actor,
  addLocalDays,
  type DbOrTx,
  daysBetween,
  localDate,
  type ModuleContext,
  money,
  NotFoundError,
  pageOf,
  parseInput,
  requireStaff,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import { and, asc, desc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { bookMovement } from './controlled/post';
import { currentPrescription } from './prescriptions';
import type { ProductService } from './product.service';
import { allocationsFor, lockStock, recordMovement, returnStock, type StockChange, takeStock, visitReference } from './stock';
import { expiryAlert, lowStockAlert, stockReceived } from './store.events';
import { adjustSchema, receiveSchema } from './store.schemas';
import type { StoreSettings } from './store.settings';
import { categories, products, stockBatches, stockLevels, stockMovements } from './store.tables';

/** InventoryService (staff only): levels, receipts with batch and expiry, adjustments, alerts. */
export function createInventoryService(ctx: ModuleContext, productService: ProductService, vet: PetsPort & RecordsPort, settings: StoreSettings) {
  const { db, clock, events } = ctx;
  const today = () => localDate(clock.now(), ctx.clinic.TIME_ZONE);
  const reorderPoint = sql<number>`coalesce(${stockLevels.reorderPoint}, ${settings.LOW_STOCK_THRESHOLD})`.mapWith(Number);

  /** `check_stock`: the level and its batches, soonest expiry first. */
  async function checkStock(actor: Actor, productId: number) {
    requireStaff(actor);
    const [level] = await db.select().from(stockLevels).where(eq(stockLevels.productId, productId));
    if (!level) throw new NotFoundError('store.product_not_found', `Product ${productId} not found.`);
    const batches = await db
      .select()
      .from(stockBatches)
      .where(and(eq(stockBatches.productId, productId), gt(stockBatches.quantity, 0)))
      .orderBy(sql`${stockBatches.expiryDate} asc nulls last`, asc(stockBatches.id));
    return { ...level, reorderPoint: level.reorderPoint ?? settings.LOW_STOCK_THRESHOLD, batches };
  }

  /** `get_low_stock_products`: active products at or below their reorder point. */
  async function getLowStockProducts(actor: Actor, category?: string) {
    requireStaff(actor);
    return lowStock(category);
  }

  async function lowStock(category?: string) {
    const ids = category ? await productService.categoryIds(category) : null;
    return db
      .select({
        id: products.id,
        name: products.name,
        sku: products.sku,
        quantity: stockLevels.quantity,
        reorderPoint,
        reorderQuantity: stockLevels.reorderQuantity,
        category: categories.name,
      })
      .from(products)
      .innerJoin(stockLevels, eq(stockLevels.productId, products.id))
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(and(eq(products.isActive, true), sql`${stockLevels.quantity} <= ${reorderPoint}`, ids ? inArray(products.categoryId, ids) : undefined))
      .orderBy(asc(stockLevels.quantity), asc(products.name));
  }

  /** `get_expiring_products`: batches with units left that expire within `daysAhead` (or already have). */
  async function getExpiringProducts(actor: Actor, daysAhead = settings.EXPIRY_ALERT_DAYS) {
    requireStaff(actor);
    return expiring(daysAhead);
  }

  async function expiring(daysAhead: number) {
    const now = today();
    const rows = await db
      .select({ batch: stockBatches, name: products.name, sku: products.sku })
      .from(stockBatches)
      .innerJoin(products, eq(products.id, stockBatches.productId))
      .where(and(gt(stockBatches.quantity, 0), isNotNull(stockBatches.expiryDate), lte(stockBatches.expiryDate, addLocalDays(now, daysAhead))))
      .orderBy(asc(stockBatches.expiryDate), asc(products.name));
    return rows.map((r) => ({ ...r.batch, name: r.name, sku: r.sku, daysUntilExpiry: daysBetween(now, r.batch.expiryDate!) }));
  }

  /**
   * `adjust_stock`: a count, damage, expiry write-off or return. Units out come from the named batch or
   * first-expiry-first-out (expired batches included: that is what a write-off is for); units in go
   * to the named batch or the newest one.
   */
  async function adjustStock(actor: Actor, input: unknown) {
    const staff = requireStaff(actor);
    const data = parseInput(adjustSchema, input);
    const [product] = await db.select({ name: products.name, isControlled: products.isControlled }).from(products).where(eq(products.id, data.productId));
    if (product?.isControlled) {
      throw ValidationError.forField(
        'store.controlled_use_book',
        'productId',
        `${product.name} is controlled: record its waste and counts in the controlled-drug book.`,
        {
          product: product.name,
        },
      );
    }
    return db.transaction(async (tx) => {
      const change = { at: clock.now(), reason: data.reason, notes: data.notes, by: staff.userId };
      if (data.quantityChange < 0) {
        await takeStock(tx, events, data.productId, -data.quantityChange, today(), change, { includeExpired: true, batchId: data.batchId }).catch((e) => {
          throw e.code === 'store.out_of_stock'
            ? ValidationError.forField('store.adjust_below_zero', 'quantityChange', `Only ${e.details.available} on hand.`, { available: e.details.available })
            : e;
        });
      } else {
        const level = (await lockStock(tx, [data.productId])).get(data.productId);
        if (!level) throw new NotFoundError('store.product_not_found', `Product ${data.productId} not found.`);
        const [target] = await tx
          .select()
          .from(stockBatches)
          .where(and(eq(stockBatches.productId, data.productId), data.batchId ? eq(stockBatches.id, data.batchId) : undefined))
          .orderBy(desc(stockBatches.receivedDate), desc(stockBatches.id))
          .limit(1);
        const batch =
          target ??
          (
            await tx
              .insert(stockBatches)
              .values({ productId: data.productId, quantity: 0, receivedDate: today(), costPerUnit: await fallbackCost(tx, data.productId) })
              .returning()
          )[0]!;
        await tx
          .update(stockBatches)
          .set({ quantity: sql`${stockBatches.quantity} + ${data.quantityChange}` })
          .where(eq(stockBatches.id, batch.id));
        await tx
          .update(stockLevels)
          .set({ quantity: level.quantity + data.quantityChange })
          .where(eq(stockLevels.productId, data.productId));
        await recordMovement(tx, events, {
          productId: data.productId,
          batchId: batch.id,
          quantityChange: data.quantityChange,
          quantityAfter: level.quantity + data.quantityChange,
          change,
        });
      }
      if (data.reason === 'count') await tx.update(stockLevels).set({ lastCountDate: today() }).where(eq(stockLevels.productId, data.productId));
      const [movement] = await tx.select().from(stockMovements).where(eq(stockMovements.productId, data.productId)).orderBy(desc(stockMovements.id)).limit(1);
      return movement!;
    });
  }

  /** Units found for a product that has no batch yet are valued at its cost price (nothing known: zero). */
  async function fallbackCost(tx: Tx, productId: number): Promise<string> {
    const [product] = await tx.select({ costPrice: products.costPrice }).from(products).where(eq(products.id, productId));
    return product?.costPrice ?? '0';
  }

  /** A receipt as `receiveStock` takes it, checked without writing anything (an import's dry run). */
  function checkReceipt(input: unknown) {
    const data = parseInput(receiveSchema, input);
    if (data.expiryDate && data.expiryDate <= today()) {
      throw ValidationError.forField('store.receiving_expired', 'expiryDate', 'This batch has already expired.');
    }
    return data;
  }

  /** `receive_stock`: a delivery becomes a batch with its number, expiry, unit cost and supplier; `stock_received`. */
  async function receiveStock(actor: Actor, input: unknown) {
    const staff = requireStaff(actor);
    const data = checkReceipt(input);
    return db.transaction(async (tx) => {
      const level = (await lockStock(tx, [data.productId])).get(data.productId);
      if (!level) throw new NotFoundError('store.product_not_found', `Product ${data.productId} not found.`);
      const [batch] = await tx
        .insert(stockBatches)
        .values({
          productId: data.productId,
          batchNumber: data.batchNumber,
          quantity: data.quantity,
          expiryDate: data.expiryDate ?? null,
          receivedDate: today(),
          costPerUnit: data.costPerUnit,
          supplier: data.supplier,
          supplierRfc: data.supplierRfc ?? null,
        })
        .returning();
      const after = level.quantity + data.quantity;
      await tx.update(stockLevels).set({ quantity: after }).where(eq(stockLevels.productId, data.productId));
      const [movement] = await tx
        .insert(stockMovements)
        .values({
          productId: data.productId,
          batchId: batch!.id,
          quantityChange: data.quantity,
          quantityAfter: after,
          reason: 'received',
          reference: data.batchNumber ? `batch:${data.batchNumber}` : '',
          createdBy: staff.userId,
          createdAt: clock.now(),
        })
        .returning();
      await bookMovement(tx, {
        productId: data.productId,
        batchId: batch!.id,
        quantityChange: data.quantity,
        movementId: movement!.id,
        reason: 'received',
        by: staff.userId,
        at: movement!.createdAt,
        reference: movement!.reference,
      });
      const unitCost = money(batch!.costPerUnit);
      await events.emit(tx, stockReceived, {
        movementId: movement!.id,
        productId: data.productId,
        batchId: batch!.id,
        batchNumber: batch!.batchNumber,
        expiryDate: batch!.expiryDate,
        quantity: data.quantity,
        unitCost: unitCost.toFixed(2),
        costAmount: unitCost.times(data.quantity).toFixed(2),
        currency: 'MXN',
        supplier: batch!.supplier,
        supplierRfc: batch!.supplierRfc,
        at: movement!.createdAt.toISOString(),
      });
      return batch!;
    });
  }

  /** The stock history of a product, newest first. */
  async function listMovements(actor: Actor, productId: number, options: { page?: number; pageSize?: number } = {}) {
    requireStaff(actor);
    const page = Math.max(1, options.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 30));
    const rows = await db
      .select()
      .from(stockMovements)
      .where(eq(stockMovements.productId, productId))
      .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize);
    return pageOf(rows, { page, pageSize });
  }

  /** Daily: `low_stock_alert` per product at or below its reorder point, `expiry_alert` per batch about to expire. */
  async function raiseAlerts() {
    const low = await lowStock();
    const soon = await expiring(settings.EXPIRY_ALERT_DAYS);
    await db.transaction(async (tx) => {
      for (const p of low)
        await events.emit(tx, lowStockAlert, { productId: p.id, sku: p.sku, name: p.name, currentLevel: p.quantity, reorderPoint: p.reorderPoint });
      for (const b of soon) {
        await events.emit(tx, expiryAlert, {
          batchId: b.id,
          productId: b.productId,
          name: b.name,
          batchNumber: b.batchNumber,
          expiryDate: b.expiryDate!,
          quantity: b.quantity,
          daysUntilExpiry: b.daysUntilExpiry,
        });
      }
    });
    return { lowStock: low.length, expiring: soon.length };
  }

  /**
   * Whether staff may hand this product over for this pet: a prescription product needs a current
   * prescription in the pet's record. Returns the prescription, which a controlled product's book cites.
   */
  async function dispenseCheck(actor: Actor, productId: number, petId: number | null) {
    const staff = requireStaff(actor);
    const [product] = await db.select().from(products).where(eq(products.id, productId));
    if (!product) throw new NotFoundError('store.product_not_found', `Product ${productId} not found.`);
    if (!product.requiresPrescription) return { product, prescriptionId: null };
    if (!petId)
      throw ValidationError.forField('store.rx_pet_required', 'petId', `Choose the pet ${product.name} is prescribed for.`, { product: product.name });
    const rx = await currentPrescription(vet, staff, petId, product, today());
    if (!rx)
      throw ValidationError.forField('store.rx_missing', 'productId', `There is no current prescription for ${product.name} in this pet's record.`, {
        product: product.name,
      });
    return { product, prescriptionId: rx.id };
  }

  /** Units sold outside the checkout (billing's front-desk lines), in the seller's transaction: first-expiry-first-out. */
  async function takeForSale(tx: Tx, productId: number, quantity: number, change: StockChange & { reference: string }) {
    return takeStock(tx, events, productId, quantity, today(), change);
  }

  /**
   * Units of a product given in a visit (doses recorded in the controlled book with the visit) that are
   * still out: they left the shelf when given, so charging them must not take them again.
   */
  async function unitsGivenInVisit(reader: DbOrTx, visitId: number, productId: number): Promise<number> {
    const [row] = await reader
      .select({ out: sql<number>`coalesce(-sum(${stockMovements.quantityChange}), 0)`.mapWith(Number) })
      .from(stockMovements)
      .where(
        and(
          eq(stockMovements.reference, visitReference(visitId)),
          eq(stockMovements.productId, productId),
          inArray(stockMovements.reason, ['sale', 'returned']),
        ),
      );
    return Math.max(0, row?.out ?? 0);
  }

  /** Puts back `quantity` units of what `change.reference` took (a line removed, an invoice cancelled), into the batches they came from. */
  async function returnTaken(tx: Tx, productId: number, quantity: number, change: StockChange & { reference: string }) {
    const moves = await allocationsFor(tx, change.reference, productId, quantity);
    await returnStock(tx, events, productId, moves, change);
  }

  return {
    takeForSale,
    unitsGivenInVisit,
    returnTaken,
    dispenseCheck,
    checkStock,
    getLowStockProducts,
    getExpiringProducts,
    adjustStock,
    receiveStock,
    checkReceipt,
    listMovements,
    raiseAlerts,
    today,
  };
}

export type InventoryService = ReturnType<typeof createInventoryService>;
