import {
  type Actor,
  ConflictError,
  clinicInstant,
  dateTimeFormat,
  isStaff,
  localDate,
  type ModuleContext,
  type Money,
  money,
  NotFoundError,
  parseInput,
  requireAuthenticated,
  requireStaff,
  ServiceError,
  taxTreatment,
  ValidationError,
} from '@petfriendly/core';
import type { StoreBillingPort } from '@petfriendly/store';
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { cfdiCancelled, cfdiStamped } from './billing.events';
import { cancelCfdiSchema, globalInvoiceSchema } from './billing.schemas';
import type { BillingSettings } from './billing.settings';
import { type CardType, invoiceLineItems, invoices, type PaymentMethod, payments } from './billing.tables';
import {
  buildIngreso,
  buildPago,
  type CfdiConcept,
  type CfdiIssuer,
  type CfdiReceiver,
  type CfdiTrasladoSummary,
  type Csd,
  FacturamaPac,
  LocalPac,
  loadCsd,
  type PacProvider,
  publicoEnGeneral,
  readCfdi,
  readTimbre,
  renderCfdiPdf,
  sealCfdi,
  validateCfdi,
} from './cfdi/index';
import type { CfdiIvaRate } from './cfdi/types';
import type { FiscalService } from './fiscal.service';
import { type Invoice, type InvoiceService, invoiceRef } from './invoice.service';
import { csdFiles } from './issuer.service';

const FORMA_PAGO: Record<PaymentMethod, string> = { cash: '01', transfer: '03', stripe_card: '04', manual_card: '04', account_credit: '17' };
/** The SAT's forma de pago: a card at the terminal is 28 when it was a debit card, 04 (credit) otherwise. */
export const formaPagoOf = (method: PaymentMethod, cardType: CardType | null): string =>
  method === 'manual_card' && cardType === 'debit' ? '28' : FORMA_PAGO[method];

/** The first day of the month after `YYYY-MM`. */
const nextMonth = (month: string) => {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  return mm === 12 ? `${year + 1}-01-01` : `${year}-${String(mm + 1).padStart(2, '0')}-01`;
};

export function createPac(settings: BillingSettings): PacProvider {
  if (settings.CFDI_PROVIDER === 'facturama' && settings.FACTURAMA_USER && settings.FACTURAMA_PASSWORD) {
    return new FacturamaPac({ environment: settings.CFDI_ENVIRONMENT, user: settings.FACTURAMA_USER, password: settings.FACTURAMA_PASSWORD });
  }
  return new LocalPac();
}

/**
 * CFDI 4.0 for invoices: built from the invoice's lines, sealed with the clinic's CSD, checked against
 * the SAT's XSD, stamped by the PAC (Facturama) or kept sealed-but-unstamped without one. PUE when the
 * invoice is paid, PPD otherwise (each later payment then gets a Pagos 2.0 receipt). Sales to the
 * general public go into a monthly global invoice.
 */
export function createCfdiService(
  ctx: ModuleContext,
  invoiceService: InvoiceService,
  store: Pick<StoreBillingPort, 'orders'>,
  fiscal: FiscalService,
  settings: BillingSettings,
  pac: PacProvider = createPac(settings),
) {
  const { db, clock, events, storage } = ctx;
  const tz = ctx.clinic.TIME_ZONE;
  // Read at each use: an admin may change the fiscal data and the CSD while the clinic runs (setup).
  const issuerOf = (): CfdiIssuer => ({
    rfc: settings.ISSUER_RFC,
    name: settings.ISSUER_NAME,
    regimenFiscal: settings.ISSUER_REGIMEN,
    lugarExpedicion: settings.ISSUER_POSTAL_CODE,
  });
  let csd: { source: string; csd: Csd } | null = null;
  async function csdOf(): Promise<Csd> {
    const source = JSON.stringify([settings.CSD_STORAGE_KEY, settings.CSD_CER_PATH, settings.CSD_KEY_PATH, settings.CSD_PASSWORD]);
    if (csd?.source !== source) csd = { source, csd: loadCsd({ ...(await csdFiles(settings, storage)), password: settings.CSD_PASSWORD }) };
    return csd.csd;
  }
  /** An instant as clinic-local 'YYYY-MM-DDTHH:MM:SS', as the CFDI's dates want it. */
  const localDateTime = (instant: Date) =>
    dateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .format(instant)
      .replace(' ', 'T');
  /** Clinic-local time of issue, as the CFDI's Fecha wants it. */
  const fecha = () => localDateTime(new Date(clock.now().getTime() - 60_000));

  function conceptOf(line: typeof invoiceLineItems.$inferSelect, noIdentificacion?: string): CfdiConcept {
    const tax = taxTreatment(line.taxClass, invoiceService.rates);
    return {
      claveProdServ: line.satProductCode,
      noIdentificacion,
      cantidad: money(line.quantity).toString(),
      claveUnidad: line.satUnitCode,
      descripcion: line.description,
      valorUnitario: money(line.unitValue).toString(),
      descuento: money(line.discountAmount).gt(0) ? money(line.discountAmount).toString() : undefined,
      tax: tax.kind === 'exempt' ? { kind: 'exento' } : { kind: 'tasa', rate: money(tax.rate).toFixed(6) as CfdiIvaRate },
    };
  }

  /** What each forma de pago brought in for these invoices (refunds netted out). */
  async function paidByForma(invoiceIds: number[]): Promise<Map<string, Money>> {
    const rows = await db
      .select({ method: payments.paymentMethod, cardType: payments.cardType, total: sql<string>`sum(${payments.amount})` })
      .from(payments)
      .where(inArray(payments.invoiceId, invoiceIds))
      .groupBy(payments.paymentMethod, payments.cardType);
    const byForma = new Map<string, Money>();
    for (const r of rows) {
      const forma = formaPagoOf(r.method, r.cardType);
      byForma.set(forma, (byForma.get(forma) ?? money(0)).plus(r.total));
    }
    return byForma;
  }

  /** The forma de pago the CFDI names: the one that paid most. */
  async function mainFormaPago(invoiceIds: number[]): Promise<string> {
    const top = [...(await paidByForma(invoiceIds))].filter(([, total]) => total.gt(0)).sort((a, b) => b[1].comparedTo(a[1]))[0];
    return top ? top[0] : '99';
  }

  /** Seals, validates and (with a PAC) stamps; the invoice row is claimed first so one CFDI is made once. */
  async function seal(
    invoice: Invoice,
    receiver: CfdiReceiver,
    concepts: CfdiConcept[],
    extra: { informacionGlobal?: { periodicidad: string; meses: string; anio: string } } = {},
  ) {
    const paidInFull = invoice.status === 'paid';
    const metodoPago = paidInFull ? 'PUE' : 'PPD';
    const built = buildIngreso({
      serie: settings.INVOICE_SERIES,
      folio: String(invoice.id),
      fecha: fecha(),
      formaPago: paidInFull ? await mainFormaPago([invoice.id]) : '99',
      metodoPago,
      issuer: issuerOf(),
      receiver,
      concepts,
      ...extra,
    });
    if (built.totals.total !== money(invoice.total).toFixed(2)) {
      throw new ServiceError('billing.cfdi_total_mismatch', `CFDI total ${built.totals.total} differs from invoice total ${invoice.total}.`);
    }
    const sealed = sealCfdi(built.xml, await csdOf());
    const check = await validateCfdi(sealed);
    if (!check.valid) throw new ServiceError('billing.cfdi_invalid', `The CFDI does not validate: ${check.errors.slice(0, 3).join('; ')}`);
    const claimed = await db
      .update(invoices)
      .set({ cfdiStatus: 'sealed', cfdiXml: sealed, cfdiMetodoPago: metodoPago, cfdiIssuedAt: clock.now(), cfdiTaxes: built.totals.traslados })
      .where(and(eq(invoices.id, invoice.id), eq(invoices.cfdiStatus, 'none')))
      .returning();
    if (claimed.length === 0) throw new ConflictError('billing.cfdi_exists', `Invoice ${invoice.invoiceNumber} already has a CFDI.`);
    return stampAndStore(claimed[0]!);
  }

  async function stampAndStore(invoice: Invoice): Promise<Invoice> {
    let xml = invoice.cfdiXml!;
    let uuid: string | null = null;
    let pacId: string | null = null;
    if (pac.stamps) {
      const stamped = await pac.stamp(xml, { reference: invoice.invoiceNumber });
      ({ xml, uuid } = stamped);
      pacId = stamped.pacId ?? null;
    }
    const pdf = await renderCfdiPdf({ xml, clinicName: ctx.clinic.NAME, locale: 'es' });
    const key = `billing/cfdi/${invoice.invoiceNumber}.pdf`;
    await storage.put(key, pdf);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(invoices)
        .set({ cfdiXml: xml, cfdiUuid: uuid, cfdiPacId: pacId, cfdiPdf: key, cfdiStatus: uuid ? 'stamped' : 'sealed' })
        .where(eq(invoices.id, invoice.id))
        .returning();
      await events.emit(tx, cfdiStamped, { ...invoiceRef(row!), uuid, stamped: uuid !== null, receiverRfc: readCfdi(xml).receptor.rfc });
      return row!;
    });
  }

  /** `issue_cfdi`: staff for any invoice, an owner for their own (a factura with their RFC). */
  async function issueCfdi(actor: Actor, invoiceId: number): Promise<Invoice> {
    const who = requireAuthenticated(actor);
    const invoice = await invoiceService.getInvoice(who, invoiceId);
    if (invoice.status === 'draft' || invoice.status === 'cancelled')
      throw new ConflictError('billing.not_invoiceable', `Invoice ${invoice.invoiceNumber} must be issued and not cancelled.`);
    if (invoice.globalInvoiceId) throw new ConflictError('billing.in_global_invoice', 'This sale was already reported in the monthly global invoice.');
    if (invoice.cfdiStatus === 'sealed' && pac.stamps) return stampAndStore(invoice);
    const receiver = await fiscal.receiverOf(invoice.ownerId!);
    if (!receiver) throw new ValidationError('billing.fiscal_data_missing', 'Add the RFC and fiscal data before asking for a factura.');
    return seal(
      invoice,
      receiver,
      invoice.lines.map((l) => conceptOf(l)),
    );
  }

  /** Cancels a CFDI with the SAT's motive (01 needs the replacing UUID); a sealed-only one never reached the SAT, so no PAC is asked. */
  async function cancelCfdi(actor: Actor, invoiceId: number, input: unknown): Promise<Invoice> {
    requireStaff(actor, ['manager', 'admin']);
    const data = parseInput(cancelCfdiSchema, input);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
    if (!invoice) throw new NotFoundError('billing.invoice_not_found', `Invoice ${invoiceId} not found.`);
    if (invoice.cfdiStatus === 'none' || invoice.cfdiStatus === 'cancelled')
      throw new ConflictError('billing.no_cfdi', `Invoice ${invoice.invoiceNumber} has no active CFDI.`);
    const result = invoice.cfdiUuid
      ? await pac.cancel({
          uuid: invoice.cfdiUuid,
          issuerRfc: settings.ISSUER_RFC,
          motive: data.motive,
          replacementUuid: data.replacementUuid,
          pacId: invoice.cfdiPacId ?? undefined,
        })
      : { status: 'cancelled' as const };
    return db.transaction(async (tx) => {
      // The cancelled CFDI keeps its XML and PDF, with the SAT's acuse when the PAC gave one: both stay downloadable.
      const [row] = await tx
        .update(invoices)
        .set({
          cfdiStatus: result.status === 'cancelled' ? 'cancelled' : 'cancel_pending',
          cfdiCancelMotive: data.motive,
          cfdiCancelledAt: clock.now(),
          cfdiAcuse: result.acuse ?? null,
        })
        .where(eq(invoices.id, invoiceId))
        .returning();
      if (invoice.cfdiUuid) await events.emit(tx, cfdiCancelled, { ...invoiceRef(row!), uuid: invoice.cfdiUuid, motive: data.motive });
      return row!;
    });
  }

  /** Pagos 2.0 receipt for a payment on a PPD invoice (run as a job after the payment). */
  async function issuePaymentComplement(paymentId: number): Promise<string | null> {
    const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
    if (!payment || payment.refundOf || payment.complementXml) return null;
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, payment.invoiceId));
    if (invoice?.cfdiMetodoPago !== 'PPD' || invoice.cfdiStatus === 'none' || invoice.cfdiStatus === 'cancelled') return null;
    const receiver = invoice.ownerId ? await fiscal.receiverOf(invoice.ownerId) : null;
    if (!receiver) return null;
    const earlier = await db
      .select()
      .from(payments)
      .where(and(eq(payments.invoiceId, invoice.id), isNull(payments.refundOf), lt(payments.id, payment.id)));
    const before = earlier.reduce((sum, p) => sum.plus(p.amount), money(0));
    const built = buildPago({
      serie: settings.PAYMENT_SERIES,
      folio: String(payment.id),
      fecha: fecha(),
      issuer: issuerOf(),
      receiver,
      payment: {
        fechaPago: localDateTime(payment.createdAt),
        formaDePago: formaPagoOf(payment.paymentMethod, payment.cardType),
      },
      documents: [
        {
          uuid: invoice.cfdiUuid ?? readTimbre(invoice.cfdiXml!)?.uuid ?? '00000000-0000-0000-0000-000000000000',
          serie: settings.INVOICE_SERIES,
          folio: String(invoice.id),
          numParcialidad: earlier.length + 1,
          saldoAnterior: money(invoice.total).minus(before).toFixed(2),
          importePagado: money(payment.amount).toFixed(2),
          invoiceTotal: money(invoice.total).toFixed(2),
          invoiceTraslados: (invoice.cfdiTaxes ?? []) as CfdiTrasladoSummary[],
        },
      ],
    });
    let xml = sealCfdi(built.xml, await csdOf());
    let uuid: string | null = null;
    if (pac.stamps) ({ xml, uuid } = await pac.stamp(xml, { reference: `${settings.PAYMENT_SERIES}-${payment.id}` }));
    await db.update(payments).set({ complementXml: xml, complementUuid: uuid }).where(eq(payments.id, payment.id));
    return xml;
  }

  /**
   * The monthly global invoice (público en general, InformacionGlobal): every paid sale of the month
   * without a CFDI of its own, one concept per sale and tax rate. Run on the 1st for the month before,
   * or from the desk. A sale whose order was cancelled is left out (its money goes back), and the
   * sales are locked, so two runs at once cannot report one sale twice.
   */
  async function globalInvoiceFor(month: string): Promise<Invoice | null> {
    const [year, mm] = month.split('-');
    const from = clinicInstant(`${month}-01`, '00:00', tz);
    const to = clinicInstant(nextMonth(month), '00:00', tz);
    const global = await db.transaction(async (tx) => {
      const candidates = await tx
        .select()
        .from(invoices)
        .where(
          and(
            eq(invoices.kind, 'standard'),
            eq(invoices.status, 'paid'),
            eq(invoices.cfdiStatus, 'none'),
            isNull(invoices.globalInvoiceId),
            gte(invoices.paidAt, from),
            lt(invoices.paidAt, to),
          ),
        )
        .orderBy(asc(invoices.id))
        .for('update');
      const orderIds = candidates.flatMap((i) => (i.orderId ? [i.orderId] : []));
      const cancelledOrders = new Set(
        (orderIds.length ? await store.orders.ordersByIds(orderIds) : []).filter((o) => o.status === 'cancelled').map((o) => o.id),
      );
      const sales = candidates.filter((i) => !i.orderId || !cancelledOrders.has(i.orderId));
      if (sales.length === 0) return null;
      const lines = await tx
        .select()
        .from(invoiceLineItems)
        .where(
          inArray(
            invoiceLineItems.invoiceId,
            sales.map((s) => s.id),
          ),
        );
      const globalLines = sales.flatMap((sale) => {
        const own = lines.filter((l) => l.invoiceId === sale.id);
        return [...new Set(own.map((l) => l.taxClass))].map((taxClass) => {
          // What the customer paid for the sale's lines of this class (IVA included, after discounts).
          const paid = own.filter((l) => l.taxClass === taxClass).reduce((s, l) => s.plus(l.lineTotal), money(0));
          return {
            description: `Venta ${sale.invoiceNumber}`,
            quantity: '1',
            unitPrice: paid.toFixed(2),
            taxClass,
            satProductCode: '01010101',
            satUnitCode: 'ACT',
          };
        });
      });
      const [draft] = await tx
        .insert(invoices)
        .values({
          invoiceNumber: `tmp-global-${month}-${clock.now().getTime()}`,
          kind: 'global',
          status: 'paid',
          issuedAt: clock.now(),
          paidAt: clock.now(),
          createdAt: clock.now(),
        })
        .returning();
      await tx
        .update(invoices)
        .set({ invoiceNumber: `${settings.GLOBAL_SERIES}-${month}-${draft!.id}` })
        .where(eq(invoices.id, draft!.id));
      await tx.insert(invoiceLineItems).values(globalLines.map((l, i) => ({ ...l, invoiceId: draft!.id, lineTotal: '0', sortOrder: i })));
      const priced = await invoiceService.reprice(tx, draft!.id);
      const [paid] = await tx.update(invoices).set({ amountPaid: priced.total }).where(eq(invoices.id, draft!.id)).returning();
      await tx
        .update(invoices)
        .set({ globalInvoiceId: draft!.id })
        .where(
          inArray(
            invoices.id,
            sales.map((s) => s.id),
          ),
        );
      await invoiceService.announceIssued(tx, paid!, { covers: sales.map((s) => s.id) });
      return { ...paid!, covers: sales.map((s) => s.id) };
    });
    if (!global) return null;
    const ownLines = await db.select().from(invoiceLineItems).where(eq(invoiceLineItems.invoiceId, global.id)).orderBy(asc(invoiceLineItems.sortOrder));
    const formaPago = await mainFormaPago(global.covers);
    const built = buildIngreso({
      serie: settings.GLOBAL_SERIES,
      folio: String(global.id),
      fecha: fecha(),
      formaPago,
      metodoPago: 'PUE',
      issuer: issuerOf(),
      receiver: publicoEnGeneral(settings.ISSUER_POSTAL_CODE),
      concepts: ownLines.map((l) => conceptOf(l, l.description.replace('Venta ', ''))),
      informacionGlobal: { periodicidad: '04', meses: mm!, anio: year! },
    });
    const sealed = sealCfdi(built.xml, await csdOf());
    await db
      .update(invoices)
      .set({ cfdiStatus: 'sealed', cfdiXml: sealed, cfdiMetodoPago: 'PUE', cfdiIssuedAt: clock.now(), cfdiTaxes: built.totals.traslados })
      .where(eq(invoices.id, global.id));
    const { covers: _covers, ...row } = global;
    return stampAndStore({ ...row, cfdiXml: sealed });
  }

  /** `issue_global_invoice` at the desk: the global invoice of a month that is over. */
  async function issueGlobalInvoice(actor: Actor, input: unknown): Promise<Invoice> {
    requireStaff(actor, ['receptionist', 'manager', 'admin']);
    const { month } = parseInput(globalInvoiceSchema, input);
    const thisMonth = localDate(clock.now(), tz).slice(0, 7);
    if (month >= thisMonth)
      throw ValidationError.forField('billing.month_not_over', 'month', 'The global invoice is issued once the month is over.', { month });
    const global = await globalInvoiceFor(month);
    if (!global) throw new ConflictError('billing.nothing_to_report', `No sale of ${month} is left to report in a global invoice.`, { month });
    return global;
  }

  /** The invoice's CFDI as XML or PDF, or the acuse of its cancellation, for its owner or staff (a cancelled one too). */
  async function cfdiFile(
    actor: Actor,
    invoiceId: number,
    format: 'xml' | 'pdf' | 'acuse',
  ): Promise<{ filename: string; body: Buffer | string; type: string }> {
    const who = requireAuthenticated(actor);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
    if (!invoice || (!isStaff(who) && invoice.ownerId !== who.userId)) throw new NotFoundError('billing.invoice_not_found', `Invoice ${invoiceId} not found.`);
    if (!invoice.cfdiXml) throw new NotFoundError('billing.no_cfdi', `Invoice ${invoice.invoiceNumber} has no CFDI yet.`);
    const name = invoice.cfdiUuid ?? invoice.invoiceNumber;
    if (format === 'acuse') {
      if (!invoice.cfdiAcuse) throw new NotFoundError('billing.no_acuse', `Invoice ${invoice.invoiceNumber} has no cancellation receipt (acuse).`);
      return { filename: `${name}-acuse.xml`, body: invoice.cfdiAcuse, type: 'application/xml' };
    }
    if (format === 'xml') return { filename: `${name}.xml`, body: invoice.cfdiXml, type: 'application/xml' };
    const stored = invoice.cfdiPdf ? await storage.get(invoice.cfdiPdf) : null;
    return {
      filename: `${name}.pdf`,
      body: stored ? Buffer.from(stored) : await renderCfdiPdf({ xml: invoice.cfdiXml, clinicName: ctx.clinic.NAME, locale: who.language }),
      type: 'application/pdf',
    };
  }

  /** A payment's Pagos 2.0 receipt, for the invoice's owner or staff. */
  async function complementFile(actor: Actor, paymentId: number): Promise<{ filename: string; body: string; type: string }> {
    const who = requireAuthenticated(actor);
    const [row] = await db
      .select({ payment: payments, ownerId: invoices.ownerId })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .where(eq(payments.id, paymentId));
    if (!row || (!isStaff(who) && row.ownerId !== who.userId) || !row.payment.complementXml)
      throw new NotFoundError('billing.no_complement', `Payment ${paymentId} has no payment receipt (complemento de pago).`);
    return {
      filename: `${row.payment.complementUuid ?? `${settings.PAYMENT_SERIES}-${paymentId}`}.xml`,
      body: row.payment.complementXml,
      type: 'application/xml',
    };
  }

  return { issueCfdi, cancelCfdi, issuePaymentComplement, globalInvoiceFor, issueGlobalInvoice, cfdiFile, complementFile, pac };
}

export type CfdiService = ReturnType<typeof createCfdiService>;
