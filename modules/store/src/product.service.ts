import {
  type Actor,
  containsPattern,
  type DbOrTx,
  foldForSearch,
  type ModuleContext,
  money,
  NotFoundError,
  pageOf,
  parseInput,
  requireStaff,
  rowIdOf,
  stamped,
  ValidationError,
} from '@petfriendly/core';
import { type ContentTranslationPort, translateField } from '@petfriendly/multilingual';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { imageUrl } from './product-image.service';
import { type ProductData, productSchema, recommendationsSchema, searchSchema } from './store.schemas';
import { categories, orderItems, orders, productImages, products, stockLevels } from './store.tables';

export type Product = typeof products.$inferSelect;
export type Category = typeof categories.$inferSelect;

/** Content types under which product and category texts are translated (multilingual module). */
export const PRODUCT = 'store.product';
export const CATEGORY = 'store.category';

/** What a shopper sees of a product: its price (IVA included) and whether it can be bought now. */
export interface ProductCard {
  id: number;
  name: string;
  slug: string;
  sku: string;
  shortDescription: string;
  categoryId: number;
  /** What the customer pays for one, IVA included. */
  price: string;
  compareAtPrice: string | null;
  species: string[];
  requiresPrescription: boolean;
  isControlled: boolean;
  isFeatured: boolean;
  isActive: boolean;
  inStock: number;
  /** Address of the primary image (`/store/images/…`), or null. */
  image: string | null;
}

const cardColumns = {
  id: products.id,
  name: products.name,
  slug: products.slug,
  sku: products.sku,
  shortDescription: products.shortDescription,
  categoryId: products.categoryId,
  price: products.price,
  compareAtPrice: products.compareAtPrice,
  species: products.species,
  requiresPrescription: products.requiresPrescription,
  isControlled: products.isControlled,
  isFeatured: products.isFeatured,
  isActive: products.isActive,
  inStock: sql<number>`coalesce(${stockLevels.quantity}, 0)`.mapWith(Number),
  image: sql<
    string | null
  >`(select ${productImages.image} from ${productImages} where ${productImages.productId} = ${products.id} order by ${productImages.isPrimary} desc, ${productImages.order} limit 1)`,
};

/** Matches in the reader's language first, in their order; then by similarity to the Spanish text. */
function relevance(folded: string, translated: number[]) {
  const spanish = sql`word_similarity(${folded}, ${products.searchText}) desc`;
  return translated.length
    ? [sql`array_position(${sql.raw(`ARRAY[${translated.map(Number).join(',')}]::int[]`)}, ${products.id}) asc nulls last`, spanish]
    : [spanish];
}

const toCard = (row: ProductCard): ProductCard => ({ ...row, image: imageUrl(row.image) });

/** Age band of a pet for recommendations: under a year young, seven and over senior. */
function lifeStageOf(dateOfBirth: string | null, today: Date): 'young' | 'adult' | 'senior' | null {
  if (!dateOfBirth) return null;
  const years = (today.getTime() - new Date(dateOfBirth).getTime()) / (365.25 * 86_400_000);
  return years < 1 ? 'young' : years >= 7 ? 'senior' : 'adult';
}

/** The catalogue: search, details, recommendations, and staff editing. */
export function createProductService(ctx: ModuleContext, vet: PetsPort & RecordsPort, ml: ContentTranslationPort) {
  const { db, clock } = ctx;

  /** Cards in the reader's language: translated name and short description where there are any, Spanish otherwise. */
  async function inLanguage<T extends { id: number; name: string; shortDescription: string }>(rows: T[], language: string): Promise<T[]> {
    const localized = await ml.translation.localized(
      PRODUCT,
      rows.map((r) => r.id),
      ['name', 'shortDescription'],
      language,
    );
    return rows.map((r) => ({ ...r, name: translateField(r, 'name', localized), shortDescription: translateField(r, 'shortDescription', localized) }));
  }

  async function listCategories(language = 'es'): Promise<(Category & { depth: number })[]> {
    const all = await db.select().from(categories).where(eq(categories.isActive, true)).orderBy(asc(categories.order), asc(categories.name));
    const localized = await ml.translation.localized(
      CATEGORY,
      all.map((c) => c.id),
      ['name'],
      language,
    );
    const rows = all.map((c) => ({ ...c, name: translateField(c, 'name', localized) }));
    const out: (Category & { depth: number })[] = [];
    const walk = (parent: number | null, depth: number) => {
      for (const c of rows.filter((r) => r.parentId === parent)) {
        out.push({ ...c, depth });
        walk(c.id, depth + 1);
      }
    };
    walk(null, 0);
    return out;
  }

  /** A category (by slug or id) and everything under it. */
  async function categoryIds(category: string): Promise<number[]> {
    const all = await db.select({ id: categories.id, slug: categories.slug, parentId: categories.parentId }).from(categories);
    const root = all.find((c) => c.slug === category || String(c.id) === category);
    if (!root) throw ValidationError.forField('store.category_unknown', 'category', `There is no category "${category}".`, { category });
    const ids = [root.id];
    for (let i = 0; i < ids.length; i++) ids.push(...all.filter((c) => c.parentId === ids[i]).map((c) => c.id));
    return ids;
  }

  /**
   * `search_products`. Words match with accents and case folded, as a substring, as a Spanish word
   * stem ("croqueta" finds "croquetas"), by trigram similarity (typos: "amoxisilina"), also of how
   * they sound ("crokets" finds "croquetas"), or the category's name ("vacuna" finds the vaccines).
   * `includeInactive` is honoured for staff only.
   */
  async function searchProducts(actor: Actor, input: unknown = {}) {
    const f = parseInput(searchSchema, input);
    // Inactive products stay out of the shop; staff may ask for them to manage the catalogue.
    const conditions: (SQL | undefined)[] = [f.includeInactive && actor.kind === 'staff' ? undefined : eq(products.isActive, true)];
    if (f.category) conditions.push(inArray(products.categoryId, await categoryIds(f.category)));
    if (f.species) conditions.push(or(sql`${products.species} = '{}'::text[]`, sql`${f.species} = any(${products.species})`));
    if (f.minPrice) conditions.push(gte(products.price, f.minPrice));
    if (f.maxPrice) conditions.push(lte(products.price, f.maxPrice));
    if (f.inStockOnly) conditions.push(sql`coalesce(${stockLevels.quantity}, 0) > 0`);
    const folded = f.query ? foldForSearch(f.query) : null;
    // In another language, its translated names and descriptions are searched too (best match first).
    const translated = folded ? await ml.translation.findObjects(PRODUCT, ['name', 'shortDescription'], actor.language, folded) : [];
    if (folded) {
      conditions.push(
        or(
          translated.length ? inArray(products.id, translated) : undefined,
          sql`${products.searchText} like ${containsPattern(folded)}`,
          sql`word_similarity(${folded}, ${products.searchText}) >= 0.5`,
          sql`word_similarity(core.f_sounds_es(${folded}), core.f_sounds_es(${products.searchText})) >= 0.5`,
          sql`to_tsvector('spanish', ${products.searchText}) @@ plainto_tsquery('spanish', ${folded})`,
          // A word of the category's name: "vacuna" finds what is in "Vacunas".
          sql`${products.categoryId} in (select ${categories.id} from ${categories} where to_tsvector('spanish', core.f_unaccent(lower(${categories.name}))) @@ plainto_tsquery('spanish', ${folded}))`,
        ),
      );
    }
    const rows = await db
      .select(cardColumns)
      .from(products)
      .leftJoin(stockLevels, eq(stockLevels.productId, products.id))
      .where(and(...conditions))
      .orderBy(...(folded ? relevance(folded, translated) : []), desc(products.isFeatured), asc(products.name), asc(products.id))
      .limit(f.pageSize + 1)
      .offset((f.page - 1) * f.pageSize);
    const found = pageOf(rows, f);
    return { ...found, items: await inLanguage(found.items.map(toCard), actor.language) };
  }

  /** `get_product`, by id or slug, with its images and category; inactive products only for staff. */
  async function getProduct(actor: Actor, idOrSlug: number | string) {
    const key = String(idOrSlug);
    const [row] = await db
      .select({
        product: products,
        inStock: sql<number>`coalesce(${stockLevels.quantity}, 0)`.mapWith(Number),
        reorderPoint: stockLevels.reorderPoint,
        reorderQuantity: stockLevels.reorderQuantity,
        location: stockLevels.location,
        category: categories,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .leftJoin(stockLevels, eq(stockLevels.productId, products.id))
      .where(rowIdOf(key) ? eq(products.id, rowIdOf(key)!) : eq(products.slug, key));
    if (!row || (!row.product.isActive && actor.kind !== 'staff')) throw new NotFoundError('store.product_not_found', `Product ${key} not found.`);
    const images = await db
      .select()
      .from(productImages)
      .where(eq(productImages.productId, row.product.id))
      .orderBy(desc(productImages.isPrimary), asc(productImages.order));
    const { costPrice, ...publicFields } = row.product;
    // Staff edit the Spanish source; everyone else reads the product in their language.
    const localized =
      actor.kind === 'staff'
        ? undefined
        : await ml.translation.localized(PRODUCT, [row.product.id], ['name', 'shortDescription', 'description'], actor.language);
    const text = {
      name: translateField(row.product, 'name', localized),
      shortDescription: translateField(row.product, 'shortDescription', localized),
      description: translateField(row.product, 'description', localized),
    };
    return {
      ...(actor.kind === 'staff' ? row.product : { ...publicFields, ...text, costPrice: null }),
      /** Staff only; null: the store's LOW_STOCK_THRESHOLD. */
      reorderPoint: actor.kind === 'staff' ? row.reorderPoint : null,
      /** Staff only: how many to order, and where it is kept. */
      reorderQuantity: actor.kind === 'staff' ? (row.reorderQuantity ?? 0) : null,
      location: actor.kind === 'staff' ? (row.location ?? '') : null,
      inStock: row.inStock,
      category: row.category,
      images: images.map((i) => ({ ...i, url: imageUrl(i.image) })),
    };
  }

  /**
   * `get_recommendations`: for a pet, products for its species and age, ranked by what its owner
   * bought before (the same products first, then their categories) and then featured ones.
   */
  async function getRecommendations(actor: Actor, input: unknown = {}): Promise<ProductCard[]> {
    const f = parseInput(recommendationsSchema, input);
    const conditions: (SQL | undefined)[] = [
      eq(products.isActive, true),
      eq(products.requiresPrescription, false),
      sql`coalesce(${stockLevels.quantity}, 0) > 0`,
    ];
    // Ranked by past purchases only for a pet (`ORDER BY 0` would name a column position).
    let bought: SQL | null = null;
    if (f.petId) {
      const pet = await vet.pets.getPet(f.petId, actor);
      conditions.push(or(sql`${products.species} = '{}'::text[]`, sql`${pet.species} = any(${products.species})`));
      const stage = lifeStageOf(pet.dateOfBirth, clock.now());
      if (stage) conditions.push(or(sql`${products.lifeStages} = '{}'::text[]`, sql`${stage} = any(${products.lifeStages})`));
      // A weight-banded product (a flea pipette, a size of food) only for a pet inside its band.
      if (pet.weightKg) {
        conditions.push(or(isNull(products.petWeightMinKg), lte(products.petWeightMinKg, pet.weightKg)));
        conditions.push(or(isNull(products.petWeightMaxKg), gt(products.petWeightMaxKg, pet.weightKg)));
      }
      // Nothing that names what the pet is allergic to (any word of the allergen, as a Spanish stem).
      const allergenWords = (await vet.records.getAllergies(f.petId, actor)).flatMap((a) => foldForSearch(a.allergen).match(/\p{L}{3,}/gu) ?? []);
      if (allergenWords.length)
        conditions.push(
          sql`not (to_tsvector('spanish', ${products.searchText} || ' ' || core.f_unaccent(lower(${products.description}))) @@ to_tsquery('spanish', ${allergenWords.join(' | ')}))`,
        );
      const history = db
        .select({ productId: orderItems.productId, categoryId: products.categoryId })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .innerJoin(products, eq(products.id, orderItems.productId))
        .where(and(eq(orders.ownerId, pet.ownerId), sql`${orders.status} <> 'cancelled'`))
        .as('history');
      bought = sql`(select coalesce(max(case when ${history.productId} = ${products.id} then 2 when ${history.categoryId} = ${products.categoryId} then 1 else 0 end), 0) from ${history})`;
    }
    if (f.category) conditions.push(inArray(products.categoryId, await categoryIds(f.category)));
    const rows = await db
      .select(cardColumns)
      .from(products)
      .leftJoin(stockLevels, eq(stockLevels.productId, products.id))
      .where(and(...conditions))
      .orderBy(...(bought ? [sql`${bought} desc`] : []), desc(products.isFeatured), asc(products.price), asc(products.id))
      .limit(f.limit);
    return inLanguage(rows.map(toCard), actor.language);
  }

  async function createProduct(actor: Actor, input: unknown): Promise<Product> {
    const staff = requireStaff(actor, ['manager', 'admin']);
    const data = parseInput(productSchema, input);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(products)
        .values({ ...productValues(data), slug: await uniqueSlug(tx, data.name), ...stamped(staff.userId, clock.now(), true) })
        .returning()
        .catch(rethrowUnique);
      await ctx.audit.record(tx, { module: 'store', entity: 'product', entityId: row!.id, action: 'create', actor: staff, after: row });
      await tx.insert(stockLevels).values({ productId: row!.id, ...stockValues(data) });
      return row!;
    });
  }

  async function updateProduct(actor: Actor, productId: number, input: unknown): Promise<Product> {
    const staff = requireStaff(actor, ['manager', 'admin']);
    const data = parseInput(productSchema, input);
    return db.transaction(async (tx) => {
      const [before] = await tx.select().from(products).where(eq(products.id, productId)).for('update');
      if (!before) throw new NotFoundError('store.product_not_found', `Product ${productId} not found.`);
      const [row] = await tx
        .update(products)
        .set({ ...productValues(data), ...stamped(staff.userId, clock.now(), false) })
        .where(eq(products.id, productId))
        .returning()
        .catch(rethrowUnique);
      if (!row) throw new NotFoundError('store.product_not_found', `Product ${productId} not found.`);
      await ctx.audit.record(tx, { module: 'store', entity: 'product', entityId: productId, action: 'update', actor: staff, before, after: row });
      await tx.update(stockLevels).set(stockValues(data)).where(eq(stockLevels.productId, productId));
      return row;
    });
  }

  /** Inside the creating transaction: a query outside it would wait for it on a single connection (PGlite). */
  async function uniqueSlug(tx: DbOrTx, name: string): Promise<string> {
    const base =
      foldForSearch(name)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 80) || 'producto';
    const taken = new Set(
      (
        await tx
          .select({ slug: products.slug })
          .from(products)
          .where(sql`${products.slug} like ${`${base}%`}`)
      ).map((r) => r.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }

  /** Prices and tax data of products, for carts, orders and invoices. */
  async function priceList(productIds: number[]) {
    if (productIds.length === 0) return new Map<number, Product>();
    const rows = await db.select().from(products).where(inArray(products.id, productIds));
    return new Map(rows.map((p) => [p.id, p]));
  }

  // The AI fills active products and categories in every language, from their Spanish texts.
  ml.translation.registerContent({
    contentType: PRODUCT,
    fields: ['name', 'shortDescription', 'description'],
    load: async (afterId, limit) => {
      const rows = await db
        .select({ id: products.id, name: products.name, shortDescription: products.shortDescription, description: products.description })
        .from(products)
        .where(and(eq(products.isActive, true), gt(products.id, afterId)))
        .orderBy(asc(products.id))
        .limit(limit);
      return rows.map(({ id, ...fields }) => ({ id, fields }));
    },
  });
  ml.translation.registerContent({
    contentType: CATEGORY,
    fields: ['name'],
    load: async (afterId, limit) => {
      const rows = await db
        .select({ id: categories.id, name: categories.name })
        .from(categories)
        .where(and(eq(categories.isActive, true), gt(categories.id, afterId)))
        .orderBy(asc(categories.id))
        .limit(limit);
      return rows.map(({ id, ...fields }) => ({ id, fields }));
    },
  });

  return { listCategories, categoryIds, searchProducts, getProduct, getRecommendations, createProduct, updateProduct, priceList };
}

export type ProductService = ReturnType<typeof createProductService>;

/** Where the product is kept and when and how much to reorder (its stock level row). */
function stockValues(data: ProductData) {
  return { reorderPoint: data.reorderPoint ?? null, reorderQuantity: data.reorderQuantity, location: data.location };
}

/** A product's columns from a manager's input, refusing a controlled product without a prescription and a prescription without its name. */
export function productValues(data: ProductData) {
  if (data.isControlled && !data.requiresPrescription) {
    throw ValidationError.forField('store.controlled_needs_rx', 'requiresPrescription', 'A controlled substance must require a prescription.');
  }
  if (data.requiresPrescription && !data.prescriptionName) {
    throw ValidationError.forField('store.rx_name_required', 'prescriptionName', 'Say what a prescription must name (the active ingredient).');
  }
  if (data.petWeightMinKg && data.petWeightMaxKg && !money(data.petWeightMinKg).lt(data.petWeightMaxKg)) {
    throw ValidationError.forField('store.pet_weight_band', 'petWeightMaxKg', 'The heaviest weight must be more than the lightest.');
  }
  const { reorderPoint: _reorderPoint, reorderQuantity: _reorderQuantity, location: _location, ...values } = data;
  return {
    ...values,
    barcode: values.barcode ?? null,
    costPrice: values.costPrice ?? null,
    compareAtPrice: values.compareAtPrice ?? null,
    prescriptionName: values.prescriptionName ?? null,
    controlledGroup: values.isControlled ? (values.controlledGroup ?? null) : null,
    weightKg: values.weightKg ?? null,
    petWeightMinKg: values.petWeightMinKg ?? null,
    petWeightMaxKg: values.petWeightMaxKg ?? null,
  };
}

function rethrowUnique(error: unknown): never {
  const text = String((error as { cause?: { constraint?: string } }).cause?.constraint ?? (error as Error).message);
  if (text.includes('sku')) throw ValidationError.forField('store.sku_taken', 'sku', 'Another product already has this SKU.');
  throw error;
}
