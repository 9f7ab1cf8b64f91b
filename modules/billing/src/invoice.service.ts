import type { BillableAppointmentsPort } from '@petfriendly/appointments';
import {
  type Actor,
  type AuditAction,
  addLocalDays,
  ConflictError,
  type DbOrTx,
  isStaff,
  localDate,
  type ModuleContext,
  money,
  NotFoundError,
  pageOf,
  parseInput,
  requireAuthenticated,
  requireStaff,
  stamped,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import { type OrderDetail, SHIPPING, type StoreBillingPort, taxRatesOf } from '@petfriendly/store';
import type { PetsPort } from '@petfriendly/vet-clinic';
import type Decimal from 'decimal.js';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { type InvoiceBreakdown, invoiceCancelled, invoiceCreated, invoiceIssued, invoiceOverdue } from './billing.events';
import { cancelInvoiceSchema, deskInvoiceSchema, invoiceListSchema, lineSchema } from './billing.schemas';
import type { BillingSettings } from './billing.settings';
import { type ChargeSource, chargeWaivers, type InvoiceStatus, invoiceLineItems, invoices, payments } from './billing.tables';
import { createBreakdowns, totalsOf } from './invoice-breakdown';

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceLine = typeof invoiceLineItems.$inferSelect;
export type InvoiceDetail = Invoice & { lines: InvoiceLine[]; payments: (typeof payments.$inferSelect)[]; balance: string };
/**
 * Where a line comes from: a visit item (charge capture) names its visit and the visit's items of the same
 * product, so doses given there from the controlled book are charged without being taken from stock again.
 */
export type LineSource = { kind: ChargeSource; id: number; visit?: { id: number; itemIds: number[] } };
type NewLine = Omit<typeof invoiceLineItems.$inferInsert, 'invoiceId' | 'lineTotal' | 'unitValue'>;

export const invoiceRef = (i: Invoice) => ({ invoiceId: i.id, invoiceNumber: i.invoiceNumber, ownerId: i.ownerId, total: i.total });
export const balanceOf = (i: Pick<Invoice, 'total' | 'amountPaid'>) => money(i.total).minus(i.amountPaid).toFixed(2);

/** The status that follows from what was paid (cancelled and draft stay as they are). */
export function statusAfterPayment(i: Pick<Invoice, 'status' | 'dueDate'>, paid: string, total: string, today: string): InvoiceStatus {
  if (money(paid).gte(total) && money(total).gt(0)) return 'paid';
  if (money(paid).gt(0)) return i.dueDate && i.dueDate < today ? 'overdue' : 'partial';
  return i.dueDate && i.dueDate < today ? 'overdue' : 'sent';
}

/**
 * InvoiceService: invoices from a completed appointment, from an order, or by hand at the front desk;
 * lines taxed by class; totals through core's `computeTotals`, the same arithmetic as the CFDI.
 */
/** An owner's standing discount on front-desk lines, in percent (loyalty fills this with the tier's). */
export interface BillingSockets {
  discounts: { percentFor(ownerId: string): Promise<string> };
}
export const billingSockets: BillingSockets = { discounts: { percentFor: async () => '0' } };

export function createInvoiceService(
  ctx: ModuleContext,
  appointments: BillableAppointmentsPort,
  store: StoreBillingPort,
  vet: PetsPort,
  settings: BillingSettings,
  sockets: Readonly<BillingSockets> = billingSockets,
) {
  const { db, clock, events } = ctx;
  const today = () => localDate(clock.now(), ctx.clinic.TIME_ZONE);
  const rates = taxRatesOf(store.settings);
  const breakdownOf = createBreakdowns(store, appointments, rates);

  async function insertInvoice(
    tx: Tx,
    values: Omit<typeof invoices.$inferInsert, 'invoiceNumber'>,
    lines: NewLine[],
    source: 'appointment' | 'order' | 'desk' | 'global',
  ) {
    const [draft] = await tx
      .insert(invoices)
      .values({ ...values, invoiceNumber: `tmp-${clock.now().getTime()}-${Math.random()}`, createdAt: clock.now() })
      .returning();
    const [row] = await tx
      .update(invoices)
      .set({ invoiceNumber: `${settings.INVOICE_SERIES}-${String(draft!.id).padStart(6, '0')}` })
      .where(eq(invoices.id, draft!.id))
      .returning();
    if (lines.length) await tx.insert(invoiceLineItems).values(lines.map((l, i) => ({ ...l, invoiceId: row!.id, lineTotal: '0', sortOrder: i })));
    const priced = await reprice(tx, row!.id);
    await events.emit(tx, invoiceCreated, { ...invoiceRef(priced), source });
    return priced;
  }

  /** Stamps who changed the invoice and logs each changed field before and after, in the changing transaction. */
  async function audit(tx: Tx, actor: Actor, action: AuditAction, before: Invoice | null, invoiceId: number): Promise<Invoice> {
    const userId = actor.kind === 'staff' || actor.kind === 'owner' ? actor.userId : null;
    const [after] = await tx
      .update(invoices)
      .set(stamped(userId, clock.now(), !before))
      .where(eq(invoices.id, invoiceId))
      .returning();
    await ctx.audit.record(tx, { module: 'billing', entity: 'invoice', entityId: invoiceId, action, actor, before, after });
    return after!;
  }

  async function linesOf(reader: Pick<Tx, 'select'>, invoiceId: number) {
    return reader
      .select()
      .from(invoiceLineItems)
      .where(eq(invoiceLineItems.invoiceId, invoiceId))
      .orderBy(asc(invoiceLineItems.sortOrder), asc(invoiceLineItems.id));
  }

  /** The invoice's amounts with their full breakdown, as the money events carry them. */
  async function breakdown(tx: Tx, invoice: Invoice): Promise<InvoiceBreakdown> {
    return breakdownOf(invoice, await linesOf(tx, invoice.id));
  }

  /**
   * `invoice_issued`, once an invoice is payable and its amounts final. `paidNow` is what is being paid
   * in the same breath (a desk payment that issues a draft): paid in full, the CFDI will be PUE.
   */
  async function announceIssued(tx: Tx, invoice: Invoice, options: { paidNow?: Decimal; covers?: number[] } = {}) {
    const paid = money(invoice.amountPaid).plus(options.paidNow ?? 0);
    const source = invoice.kind === 'global' ? 'global' : invoice.orderId ? 'order' : invoice.appointmentId ? 'appointment' : 'desk';
    await events.emit(tx, invoiceIssued, {
      ...invoiceRef(invoice),
      kind: invoice.kind,
      source,
      orderId: invoice.orderId,
      appointmentId: invoice.appointmentId,
      petId: invoice.petId,
      date: localDate(invoice.issuedAt ?? clock.now(), ctx.clinic.TIME_ZONE),
      dueDate: invoice.dueDate,
      cfdiPaymentMethod: paid.gte(invoice.total) ? 'PUE' : 'PPD',
      covers: options.covers ?? [],
      breakdown: await breakdown(tx, invoice),
    });
  }

  /**
   * Recomputes every line and the totals from the lines' shelf prices; the one place an invoice's amounts
   * change. The total is what the customer saw; base and IVA are derived from it as the CFDI carries them.
   */
  async function reprice(tx: Tx, invoiceId: number): Promise<Invoice> {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
    const lines = await tx
      .select()
      .from(invoiceLineItems)
      .where(eq(invoiceLineItems.invoiceId, invoiceId))
      .orderBy(asc(invoiceLineItems.sortOrder), asc(invoiceLineItems.id));
    const totals = totalsOf(invoice!, lines, rates);
    for (const [i, line] of lines.entries()) {
      const t = totals.lines[i]!;
      await tx
        .update(invoiceLineItems)
        .set({ unitValue: t.unitValue.toFixed(6), discountAmount: t.discount.toFixed(6), taxAmount: t.tax.toFixed(6), lineTotal: t.total.toFixed(2) })
        .where(eq(invoiceLineItems.id, line.id));
    }
    const [row] = await tx
      .update(invoices)
      .set({
        subtotal: totals.subtotal.toFixed(2),
        discountAmount: totals.discount.toFixed(2),
        taxAmount: totals.tax.toFixed(2),
        total: totals.total.toFixed(2),
        version: sql`${invoices.version} + 1`,
      })
      .where(eq(invoices.id, invoiceId))
      .returning();
    return row!;
  }

  /** Checkout's invoicing port: the order's invoice, in the order's transaction, due when an unpaid order is released. */
  async function createFromOrder(tx: Tx, order: OrderDetail): Promise<{ invoiceId: number }> {
    const lines: NewLine[] = order.items.map((item) => ({
      description: item.name,
      quantity: String(item.quantity),
      unitPrice: item.unitPrice,
      fixedDiscount: item.discountAmount,
      taxClass: item.taxClass,
      productId: item.productId,
      satProductCode: item.satProductCode,
      satUnitCode: item.satUnitCode,
    }));
    if (money(order.shippingAmount).gt(0)) lines.push({ ...SHIPPING, quantity: '1', unitPrice: order.shippingAmount });
    const invoice = await insertInvoice(
      tx,
      { ownerId: order.ownerId, orderId: order.id, status: 'sent', issuedAt: clock.now(), dueDate: addLocalDays(today(), store.settings.PENDING_ORDER_DAYS) },
      lines,
      'order',
    );
    // The order's line discounts already hold its coupon; the invoice must come to the same total.
    if (invoice.total !== order.total) throw new ConflictError('billing.order_total_mismatch', `Invoice ${invoice.total} differs from order ${order.total}.`);
    await announceIssued(tx, invoice);
    return { invoiceId: invoice.id };
  }

  /** Invoice for a completed appointment: its service, as a draft the desk can add products to. */
  async function createFromAppointment(actor: Actor, appointmentId: number): Promise<Invoice> {
    const staff = requireStaff(actor);
    const { appointment, service } = await appointments.appointments.getBillable(appointmentId, staff);
    if (appointment.status !== 'completed' && appointment.status !== 'checked_in') {
      throw new ConflictError('billing.appointment_not_finished', 'Only a finished appointment can be invoiced.');
    }
    const [existing] = await db
      .select()
      .from(invoices)
      .where(and(eq(invoices.appointmentId, appointmentId), sql`${invoices.status} <> 'cancelled'`));
    if (existing) return existing;
    return db.transaction(async (tx) => {
      const created = await insertInvoice(
        tx,
        { ownerId: appointment.ownerId, petId: appointment.petId, appointmentId, createdBy: staff.userId },
        [
          {
            description: service.name,
            quantity: '1',
            unitPrice: service.price,
            taxClass: service.taxClass,
            serviceId: service.id,
            satProductCode: service.satProductCode,
            satUnitCode: service.satUnitCode,
          },
        ],
        'appointment',
      );
      return audit(tx, staff, 'create', null, created.id);
    });
  }

  /** A draft at the front desk for an owner (and pet), optionally with first lines. */
  async function createManual(actor: Actor, input: unknown): Promise<Invoice> {
    const staff = requireStaff(actor);
    const data = parseInput(deskInvoiceSchema, input);
    const invoice = await db.transaction(async (tx) => {
      const created = await insertInvoice(tx, { ownerId: data.ownerId, petId: data.petId ?? null, notes: data.notes, createdBy: staff.userId }, [], 'desk');
      return audit(tx, staff, 'create', null, created.id);
    });
    for (const line of data.lines) await addLine(staff, invoice.id, line);
    return (await getInvoice(staff, invoice.id)) as Invoice;
  }

  async function lockDraft(tx: Tx, invoiceId: number) {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
    if (!invoice) throw new NotFoundError('billing.invoice_not_found', `Invoice ${invoiceId} not found.`);
    if (invoice.status !== 'draft') throw new ConflictError('billing.not_draft', `Invoice ${invoice.invoiceNumber} is no longer a draft.`);
    return invoice;
  }

  /**
   * Adds a service, a product (taken from stock now, first-expiry-first-out) or a free line. A
   * controlled product needs a current prescription for the invoice's pet and is logged.
   */
  async function addLine(actor: Actor, invoiceId: number, input: unknown, source?: LineSource): Promise<InvoiceLine> {
    const staff = requireStaff(actor);
    const data = parseInput(lineSchema, input);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
    // A service or product line takes the owner's standing discount (the loyalty tier) unless staff set one.
    const standing = async () => data.discountPercent ?? (invoice?.ownerId ? await sockets.discounts.percentFor(invoice.ownerId) : '0');
    let line: NewLine;
    if (data.productId) {
      const product = (await store.products.priceList([data.productId])).get(data.productId);
      if (!product) throw new NotFoundError('billing.product_not_found', `Product ${data.productId} not found.`);
      if (!Number.isInteger(data.quantity)) throw ValidationError.forField('billing.whole_units', 'quantity', 'Products are sold in whole units.');
      line = {
        description: product.name,
        quantity: String(data.quantity),
        unitPrice: data.unitPrice ?? product.price,
        discountPercent: await standing(),
        taxClass: product.taxClass,
        productId: product.id,
        satProductCode: product.satProductCode,
        satUnitCode: product.satUnitCode,
        stockTaken: data.quantity,
      };
    } else if (data.serviceId) {
      const [service] = await appointments.appointments.servicesByIds([data.serviceId]);
      if (!service) throw new NotFoundError('billing.service_not_found', `Service ${data.serviceId} not found.`);
      line = {
        description: service.name,
        quantity: String(data.quantity),
        unitPrice: data.unitPrice ?? service.price,
        discountPercent: await standing(),
        taxClass: service.taxClass,
        serviceId: service.id,
        satProductCode: service.satProductCode,
        satUnitCode: service.satUnitCode,
      };
    } else {
      line = {
        description: data.description!,
        quantity: String(data.quantity),
        unitPrice: data.unitPrice!,
        discountPercent: data.discountPercent ?? '0',
        taxClass: data.taxClass,
        satProductCode: data.satProductCode,
        satUnitCode: data.satUnitCode,
      };
    }
    const given = line.productId && source?.visit ? { ...source.visit, productId: line.productId } : null;
    // Nothing to hand over (every unit was given in the visit): no prescription to check.
    const needsStock = !given || (await coveredByDoses(db, given, data.quantity)) < data.quantity;
    const rx = invoice && line.productId && needsStock ? await store.inventory.dispenseCheck(staff, line.productId, invoice.petId) : null;
    return db.transaction(async (tx) => {
      const draft = await lockDraft(tx, invoiceId);
      if (source) await claimSource(tx, source);
      if (given) {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`visit-doses:${given.id}:${given.productId}`}))`);
        line.stockTaken = data.quantity - (await coveredByDoses(tx, given, data.quantity));
        if (line.stockTaken > 0 && !rx)
          throw new ConflictError('billing.doses_changed', 'What was given in this visit changed meanwhile: add the charge again.');
      }
      if (line.productId && line.stockTaken! > 0) {
        await store.inventory.takeForSale(tx, line.productId, line.stockTaken!, {
          at: clock.now(),
          reason: 'sale',
          reference: `invoice:${invoiceId}`,
          by: staff.userId,
          book: rx?.product.isControlled ? { petId: draft.petId, ownerId: draft.ownerId, prescriptionId: rx.prescriptionId } : undefined,
        });
      }
      const [row] = await tx
        .insert(invoiceLineItems)
        .values({ ...line, invoiceId, lineTotal: '0', sortOrder: 1000, sourceKind: source?.kind ?? null, sourceId: source?.id ?? null })
        .returning();
      await reprice(tx, invoiceId);
      await audit(tx, staff, 'update', draft, invoiceId);
      return row!;
    });
  }

  /**
   * How many of `quantity` units of a visit item are doses already given in its visit (out of stock through
   * the controlled book): what the visit gave, less what live lines of the visit's other items of the same
   * product already charged without taking stock.
   */
  async function coveredByDoses(reader: DbOrTx, given: { id: number; itemIds: number[]; productId: number }, quantity: number) {
    const doses = await store.inventory.unitsGivenInVisit(reader, given.id, given.productId);
    if (doses === 0) return 0;
    const [charged] = await reader
      .select({ units: sql<number>`coalesce(sum(${invoiceLineItems.quantity} - ${invoiceLineItems.stockTaken}), 0)`.mapWith(Number) })
      .from(invoiceLineItems)
      .innerJoin(invoices, eq(invoices.id, invoiceLineItems.invoiceId))
      .where(
        and(
          eq(invoiceLineItems.sourceKind, 'visit_item'),
          inArray(invoiceLineItems.sourceId, given.itemIds),
          eq(invoiceLineItems.productId, given.productId),
          sql`${invoices.status} <> 'cancelled'`,
        ),
      );
    return Math.max(0, Math.min(quantity, doses - (charged?.units ?? 0)));
  }

  /**
   * A visit item goes on one live invoice at most and not once waived: two desks adding it at once
   * queue on a lock for that item, and the second finds the first's line.
   */
  async function claimSource(tx: Tx, source: { kind: ChargeSource; id: number }) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${source.kind}:${source.id}`}))`);
    const [taken] = await tx
      .select({ id: invoiceLineItems.id })
      .from(invoiceLineItems)
      .innerJoin(invoices, eq(invoices.id, invoiceLineItems.invoiceId))
      .where(and(eq(invoiceLineItems.sourceKind, source.kind), eq(invoiceLineItems.sourceId, source.id), sql`${invoices.status} <> 'cancelled'`))
      .limit(1);
    const [waived] = await tx
      .select({ id: chargeWaivers.id })
      .from(chargeWaivers)
      .where(and(eq(chargeWaivers.sourceKind, source.kind), eq(chargeWaivers.sourceId, source.id)));
    if (taken || waived) throw new ConflictError('billing.charge_not_pending', 'That charge is already invoiced or waived.');
  }

  /** Removes a draft line; a product's units go back to stock. */
  async function removeLine(actor: Actor, invoiceId: number, lineId: number): Promise<void> {
    const staff = requireStaff(actor);
    await db.transaction(async (tx) => {
      const draft = await lockDraft(tx, invoiceId);
      const [line] = await tx
        .delete(invoiceLineItems)
        .where(and(eq(invoiceLineItems.id, lineId), eq(invoiceLineItems.invoiceId, invoiceId)))
        .returning();
      if (!line) throw new NotFoundError('billing.line_not_found', 'That line is not on this invoice.');
      if (line.productId && line.stockTaken > 0) {
        await store.inventory.returnTaken(tx, line.productId, line.stockTaken, {
          at: clock.now(),
          reason: 'returned',
          reference: `invoice:${invoiceId}`,
          notes: 'line removed',
          by: staff.userId,
        });
      }
      await reprice(tx, invoiceId);
      await audit(tx, staff, 'update', draft, invoiceId);
    });
  }

  /** The patient a counter sale is for (a prescription product needs one); the pet must be the owner's. */
  async function setPet(actor: Actor, invoiceId: number, petId: number | null): Promise<Invoice> {
    const staff = requireStaff(actor);
    const pet = petId ? await vet.pets.getPet(petId, staff) : null;
    return db.transaction(async (tx) => {
      const draft = await lockDraft(tx, invoiceId);
      if (pet && pet.ownerId !== draft.ownerId) throw ValidationError.forField('billing.pet_not_owners', 'petId', 'This pet belongs to someone else.');
      await tx
        .update(invoices)
        .set({ petId: pet?.id ?? null, version: sql`${invoices.version} + 1` })
        .where(eq(invoices.id, invoiceId));
      return audit(tx, staff, 'update', draft, invoiceId);
    });
  }

  /** The live invoice of each of these appointments (staff), in one query. */
  async function invoicesOfAppointments(actor: Actor, appointmentIds: number[]): Promise<Map<number, Invoice>> {
    requireStaff(actor);
    if (appointmentIds.length === 0) return new Map();
    const rows = await db
      .select()
      .from(invoices)
      .where(and(inArray(invoices.appointmentId, appointmentIds), sql`${invoices.status} <> 'cancelled'`));
    return new Map(rows.map((r) => [r.appointmentId!, r]));
  }

  /** Draft → sent, due in PAYMENT_TERMS_DAYS. */
  async function issueInvoice(actor: Actor, invoiceId: number): Promise<Invoice> {
    const staff = requireStaff(actor);
    return db.transaction(async (tx) => {
      const draft = await lockDraft(tx, invoiceId);
      const row = await issueIn(tx, draft);
      await announceIssued(tx, row);
      return audit(tx, staff, 'issue', draft, invoiceId);
    });
  }

  /** Draft → sent. The caller announces it (`announceIssued`) once its amounts are final. */
  async function issueIn(tx: Tx, draft: Invoice): Promise<Invoice> {
    if (money(draft.total).lte(0)) throw new ValidationError('billing.empty_invoice', 'Add at least one line before issuing the invoice.');
    const dueDate = addLocalDays(today(), settings.PAYMENT_TERMS_DAYS);
    const [row] = await tx
      .update(invoices)
      .set({ status: 'sent', issuedAt: clock.now(), dueDate, version: sql`${invoices.version} + 1` })
      .where(eq(invoices.id, draft.id))
      .returning();
    return row!;
  }

  /** `get_invoice`: owners only their own (a stranger's invoice does not exist for them). */
  async function getInvoice(actor: Actor, invoiceId: number): Promise<InvoiceDetail> {
    const who = requireAuthenticated(actor);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
    if (!invoice || (!isStaff(who) && invoice.ownerId !== who.userId)) throw new NotFoundError('billing.invoice_not_found', `Invoice ${invoiceId} not found.`);
    const [lines, paid] = await Promise.all([
      db.select().from(invoiceLineItems).where(eq(invoiceLineItems.invoiceId, invoiceId)).orderBy(asc(invoiceLineItems.sortOrder), asc(invoiceLineItems.id)),
      db.select().from(payments).where(eq(payments.invoiceId, invoiceId)).orderBy(asc(payments.createdAt), asc(payments.id)),
    ]);
    return { ...invoice, lines, payments: paid, balance: balanceOf(invoice) };
  }

  /** Invoices, newest first: an owner's own; staff filter by owner and status. */
  async function listInvoices(actor: Actor, input: unknown = {}) {
    const who = requireAuthenticated(actor);
    const f = parseInput(invoiceListSchema, input);
    const owner = isStaff(who) ? f.ownerId : who.userId;
    const rows = await db
      .select()
      .from(invoices)
      .where(
        and(
          owner ? eq(invoices.ownerId, owner) : undefined,
          f.status ? eq(invoices.status, f.status) : undefined,
          isStaff(who) ? undefined : sql`${invoices.status} <> 'draft'`,
        ),
      )
      .orderBy(desc(invoices.createdAt), desc(invoices.id))
      .limit(f.pageSize + 1)
      .offset((f.page - 1) * f.pageSize);
    return pageOf(rows, f);
  }

  /** The invoice of an order (for its payment page). */
  async function invoiceOfOrder(actor: Actor, orderId: number): Promise<InvoiceDetail> {
    const [row] = await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.orderId, orderId));
    if (!row) throw new NotFoundError('billing.invoice_not_found', `Order ${orderId} has no invoice.`);
    return getInvoice(actor, row.id);
  }

  /**
   * Cancels an unpaid invoice (a paid one is refunded first); products go back to stock. An issued one
   * raises `invoice_cancelled` with the SAT's motive and the amounts it reverses.
   */
  async function cancelIn(
    tx: Tx,
    invoice: Invoice,
    by: string | null,
    reason: { motive: '01' | '02' | '03' | '04'; substituteInvoiceId?: number | null } = { motive: '02' },
  ) {
    if (invoice.status === 'cancelled') return invoice;
    if (money(invoice.amountPaid).gt(0)) throw new ConflictError('billing.has_payments', 'Refund the payments before cancelling this invoice.');
    if (invoice.cfdiStatus === 'stamped') throw new ConflictError('billing.cfdi_active', 'Cancel the CFDI with the SAT first.');
    if (!invoice.orderId) {
      const lines = await tx
        .select()
        .from(invoiceLineItems)
        .where(and(eq(invoiceLineItems.invoiceId, invoice.id), sql`${invoiceLineItems.stockTaken} > 0`));
      for (const line of lines) {
        await store.inventory.returnTaken(tx, line.productId!, line.stockTaken, {
          at: clock.now(),
          reason: 'returned',
          reference: `invoice:${invoice.id}`,
          notes: 'invoice cancelled',
          by,
        });
      }
    }
    const [row] = await tx
      .update(invoices)
      .set({ status: 'cancelled', cancelledAt: clock.now(), version: sql`${invoices.version} + 1` })
      .where(eq(invoices.id, invoice.id))
      .returning();
    if (invoice.status !== 'draft') {
      await events.emit(tx, invoiceCancelled, {
        ...invoiceRef(row!),
        motive: reason.motive,
        substituteInvoiceId: reason.substituteInvoiceId ?? null,
        orderId: row!.orderId,
        date: today(),
        breakdown: await breakdown(tx, row!),
      });
    }
    return row!;
  }

  async function cancelInvoice(actor: Actor, invoiceId: number, input: unknown = {}): Promise<Invoice> {
    const staff = requireStaff(actor);
    const data = parseInput(cancelInvoiceSchema, input);
    return db.transaction(async (tx) => {
      const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for('update');
      if (!invoice) throw new NotFoundError('billing.invoice_not_found', `Invoice ${invoiceId} not found.`);
      if (data.substituteInvoiceId === invoiceId)
        throw ValidationError.forField('billing.substitute_itself', 'substituteInvoiceId', 'An invoice cannot replace itself.');
      await cancelIn(tx, invoice, staff.userId, { motive: data.motive, substituteInvoiceId: data.substituteInvoiceId });
      return audit(tx, staff, 'cancel', invoice, invoiceId);
    });
  }

  /** A cancelled order's invoice goes with it (the sale did not happen), unless money was taken or its CFDI is stamped. */
  async function cancelForOrder(tx: Tx, orderId: number): Promise<void> {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.orderId, orderId)).for('update');
    if (!invoice || invoice.status === 'cancelled' || money(invoice.amountPaid).gt(0) || invoice.cfdiStatus === 'stamped') return;
    await cancelIn(tx, invoice, null, { motive: '03' });
  }

  /** Daily: sent or partly paid invoices past their due date become overdue, once, with an event. */
  async function markOverdue(): Promise<number> {
    return db.transaction(async (tx) => {
      const rows = await tx
        .update(invoices)
        .set({ status: 'overdue' })
        .where(and(inArray(invoices.status, ['sent', 'partial']), lt(invoices.dueDate, today())))
        .returning();
      for (const r of rows) await events.emit(tx, invoiceOverdue, { ...invoiceRef(r), dueDate: r.dueDate!, balance: balanceOf(r) });
      return rows.length;
    });
  }

  return {
    audit,
    createFromOrder,
    createFromAppointment,
    createManual,
    setPet,
    invoicesOfAppointments,
    addLine,
    claimSource,
    removeLine,
    issueInvoice,
    issueIn,
    announceIssued,
    breakdown,
    getInvoice,
    listInvoices,
    invoiceOfOrder,
    cancelIn,
    cancelInvoice,
    cancelForOrder,
    markOverdue,
    reprice,
    today,
    rates,
  };
}

export type InvoiceService = ReturnType<typeof createInvoiceService>;
