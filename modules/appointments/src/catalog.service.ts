import type { AccountsPort } from '@petfriendly/accounts';
import {
  type Actor,
  foldForSearch,
  type ModuleContext,
  NotFoundError,
  parseInput,
  requireStaff,
  type StaffActor,
  stamped,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { catalogueQuerySchema, reorderSchema, retireSchema, type ServiceTypeData, serviceCategorySchema, serviceTypeSchema } from './appointments.schemas';
import { serviceCategories, serviceTypes, staffServices } from './appointments.tables';

const MANAGERS = ['manager', 'admin'] as const;
type Table = typeof serviceCategories | typeof serviceTypes;

/**
 * The clinic's catalogue of services, in managers' hands: categories and service types (duration,
 * price with IVA, tax class and SAT keys, species, who performs it, online booking, deposit), their
 * order, and retiring them. Retired services stay on past appointments and invoices; nobody can book them.
 * Names are written in the clinic's language; the multilingual module translates them (/admin/translations).
 */
export function createCatalogService(ctx: ModuleContext, accounts: AccountsPort) {
  const { db, clock } = ctx;

  /** Changes a service type and logs its price (and every other field) before and after, in one transaction. */
  async function changeServiceType(tx: Tx, staff: StaffActor, id: number, values: Partial<typeof serviceTypes.$inferInsert>) {
    const [before] = await tx.select().from(serviceTypes).where(eq(serviceTypes.id, id)).for('update');
    if (!before) throw serviceNotFound(id);
    const [after] = await tx
      .update(serviceTypes)
      .set({ ...values, ...stamped(staff.userId, clock.now(), false) })
      .where(eq(serviceTypes.id, id))
      .returning();
    await ctx.audit.record(tx, { module: 'appointments', entity: 'service_type', entityId: id, action: 'update', actor: staff, before, after });
  }

  async function listCategories(actor: Actor, query: unknown = {}) {
    requireStaff(actor);
    const { includeRetired } = parseInput(catalogueQuerySchema, query);
    return db
      .select()
      .from(serviceCategories)
      .where(includeRetired ? undefined : eq(serviceCategories.isActive, true))
      .orderBy(asc(serviceCategories.order), asc(serviceCategories.name));
  }

  async function createCategory(actor: Actor, input: unknown) {
    requireStaff(actor, MANAGERS);
    const data = parseInput(serviceCategorySchema, input);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(serviceCategories)
        .values({ ...data, slug: await uniqueSlug(tx, serviceCategories, data.name), order: await nextOrder(tx, serviceCategories) })
        .returning();
      return row!;
    });
  }

  async function updateCategory(actor: Actor, id: number, input: unknown) {
    requireStaff(actor, MANAGERS);
    const data = parseInput(serviceCategorySchema, input);
    const [row] = await db.update(serviceCategories).set(data).where(eq(serviceCategories.id, id)).returning();
    if (!row) throw categoryNotFound(id);
    return row;
  }

  async function retireCategory(actor: Actor, id: number, input: unknown) {
    requireStaff(actor, MANAGERS);
    const { retired } = parseInput(retireSchema, input);
    const [row] = await db.update(serviceCategories).set({ isActive: !retired }).where(eq(serviceCategories.id, id)).returning();
    if (!row) throw categoryNotFound(id);
    return row;
  }

  async function reorderCategories(actor: Actor, input: unknown) {
    requireStaff(actor, MANAGERS);
    const { ids } = parseInput(reorderSchema, input);
    await db.transaction(async (tx) => {
      const all = await tx.select({ id: serviceCategories.id }).from(serviceCategories);
      assertPermutation(ids, all);
      for (const [order, id] of ids.entries()) await tx.update(serviceCategories).set({ order }).where(eq(serviceCategories.id, id));
    });
    return listCategories(actor, { includeRetired: true });
  }

  async function listServiceTypes(actor: Actor, query: unknown = {}) {
    requireStaff(actor);
    const { includeRetired } = parseInput(catalogueQuerySchema, query);
    const rows = await db
      .select({ service: serviceTypes })
      .from(serviceTypes)
      .innerJoin(serviceCategories, eq(serviceCategories.id, serviceTypes.categoryId))
      .where(includeRetired ? undefined : eq(serviceTypes.isActive, true))
      .orderBy(asc(serviceCategories.order), asc(serviceTypes.order), asc(serviceTypes.name));
    return withStaff(rows.map((r) => r.service));
  }

  async function getServiceType(actor: Actor, id: number) {
    requireStaff(actor);
    const [row] = await db.select().from(serviceTypes).where(eq(serviceTypes.id, id));
    if (!row) throw serviceNotFound(id);
    return (await withStaff([row]))[0]!;
  }

  async function createServiceType(actor: Actor, input: unknown) {
    const staff = requireStaff(actor, MANAGERS);
    const { staffIds, ...data } = parseInput(serviceTypeSchema, input);
    await checkRefs(actor, data, staffIds);
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(serviceTypes)
        .values({
          ...data,
          slug: await uniqueSlug(tx, serviceTypes, data.name),
          order: await nextOrder(tx, serviceTypes, data.categoryId),
          ...stamped(staff.userId, clock.now(), true),
        })
        .returning();
      await ctx.audit.record(tx, { module: 'appointments', entity: 'service_type', entityId: row!.id, action: 'create', actor: staff, after: row });
      if (staffIds.length) await tx.insert(staffServices).values(staffIds.map((staffId) => ({ staffId, serviceTypeId: row!.id })));
      return row!.id;
    });
    return getServiceType(actor, id);
  }

  async function updateServiceType(actor: Actor, id: number, input: unknown) {
    const staff = requireStaff(actor, MANAGERS);
    const { staffIds, ...data } = parseInput(serviceTypeSchema, input);
    await checkRefs(actor, data, staffIds);
    await db.transaction(async (tx) => {
      await changeServiceType(tx, staff, id, data);
      await tx.delete(staffServices).where(eq(staffServices.serviceTypeId, id));
      if (staffIds.length) await tx.insert(staffServices).values(staffIds.map((staffId) => ({ staffId, serviceTypeId: id })));
    });
    return getServiceType(actor, id);
  }

  async function retireServiceType(actor: Actor, id: number, input: unknown) {
    const staff = requireStaff(actor, MANAGERS);
    const { retired } = parseInput(retireSchema, input);
    await db.transaction((tx) => changeServiceType(tx, staff, id, { isActive: !retired }));
    return getServiceType(actor, id);
  }

  /** The order of the services of one category. */
  async function reorderServiceTypes(actor: Actor, categoryId: number, input: unknown) {
    requireStaff(actor, MANAGERS);
    const { ids } = parseInput(reorderSchema, input);
    await db.transaction(async (tx) => {
      const all = await tx.select({ id: serviceTypes.id }).from(serviceTypes).where(eq(serviceTypes.categoryId, categoryId));
      if (all.length === 0) throw categoryNotFound(categoryId);
      assertPermutation(ids, all);
      for (const [order, id] of ids.entries()) await tx.update(serviceTypes).set({ order }).where(eq(serviceTypes.id, id));
    });
    return (await listServiceTypes(actor, { includeRetired: true })).filter((s) => s.categoryId === categoryId);
  }

  async function withStaff<T extends { id: number }>(rows: T[]): Promise<(T & { staffIds: string[] })[]> {
    const links = rows.length
      ? await db
          .select()
          .from(staffServices)
          .where(
            inArray(
              staffServices.serviceTypeId,
              rows.map((r) => r.id),
            ),
          )
      : [];
    return rows.map((r) => ({ ...r, staffIds: links.filter((l) => l.serviceTypeId === r.id).map((l) => l.staffId) }));
  }

  async function checkRefs(actor: Actor, data: Omit<ServiceTypeData, 'staffIds'>, staffIds: string[]) {
    const [category] = await db.select({ id: serviceCategories.id }).from(serviceCategories).where(eq(serviceCategories.id, data.categoryId));
    if (!category) throw ValidationError.forField('appointments.category_unknown', 'categoryId', 'There is no such category.');
    if (staffIds.length === 0) return;
    const staff = new Set((await accounts.users.listStaff(actor)).map((s) => s.id));
    const stranger = staffIds.find((id) => !staff.has(id));
    if (stranger) throw ValidationError.forField('appointments.staff_unknown', 'staffIds', 'Only members of the team can perform a service.');
  }

  return {
    listCategories,
    createCategory,
    updateCategory,
    retireCategory,
    reorderCategories,
    listServiceTypes,
    getServiceType,
    createServiceType,
    updateServiceType,
    retireServiceType,
    reorderServiceTypes,
  };
}

function assertPermutation(ids: number[], rows: { id: number }[]) {
  const known = new Set(rows.map((r) => r.id));
  if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
    throw ValidationError.forField('appointments.reorder_incomplete', 'ids', 'List every item of the list exactly once.');
  }
}

/** Inside the creating transaction, so two services of the same name get different slugs. */
async function uniqueSlug(tx: Tx, table: Table, name: string): Promise<string> {
  const base =
    foldForSearch(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'servicio';
  const taken = new Set(
    (
      await tx
        .select({ slug: table.slug })
        .from(table)
        .where(sql`${table.slug} like ${`${base}%`}`)
    ).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

async function nextOrder(tx: Tx, table: Table, categoryId?: number): Promise<number> {
  const where = categoryId !== undefined && 'categoryId' in table ? and(eq((table as typeof serviceTypes).categoryId, categoryId)) : undefined;
  const [row] = await tx
    .select({ max: sql<number>`coalesce(max(${table.order}), -1)::int` })
    .from(table)
    .where(where);
  return (row?.max ?? -1) + 1;
}

const categoryNotFound = (id: number) => new NotFoundError('appointments.category_not_found', `Service category ${id} not found.`);
const serviceNotFound = (id: number) => new NotFoundError('appointments.service_not_found', `Service ${id} not found.`);

export type CatalogService = ReturnType<typeof createCatalogService>;
