import type { BillableAppointmentsPort } from '@petfriendly/appointments';
import {
  type Actor,
  addLocalDays,
  ConflictError,
  computeTotals,
  type LocalDate,
  type ModuleContext,
  money,
  NotFoundError,
  parseInput,
  requireStaff,
  type TaxClass,
  taxTreatment,
  ValidationError,
} from '@petfriendly/core';
import type { StoreBillingPort } from '@petfriendly/store';
import type { ChargeableItem, ChargeableItemsPort, ChargeOption, ChargeState, ItemCharge } from '@petfriendly/vet-clinic';
import { stringify } from 'csv-stringify/sync';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { chargeWaivers, invoiceLineItems, invoices } from './billing.tables';
import { missedChargesSchema, waiveChargeSchema } from './charges.schemas';
import type { InvoiceService } from './invoice.service';

const SOURCE = 'visit_item' as const;
/** How far back the desk looks for a pet's visits not yet charged. */
const SUGGEST_DAYS = 60;
const CLINICAL_ROLES = ['veterinarian', 'manager', 'admin'] as const;

/** A visit item priced from the catalogue, with where it stands: charged (on a live invoice), waived, or pending. */
export interface Suggestion extends ChargeableItem {
  label: string;
  /** The catalogue's price for one, IVA included; null when the entry is gone from the catalogue. */
  unitPrice: string | null;
  taxClass: TaxClass;
  /** quantity × unitPrice, to the centavo. */
  value: string | null;
  state: ChargeState;
  invoiceId: number | null;
  waivedReason: string | null;
}

/** Charge capture: what was done in visits (vet-clinic's port) against what was invoiced or waived (billing's own lines). */
export function createChargeCapture(
  ctx: ModuleContext,
  invoices_: InvoiceService,
  vet: ChargeableItemsPort,
  store: StoreBillingPort,
  appointments: BillableAppointmentsPort,
) {
  const { db } = ctx;

  async function priced(items: ChargeableItem[]): Promise<Suggestion[]> {
    const ids = items.map((i) => i.id);
    const productIds = [...new Set(items.flatMap((i) => (i.productId ? [i.productId] : [])))];
    const serviceIds = [...new Set(items.flatMap((i) => (i.serviceTypeId ? [i.serviceTypeId] : [])))];
    const [products, services, lines, waivers] = await Promise.all([
      store.products.priceList(productIds),
      appointments.appointments.servicesByIds(serviceIds),
      ids.length
        ? db
            .select({ sourceId: invoiceLineItems.sourceId, invoiceId: invoiceLineItems.invoiceId })
            .from(invoiceLineItems)
            .innerJoin(invoices, eq(invoices.id, invoiceLineItems.invoiceId))
            .where(and(eq(invoiceLineItems.sourceKind, SOURCE), inArray(invoiceLineItems.sourceId, ids), sql`${invoices.status} <> 'cancelled'`))
        : [],
      ids.length
        ? db
            .select()
            .from(chargeWaivers)
            .where(and(eq(chargeWaivers.sourceKind, SOURCE), inArray(chargeWaivers.sourceId, ids)))
        : [],
    ]);
    const serviceById = new Map(services.map((s) => [s.id, s]));
    const invoiced = new Map(lines.map((l) => [l.sourceId!, l.invoiceId]));
    const waived = new Map(waivers.map((w) => [w.sourceId, w.reason]));
    return items.map((item) => {
      const entry = item.productId ? products.get(item.productId) : serviceById.get(item.serviceTypeId!);
      const unitPrice = entry ? money(entry.price).toFixed(2) : null;
      const invoiceId = invoiced.get(item.id) ?? null;
      const waivedReason = waived.get(item.id) ?? null;
      return {
        ...item,
        label: entry?.name ?? item.vaccineName ?? item.note,
        unitPrice,
        taxClass: entry?.taxClass ?? 'iva16',
        value: unitPrice ? money(unitPrice).times(item.quantity).toDecimalPlaces(2).toFixed(2) : null,
        state: invoiceId ? 'charged' : waivedReason !== null ? 'waived' : 'pending',
        invoiceId,
        waivedReason,
      };
    });
  }

  /** What an invoice of these suggestions would come to: total, base and IVA as the CFDI adds them up. */
  function totalsOf(suggestions: Suggestion[]) {
    const rates = invoices_.rates;
    const lines = suggestions.filter((s) => s.unitPrice !== null);
    const t = computeTotals(lines.map((s) => ({ quantity: s.quantity, unitPrice: s.unitPrice!, tax: taxTreatment(s.taxClass, rates) })));
    return { subtotal: t.subtotal.toFixed(2), tax: t.tax.toFixed(2), total: t.total.toFixed(2) };
  }

  async function forVisits(actor: Actor, visitIds: number[]): Promise<Suggestion[]> {
    return priced(await vet.visitItems.chargeableItems(requireStaff(actor), visitIds));
  }

  /** The chart's view (vet-clinic's `charges` socket): each visit item's state and value. */
  async function statusOf(actor: Actor, visitIds: number[]): Promise<Map<number, ItemCharge>> {
    const rows = await forVisits(actor, visitIds);
    return new Map(rows.map((r) => [r.id, { state: r.state, label: r.label, value: r.value, waivedReason: r.waivedReason }]));
  }

  /** The services and products (in stock) a vet can record as done. */
  async function catalogue(actor: Actor): Promise<ChargeOption[]> {
    const staff = requireStaff(actor);
    const [services, products] = await Promise.all([
      appointments.appointments.listServices(staff),
      store.products.searchProducts(staff, { inStockOnly: true, pageSize: 60 }),
    ]);
    return [
      ...services.map((s) => ({ value: `service:${s.id}`, label: `${s.name} · $${money(s.price).toFixed(2)}` })),
      ...products.items.map((p) => ({ value: `product:${p.id}`, label: `${p.name} · $${money(p.price).toFixed(2)}` })),
    ];
  }

  /** A pet's items not yet charged nor waived, from its recent visits (the desk's suggested lines). */
  async function pendingForPet(actor: Actor, petId: number): Promise<Suggestion[]> {
    const staff = requireStaff(actor);
    const since = addLocalDays(invoices_.today(), -SUGGEST_DAYS);
    const rows = await priced(await vet.visitItems.chargeableItemsOfPet(staff, petId, since));
    return rows.filter((r) => r.state === 'pending');
  }

  /** Adds the chosen items to a draft as lines at catalogue prices, each line keeping its source. */
  async function addToInvoice(actor: Actor, invoiceId: number, itemIds: number[]) {
    const staff = requireStaff(actor);
    const invoice = await invoices_.getInvoice(staff, invoiceId);
    if (!invoice.petId) throw ValidationError.forField('billing.charge_needs_pet', 'petId', 'Choose the pet first: suggested lines come from its visits.');
    const items = await priced(await vet.visitItems.chargeableItemsByIds(staff, itemIds));
    for (const item of items) {
      if (item.petId !== invoice.petId) throw ValidationError.forField('billing.charge_other_pet', 'items', 'That charge is for another pet.');
      if (item.state !== 'pending')
        throw new ConflictError('billing.charge_not_pending', `“${item.label}” is already invoiced or waived.`, { label: item.label });
    }
    const ofVisits = await vet.visitItems.chargeableItems(staff, [...new Set(items.map((i) => i.visitId))]);
    for (const item of items) {
      const line = item.productId ? { productId: item.productId } : { serviceId: item.serviceTypeId };
      // A product's line knows its visit's items of the same product: doses given there are already out of stock.
      const itemIds = ofVisits.filter((i) => i.visitId === item.visitId && i.productId === item.productId).map((i) => i.id);
      const visit = item.productId ? { id: item.visitId, itemIds } : undefined;
      await invoices_.addLine(staff, invoiceId, { ...line, quantity: item.quantity }, { kind: SOURCE, id: item.id, visit });
    }
    return invoices_.getInvoice(staff, invoiceId);
  }

  /** The desk's draft for a visit: the pet's open desk draft if there is one, else a new one. */
  async function draftForVisit(actor: Actor, visitId: number) {
    const staff = requireStaff(actor);
    const [item] = await vet.visitItems.chargeableItems(staff, [visitId]);
    if (!item) throw new NotFoundError('billing.visit_has_no_charges', 'Nothing with a price was recorded in this visit.');
    const [draft] = await db
      .select({ id: invoices.id })
      .from(invoices)
      .where(
        and(
          eq(invoices.petId, item.petId),
          eq(invoices.ownerId, item.ownerId),
          eq(invoices.status, 'draft'),
          sql`${invoices.appointmentId} is null and ${invoices.orderId} is null`,
        ),
      )
      .limit(1);
    if (draft) return draft.id;
    return (await invoices_.createManual(staff, { ownerId: item.ownerId, petId: item.petId })).id;
  }

  /** Waives a pending charge with the reason; the waiver is kept. */
  async function waive(actor: Actor, itemId: number, input: unknown) {
    const staff = requireStaff(actor, CLINICAL_ROLES);
    const { reason } = parseInput(waiveChargeSchema, input);
    const [item] = await priced(await vet.visitItems.chargeableItemsByIds(staff, [itemId]));
    if (!item) throw new NotFoundError('billing.charge_not_found', `No visit item ${itemId}.`);
    return db.transaction(async (tx) => {
      await invoices_.claimSource(tx, { kind: SOURCE, id: itemId });
      const [row] = await tx
        .insert(chargeWaivers)
        .values({ sourceKind: SOURCE, sourceId: itemId, reason, waivedBy: staff.userId, createdAt: ctx.clock.now() })
        .returning();
      return row!;
    });
  }

  /** Managers: a month's charges done and not invoiced nor waived, with their value; and what was waived. */
  async function missedCharges(actor: Actor, input: unknown) {
    const staff = requireStaff(actor, ['manager', 'admin']);
    const { month } = parseInput(missedChargesSchema, input);
    const from: LocalDate = `${month}-01`;
    const to = addLocalDays(`${addLocalDays(from, 31).slice(0, 7)}-01`, -1);
    const rows = await priced(await vet.visitItems.chargeableItemsBetween(staff, from, to));
    const sum = (list: Suggestion[]) => list.reduce((acc, r) => acc.plus(r.value ?? 0), money(0)).toFixed(2);
    const missed = rows.filter((r) => r.state === 'pending');
    const waived = rows.filter((r) => r.state === 'waived');
    return { month, missed, waived, missedValue: sum(missed), waivedValue: sum(waived) };
  }

  /** The visit's items and what the pending ones come to (the API's view of a visit's charges). */
  async function visitCharges(actor: Actor, visitId: number) {
    const items = await forVisits(actor, [visitId]);
    return { items, pending: totalsOf(items.filter((i) => i.state === 'pending')) };
  }

  /** The report as CSV: one row per missed or waived charge, amounts as plain decimals. */
  async function missedChargesCsv(actor: Actor, input: unknown): Promise<Buffer> {
    const report = await missedCharges(actor, input);
    const head = ['state', 'done_on', 'visit_id', 'item_id', 'pet', 'kind', 'item', 'quantity', 'unit_price', 'value', 'reason'];
    const rows = [...report.missed, ...report.waived].map((r) => [
      r.state === 'pending' ? 'missed' : 'waived',
      r.doneOn,
      r.visitId,
      r.id,
      r.petName,
      r.kind,
      r.label,
      money(r.quantity).toFixed(2),
      r.unitPrice ?? '',
      r.value ?? '',
      r.waivedReason ?? '',
    ]);
    return Buffer.from(stringify([head, ...rows], { record_delimiter: '\r\n' }), 'utf8');
  }

  return { forVisits, visitCharges, missedChargesCsv, statusOf, catalogue, pendingForPet, totalsOf, addToInvoice, draftForVisit, waive, missedCharges };
}

export type ChargeCapture = ReturnType<typeof createChargeCapture>;
