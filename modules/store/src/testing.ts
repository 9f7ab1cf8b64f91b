import type { Actor, Platform } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { categories, products, stockBatches, stockLevels } from './store.tables';

let sequence = 0;

/** A product with stock in one batch (or several: `batches`), in a category of its own unless given. */
export async function ProductFactory(
  platform: Platform,
  options: Partial<typeof products.$inferInsert> & {
    stock?: number;
    batches?: { quantity: number; expiryDate?: string | null; receivedDate?: string; batchNumber?: string; costPerUnit?: string }[];
    categorySlug?: string;
    reorderPoint?: number;
  } = {},
) {
  const db = platform.ctx.db;
  sequence += 1;
  const { stock = 10, batches, categorySlug, reorderPoint, ...fields } = options;
  const slug = categorySlug ?? `categoria-${sequence}`;
  await db
    .insert(categories)
    .values({ name: `Categoría ${slug}`, slug })
    .onConflictDoNothing();
  const [category] = await db.select().from(categories).where(eq(categories.slug, slug));
  const [product] = await db
    .insert(products)
    .values({
      name: `Producto ${sequence}`,
      slug: `producto-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
      sku: `SKU-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
      price: '100.00',
      categoryId: category!.id,
      ...fields,
    })
    .returning();
  const lots = batches ?? (stock > 0 ? [{ quantity: stock }] : []);
  await db.insert(stockLevels).values({ productId: product!.id, quantity: lots.reduce((n, b) => n + b.quantity, 0), reorderPoint: reorderPoint ?? null });
  for (const [i, b] of lots.entries()) {
    await db.insert(stockBatches).values({
      productId: product!.id,
      batchNumber: b.batchNumber ?? `L${sequence}-${i + 1}`,
      quantity: b.quantity,
      expiryDate: b.expiryDate ?? null,
      receivedDate: b.receivedDate ?? '2026-01-01',
      costPerUnit: b.costPerUnit ?? '60.00',
    });
  }
  return { ...product!, category: category! };
}

/**
 * A controlled drug (prescription only, in a group of the authority's list) with one batch received through
 * inventory by a manager, so the controlled-drug book opens with its receipt.
 */
export async function ControlledDrugFactory(
  platform: Platform,
  manager: Actor,
  options: { name?: string; group?: (typeof products.$inferInsert)['controlledGroup']; quantity?: number; batchNumber?: string; expiryDate?: string } = {},
) {
  const product = await ProductFactory(platform, {
    name: options.name ?? 'Ketamina 100 mg/ml',
    requiresPrescription: true,
    isControlled: true,
    controlledGroup: options.group ?? 'III',
    stock: 0,
  });
  const batch = await platform.services.store.inventory.receiveStock(manager, {
    productId: product.id,
    quantity: options.quantity ?? 5,
    batchNumber: options.batchNumber ?? `K-${product.id}`,
    expiryDate: options.expiryDate ?? '2030-01-31',
    costPerUnit: '410.00',
  });
  return { product, batch };
}
