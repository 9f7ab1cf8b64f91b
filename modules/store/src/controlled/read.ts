import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, type ModuleContext, requireStaff, STAFF_ROLES } from '@petfriendly/core';
import type { PetsPort } from '@petfriendly/vet-clinic';
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { controlledBalances, type controlledEntries } from '../controlled.tables';
import { products, stockBatches } from '../store.tables';

type Entry = typeof controlledEntries.$inferSelect;
const ROLES = ['veterinarian', 'manager', 'admin'] as const;

/** Reading the book: its lines with the names a reader needs, the balances per batch, the print's header. */
export function readBook(ctx: ModuleContext, vet: PetsPort, accounts: AccountsPort) {
  const { db } = ctx;

  async function describe(rows: Entry[]) {
    const productIds = [...new Set(rows.map((r) => r.productId))];
    const batchIds = [...new Set(rows.map((r) => r.batchId))];
    const [productRows, batchRows, pets, people] = await Promise.all([
      productIds.length ? db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.id, productIds)) : [],
      batchIds.length ? db.select({ id: stockBatches.id, number: stockBatches.batchNumber }).from(stockBatches).where(inArray(stockBatches.id, batchIds)) : [],
      vet.pets.petsByIds(rows.flatMap((r) => (r.petId ? [r.petId] : []))),
      accounts.directory.namesOf([...new Set(rows.flatMap((r) => [r.by, r.witnessId, r.ownerId].filter((x): x is string => !!x)))]),
    ]);
    const productName = new Map(productRows.map((p) => [p.id, p.name]));
    const batchNumber = new Map(batchRows.map((b) => [b.id, b.number]));
    const name = (id: string | null) => (id ? (people.get(id) ?? null) : null);
    return rows.map((r) => ({
      id: r.id,
      productId: r.productId,
      product: productName.get(r.productId) ?? '',
      batchId: r.batchId,
      batchNumber: batchNumber.get(r.batchId) ?? '',
      type: r.type,
      quantity: r.quantity,
      balance: r.balance,
      patient: r.petId ? (pets.get(r.petId)?.name ?? null) : null,
      owner: name(r.ownerId),
      prescriptionId: r.prescriptionId,
      visitId: r.visitId,
      dose: r.dose,
      doseUnit: r.doseUnit,
      route: r.route,
      by: name(r.by),
      licenseNumber: r.licenseNumber,
      witness: name(r.witnessId),
      reason: r.reason,
      reference: r.reference,
      createdAt: r.createdAt,
    }));
  }

  /** The controlled products, for choosing one. */
  async function controlledProducts(actor: Actor) {
    requireStaff(actor, ROLES);
    return db
      .select({ id: products.id, name: products.name, group: products.controlledGroup, presentation: products.shortDescription })
      .from(products)
      .where(eq(products.isControlled, true))
      .orderBy(asc(products.name));
  }

  /**
   * What the book holds per batch of controlled products: its balance, or for a batch the book has not
   * met yet, the units it holds (what its opening line will be). Batches at zero in both are left out.
   */
  async function balances(actor: Actor, productId?: number) {
    requireStaff(actor, ROLES);
    const rows = await db
      .select({
        productId: products.id,
        product: products.name,
        group: products.controlledGroup,
        batchId: stockBatches.id,
        batchNumber: stockBatches.batchNumber,
        expiryDate: stockBatches.expiryDate,
        balance: sql<number>`coalesce(${controlledBalances.balance}, ${stockBatches.quantity})`.mapWith(Number),
      })
      .from(stockBatches)
      .innerJoin(products, eq(products.id, stockBatches.productId))
      .leftJoin(controlledBalances, eq(controlledBalances.batchId, stockBatches.id))
      .where(
        and(
          eq(products.isControlled, true),
          productId ? eq(products.id, productId) : undefined,
          or(gt(stockBatches.quantity, 0), gt(sql`coalesce(${controlledBalances.balance}, 0)`, 0)),
        ),
      )
      .orderBy(asc(products.name), sql`${stockBatches.expiryDate} asc nulls last`, asc(stockBatches.id));
    return rows;
  }

  /** What heads a printed book: the clinic, the responsible vet and their cédula, the product and its group. */
  async function header(actor: Actor, productId: number | undefined, responsibleEmail: string | null) {
    const staff = requireStaff(actor, ROLES);
    const responsible = responsibleEmail ? await accounts.directory.userByEmail(responsibleEmail) : null;
    const credentials = await accounts.directory.staffCredentials(responsible?.id ?? staff.userId);
    const [product] = productId
      ? await db
          .select({ name: products.name, group: products.controlledGroup, presentation: products.shortDescription, sku: products.sku })
          .from(products)
          .where(eq(products.id, productId))
      : [];
    return {
      clinic: { name: ctx.clinic.NAME, address: ctx.clinic.ADDRESS },
      responsible: credentials?.licenseNumber ? { name: credentials.name, licenseNumber: credentials.licenseNumber } : null,
      product: product ?? null,
    };
  }

  /** Who may witness or approve: the rest of the active staff. */
  async function colleagues(actor: Actor) {
    const staff = requireStaff(actor, ROLES);
    const people = await accounts.directory.staffWithRoles(STAFF_ROLES);
    return people.filter((p) => p.id !== staff.userId).map((p) => ({ id: p.id, name: p.name }));
  }

  return { describe, products: controlledProducts, balances, header, colleagues };
}
