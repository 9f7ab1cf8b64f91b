import { type Actor, type DbOrTx, foldForSearch, type ModuleContext, NotFoundError, parseInput, requireStaff, ValidationError } from '@petfriendly/core';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { categoryInputSchema, categoryQuerySchema, categoryReorderSchema, categoryRetireSchema } from './store.schemas';
import { categories, products } from './store.tables';

const MANAGERS = ['manager', 'admin'] as const;
type Category = typeof categories.$inferSelect;

/**
 * The shop's category tree in managers' hands: add, rename, move under another, order siblings,
 * retire (a retired category and its products leave the shop; products keep it). Names are written
 * in the clinic's language and translated by the multilingual module.
 */
export function createCategoryService(ctx: ModuleContext) {
  const { db } = ctx;

  /** The tree depth-first, each with its depth and how many products it holds. */
  async function listTree(actor: Actor, query: unknown = {}) {
    requireStaff(actor);
    const { includeRetired } = parseInput(categoryQuerySchema, query);
    const rows = await db
      .select({
        category: categories,
        products: sql<number>`(select count(*) from ${products} where ${products.categoryId} = ${categories.id})`.mapWith(Number),
      })
      .from(categories)
      .where(includeRetired ? undefined : eq(categories.isActive, true))
      .orderBy(asc(categories.order), asc(categories.name));
    const out: (Category & { depth: number; productCount: number })[] = [];
    const walk = (parent: number | null, depth: number) => {
      for (const r of rows.filter((x) => x.category.parentId === parent)) {
        out.push({ ...r.category, depth, productCount: r.products });
        walk(r.category.id, depth + 1);
      }
    };
    walk(null, 0);
    return out;
  }

  async function createCategory(actor: Actor, input: unknown) {
    requireStaff(actor, MANAGERS);
    const data = parseInput(categoryInputSchema, input);
    return db.transaction(async (tx) => {
      if (data.parentId) await requireCategory(tx, data.parentId, 'parentId');
      const [{ next }] = (await tx
        .select({ next: sql<number>`coalesce(max(${categories.order}), -1)::int + 1` })
        .from(categories)
        .where(data.parentId ? eq(categories.parentId, data.parentId) : isNull(categories.parentId))) as [{ next: number }];
      const [row] = await tx
        .insert(categories)
        .values({ ...data, parentId: data.parentId ?? null, slug: await uniqueSlug(tx, data.name), order: next })
        .returning();
      return row!;
    });
  }

  /** Rename, describe, or move under another category (never under itself or one of its own). */
  async function updateCategory(actor: Actor, id: number, input: unknown) {
    requireStaff(actor, MANAGERS);
    const data = parseInput(categoryInputSchema, input);
    return db.transaction(async (tx) => {
      await requireCategory(tx, id);
      if (data.parentId) {
        await requireCategory(tx, data.parentId, 'parentId');
        const all = await tx.select({ id: categories.id, parentId: categories.parentId }).from(categories);
        for (let at: number | null = data.parentId; at !== null; at = all.find((c) => c.id === at)?.parentId ?? null) {
          if (at === id) throw ValidationError.forField('store.category_cycle', 'parentId', 'A category cannot go under itself or one of its own.');
        }
      }
      const [row] = await tx
        .update(categories)
        .set({ ...data, parentId: data.parentId ?? null })
        .where(eq(categories.id, id))
        .returning();
      return row!;
    });
  }

  /** The order of one parent's children (every child once). */
  async function reorderCategories(actor: Actor, input: unknown) {
    requireStaff(actor, MANAGERS);
    const { parentId, ids } = parseInput(categoryReorderSchema, input);
    await db.transaction(async (tx) => {
      const children = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(parentId ? eq(categories.parentId, parentId) : isNull(categories.parentId));
      const known = new Set(children.map((c) => c.id));
      if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((i) => !known.has(i))) {
        throw ValidationError.forField('store.reorder_incomplete', 'ids', 'List every category under this parent exactly once.');
      }
      for (const [order, id] of ids.entries()) await tx.update(categories).set({ order }).where(eq(categories.id, id));
    });
    return listTree(actor, { includeRetired: true });
  }

  async function retireCategory(actor: Actor, id: number, input: unknown) {
    requireStaff(actor, MANAGERS);
    const { retired } = parseInput(categoryRetireSchema, input);
    const [row] = await db.update(categories).set({ isActive: !retired }).where(eq(categories.id, id)).returning();
    if (!row) throw notFound(id);
    return row;
  }

  return { listTree, createCategory, updateCategory, reorderCategories, retireCategory };
}

async function requireCategory(tx: DbOrTx, id: number, field?: string) {
  const [row] = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.id, id)));
  if (!row) {
    if (field) throw ValidationError.forField('store.category_unknown', field, `There is no category "${id}".`, { category: id });
    throw notFound(id);
  }
}

async function uniqueSlug(tx: DbOrTx, name: string): Promise<string> {
  const base =
    foldForSearch(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'categoria';
  const taken = new Set(
    (
      await tx
        .select({ slug: categories.slug })
        .from(categories)
        .where(sql`${categories.slug} like ${`${base}%`}`)
    ).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

const notFound = (id: number) => new NotFoundError('store.category_not_found', `Category ${id} not found.`);

export type CategoryService = ReturnType<typeof createCategoryService>;
