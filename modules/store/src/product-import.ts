import { type Actor, foldForSearch, isForeignKeyViolation, type ModuleContext, parseInput, requireStaff } from '@petfriendly/core';
import { and, count, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { productValues } from './product.service';
import { takeStock } from './stock';
import { productSchema } from './store.schemas';
import { cartItems, categories, orderItems, products, stockBatches, stockMovements } from './store.tables';

/** Who may bring a clinic's catalogue in or take it back out. */
const IMPORTERS = ['manager', 'admin'] as const;

/**
 * What a data import needs of the store beyond creating products, categories and receipts through their
 * services: lookups in a batch (duplicates by SKU and barcode, lots already received, categories by name),
 * and taking back what an import created as long as nothing has happened to it since.
 */
export function createStoreImport(ctx: ModuleContext, today: () => string) {
  const { db, clock, events } = ctx;

  /** A product as `createProduct` takes it, checked without writing anything (an import's dry run). */
  function checkProduct(input: unknown) {
    return productValues(parseInput(productSchema, input));
  }

  /** Products holding any of these SKUs or barcodes (case ignored), one query. */
  async function productsByCodes(skus: readonly string[], barcodes: readonly string[]) {
    const s = [...new Set(skus.map((v) => v.trim().toLowerCase()).filter(Boolean))];
    const b = [...new Set(barcodes.map((v) => v.trim()).filter(Boolean))];
    if (s.length === 0 && b.length === 0) return [];
    return db
      .select({ id: products.id, sku: products.sku, barcode: products.barcode, name: products.name })
      .from(products)
      .where(or(s.length ? inArray(sql`lower(${products.sku})`, s) : undefined, b.length ? inArray(products.barcode, b) : undefined));
  }

  /** Every category with its name folded (case and accents ignored), to find the one a line names. */
  async function categoryIndex() {
    const rows = await db.select({ id: categories.id, name: categories.name, parentId: categories.parentId }).from(categories);
    return rows.map((c) => ({ ...c, key: foldForSearch(c.name).trim() }));
  }

  /** The lots (batch numbers) already received of these products. */
  async function lotsOf(productIds: readonly number[]) {
    if (productIds.length === 0) return [];
    return db
      .select({ productId: stockBatches.productId, batchNumber: stockBatches.batchNumber })
      .from(stockBatches)
      .where(and(inArray(stockBatches.productId, [...new Set(productIds)]), ne(stockBatches.batchNumber, '')));
  }

  /** Deletes imported products nothing has touched since: a stock movement, an order or a cart keeps one. */
  async function removeImportedProducts(actor: Actor, ids: readonly number[]): Promise<{ removed: number[]; kept: number[] }> {
    requireStaff(actor, IMPORTERS);
    const removed: number[] = [];
    const kept: number[] = [];
    for (const id of ids) {
      const gone = await db
        .transaction(async (tx) => {
          for (const table of [stockMovements, orderItems, cartItems]) {
            const [row] = await tx.select({ n: count() }).from(table).where(eq(table.productId, id));
            if ((row?.n ?? 0) > 0) return false;
          }
          return (await tx.delete(products).where(eq(products.id, id)).returning({ id: products.id })).length > 0;
        })
        .catch((error: unknown) => {
          if (isForeignKeyViolation(error)) return false;
          throw error;
        });
      (gone ? removed : kept).push(id);
    }
    return { removed, kept };
  }

  /**
   * Takes imported opening stock back out: a batch nothing has been taken from since its receipt leaves
   * through the stock flow (an adjustment, so `stock_moved` and a controlled product's book record it);
   * a batch already used is kept.
   */
  async function removeImportedStock(actor: Actor, batchIds: readonly number[]): Promise<{ removed: number[]; kept: number[] }> {
    const staff = requireStaff(actor, IMPORTERS);
    const removed: number[] = [];
    const kept: number[] = [];
    for (const id of batchIds) {
      const gone = await db.transaction(async (tx) => {
        const [batch] = await tx.select().from(stockBatches).where(eq(stockBatches.id, id));
        if (!batch) return false;
        const [moves] = await tx
          .select({ n: count() })
          .from(stockMovements)
          .where(and(eq(stockMovements.batchId, id), ne(stockMovements.reason, 'received')));
        if ((moves?.n ?? 0) > 0 || batch.quantity === 0) return false;
        await takeStock(
          tx,
          events,
          batch.productId,
          batch.quantity,
          today(),
          { at: clock.now(), reason: 'adjustment', reference: `import-undo:${id}`, notes: 'opening stock import undone', by: staff.userId },
          { batchId: id, includeExpired: true },
        );
        return true;
      });
      (gone ? removed : kept).push(id);
    }
    return { removed, kept };
  }

  return { checkProduct, productsByCodes, categoryIndex, lotsOf, removeImportedProducts, removeImportedStock };
}
