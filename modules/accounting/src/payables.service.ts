import {
  type Actor,
  addLocalDays,
  ConflictError,
  type EventContext,
  type EventPayload,
  type ModuleContext,
  money,
  NotFoundError,
  parseInput,
  roundMoney,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { accounts } from './accounting.tables';
import { agingReport } from './aging';
import { fromCents, toCents } from './cents';
import { LEDGER } from './chart';
import { type LedgerService, requireBookkeeper } from './ledger.service';
import { billCreated, billPaid } from './payables.events';
import { type BillRate, billFromCfdiSchema, billInputSchema, billListQuerySchema, billPaymentSchema, vendorInputSchema } from './payables.schemas';
import { billLines, billPayments, bills, type PAYMENT_TERMS, vendors } from './payables.tables';
import { billCreatedEntry, billPaidEntry } from './rules/bills';
import { type BillAmounts, readSupplierCfdi } from './supplier-cfdi';

export type Vendor = typeof vendors.$inferSelect;
type BillRow = typeof bills.$inferSelect;

const TERM_DAYS: Record<(typeof PAYMENT_TERMS)[number], number> = { immediate: 0, net15: 15, net30: 30, net60: 60 };
/** The IVA of each rate a supplier may charge (LIVA art. 1 and the border-zone decree): DIOT's own columns. */
const IVA_RATE: Record<BillRate, string> = { '16': '0.16', '8': '0.08', '0': '0', exempt: '0' };
const TAX_FIELDS = ['base16Cents', 'iva16Cents', 'base8Cents', 'iva8Cents', 'base0Cents', 'exemptCents', 'ivaWithheldCents', 'isrWithheldCents'] as const;
type TaxCents = Record<(typeof TAX_FIELDS)[number], number>;

const actorId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

function taxesInPesos(c: TaxCents) {
  return {
    base16: fromCents(c.base16Cents),
    iva16: fromCents(c.iva16Cents),
    base8: fromCents(c.base8Cents),
    iva8: fromCents(c.iva8Cents),
    base0: fromCents(c.base0Cents),
    exempt: fromCents(c.exemptCents),
    ivaWithheld: fromCents(c.ivaWithheldCents),
    isrWithheld: fromCents(c.isrWithheldCents),
  };
}

function billView(b: BillRow, v: Pick<Vendor, 'name' | 'rfc'>) {
  return {
    id: b.id,
    vendorId: b.vendorId,
    vendorName: v.name,
    vendorRfc: v.rfc,
    billNumber: b.billNumber,
    billDate: b.billDate,
    dueDate: b.dueDate,
    description: b.description,
    status: b.status,
    cfdiUuid: b.cfdiUuid,
    subtotal: fromCents(b.subtotalCents),
    discount: fromCents(b.discountCents),
    ...taxesInPesos(b),
    total: fromCents(b.totalCents),
    paid: fromCents(b.paidCents),
    balance: fromCents(b.totalCents - b.paidCents),
  };
}

/**
 * PayablesService: vendors, their bills (typed by hand or read from the supplier's CFDI), payments in part
 * or in full, and AP aging. A bill and a payment announce themselves in their transaction
 * (`bill_created`, `bill_paid`); the ledger consumer books them with the rules in rules/bills.ts.
 */
export function createPayablesService(ctx: ModuleContext, ledger: LedgerService) {
  const { db, events, clock } = ctx;

  async function accountByCode(reader: Pick<Tx, 'select'>, code: string, field: string) {
    const [row] = await reader.select().from(accounts).where(eq(accounts.code, code));
    if (!row) throw ValidationError.forField('accounting.account_unknown', field, `There is no account ${code}.`, { code });
    if (row.isGroup || !row.isActive) throw ValidationError.forField('accounting.account_not_postable', field, `Account ${code} takes no postings.`, { code });
    return row;
  }

  // ---- vendors ----

  async function vendorValues(reader: Pick<Tx, 'select'>, input: unknown) {
    const { defaultExpenseAccountCode, ...data } = parseInput(vendorInputSchema, input);
    const expense = defaultExpenseAccountCode ? await accountByCode(reader, defaultExpenseAccountCode, 'defaultExpenseAccountCode') : null;
    if (data.thirdPartyType === '05' && !data.country)
      throw ValidationError.forField('accounting.vendor_country', 'country', 'A foreign supplier needs its country for the DIOT.');
    return { ...data, foreignTaxId: data.foreignTaxId ?? null, country: data.country ?? null, defaultExpenseAccountId: expense?.id ?? null };
  }

  async function refuseTakenRfc(reader: Pick<Tx, 'select'>, rfc: string, thirdPartyType: string, exceptId?: number) {
    if (thirdPartyType !== '04') return;
    const [taken] = await reader
      .select({ id: vendors.id })
      .from(vendors)
      .where(and(eq(vendors.rfc, rfc), eq(vendors.thirdPartyType, '04')));
    if (taken && taken.id !== exceptId)
      throw ValidationError.forField('accounting.vendor_rfc_taken', 'rfc', `There is already a supplier with RFC ${rfc}.`, { rfc });
  }

  async function createVendor(actor: Actor, input: unknown): Promise<Vendor> {
    requireBookkeeper(actor);
    const values = await vendorValues(db, input);
    await refuseTakenRfc(db, values.rfc, values.thirdPartyType);
    const [row] = await db
      .insert(vendors)
      .values({ ...values, createdAt: clock.now() })
      .returning();
    return row!;
  }

  async function updateVendor(actor: Actor, vendorId: number, input: unknown): Promise<Vendor> {
    requireBookkeeper(actor);
    await getVendor(actor, vendorId);
    const values = await vendorValues(db, input);
    await refuseTakenRfc(db, values.rfc, values.thirdPartyType, vendorId);
    const [row] = await db.update(vendors).set(values).where(eq(vendors.id, vendorId)).returning();
    return row!;
  }

  async function getVendor(actor: Actor, vendorId: number): Promise<Vendor> {
    requireBookkeeper(actor);
    const [row] = await db.select().from(vendors).where(eq(vendors.id, vendorId));
    if (!row) throw new NotFoundError('accounting.vendor_not_found', `Vendor ${vendorId} not found.`);
    return row;
  }

  /** Vendors by name, with what the clinic owes each. */
  async function listVendors(actor: Actor) {
    requireBookkeeper(actor);
    const owed = db
      .select({ vendorId: bills.vendorId, balance: sql<string>`sum(${bills.totalCents} - ${bills.paidCents})`.as('balance') })
      .from(bills)
      .where(inArray(bills.status, ['pending', 'partial']))
      .groupBy(bills.vendorId)
      .as('owed');
    const rows = await db
      .select({ vendor: vendors, balance: owed.balance })
      .from(vendors)
      .leftJoin(owed, eq(owed.vendorId, vendors.id))
      .orderBy(asc(vendors.name));
    return rows.map((r) => ({ ...r.vendor, balance: fromCents(Number(r.balance ?? 0)) }));
  }

  // ---- bills ----

  interface NewBill {
    vendor: Vendor;
    billNumber: string;
    billDate: string;
    dueDate?: string;
    description: string;
    cfdiUuid: string | null;
    amounts: BillAmounts;
    lines: { accountCode: string; description: string; amountCents: number }[];
  }

  /** Writes a bill and its lines and announces it, in one transaction; a UUID already booked is refused. */
  async function insertBill(actor: Actor, bill: NewBill): Promise<number> {
    const a = bill.amounts;
    const linesCents = bill.lines.reduce((sum, l) => sum + l.amountCents, 0);
    if (linesCents + a.iva16Cents + a.iva8Cents - a.ivaWithheldCents - a.isrWithheldCents !== a.totalCents)
      throw ValidationError.forField('accounting.bill_unbalanced', 'lines', "The bill's lines, taxes and total do not add up.");
    if (a.totalCents <= 0) throw ValidationError.forField('accounting.bill_zero', 'lines', 'A bill is for more than zero.');
    const dueDate = bill.dueDate ?? addLocalDays(bill.billDate, TERM_DAYS[bill.vendor.paymentTerms]);
    if (dueDate < bill.billDate) throw ValidationError.forField('accounting.due_before_bill', 'dueDate', 'The due date is before the bill date.');
    return db.transaction(async (tx) => {
      if (bill.cfdiUuid) {
        const [dup] = await tx.select({ id: bills.id }).from(bills).where(eq(bills.cfdiUuid, bill.cfdiUuid));
        if (dup)
          throw new ConflictError('accounting.bill_duplicate_uuid', `The CFDI ${bill.cfdiUuid} is already booked as bill ${dup.id}.`, { uuid: bill.cfdiUuid });
      }
      const resolved = await Promise.all(bill.lines.map(async (l, i) => ({ ...l, account: await accountByCode(tx, l.accountCode, `lines.${i}.accountCode`) })));
      const [row] = await tx
        .insert(bills)
        .values({
          vendorId: bill.vendor.id,
          billNumber: bill.billNumber,
          billDate: bill.billDate,
          dueDate,
          description: bill.description,
          cfdiUuid: bill.cfdiUuid,
          ...a,
          createdBy: actorId(actor),
          createdAt: clock.now(),
        })
        .returning();
      await tx
        .insert(billLines)
        .values(resolved.map((l) => ({ billId: row!.id, accountId: l.account.id, description: l.description, amountCents: l.amountCents })));
      await events.emit(tx, billCreated, {
        billId: row!.id,
        billNumber: row!.billNumber,
        vendorId: bill.vendor.id,
        vendorName: bill.vendor.name,
        vendorRfc: bill.vendor.rfc,
        cfdiUuid: row!.cfdiUuid,
        date: row!.billDate,
        dueDate,
        subtotal: fromCents(a.subtotalCents),
        discount: fromCents(a.discountCents),
        taxes: taxesInPesos(a),
        total: fromCents(a.totalCents),
        lines: resolved.map((l) => ({ accountCode: l.account.code, description: l.description, amount: fromCents(l.amountCents) })),
      });
      return row!.id;
    });
  }

  /** `create_bill`: lines before IVA at their rate; the IVA of each rate is rounded once on its base. */
  async function createBill(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(billInputSchema, input);
    const vendor = await getVendor(actor, data.vendorId);
    const base: Record<BillRate, number> = { '16': 0, '8': 0, '0': 0, exempt: 0 };
    for (const l of data.lines) base[l.rate] += toCents(l.amount);
    const ivaOf = (rate: BillRate) => toCents(roundMoney(money(base[rate]).times(IVA_RATE[rate]).div(100)));
    const subtotal = Object.values(base).reduce((x, y) => x + y, 0);
    const amounts: BillAmounts = {
      subtotalCents: subtotal,
      discountCents: 0,
      base16Cents: base['16'],
      iva16Cents: ivaOf('16'),
      base8Cents: base['8'],
      iva8Cents: ivaOf('8'),
      base0Cents: base['0'],
      exemptCents: base.exempt,
      ivaWithheldCents: toCents(data.ivaWithheld ?? 0),
      isrWithheldCents: toCents(data.isrWithheld ?? 0),
      totalCents: 0,
    };
    amounts.totalCents = subtotal + amounts.iva16Cents + amounts.iva8Cents - amounts.ivaWithheldCents - amounts.isrWithheldCents;
    const id = await insertBill(actor, {
      vendor,
      billNumber: data.billNumber,
      billDate: data.billDate,
      dueDate: data.dueDate,
      description: data.description,
      cfdiUuid: null,
      amounts,
      lines: data.lines.map((l) => ({ accountCode: l.accountCode, description: l.description, amountCents: toCents(l.amount) })),
    });
    return getBill(actor, id);
  }

  /**
   * A bill from the supplier's CFDI: the vendor found by the emisor's RFC (created when new), the amounts
   * as the CFDI states them, its base (and any non-creditable tax) to one account.
   */
  async function createBillFromCfdi(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(billFromCfdiSchema, input);
    const cfdi = readSupplierCfdi(data.xml);
    let [vendor] = await db
      .select()
      .from(vendors)
      .where(and(eq(vendors.rfc, cfdi.emisor.rfc), eq(vendors.thirdPartyType, '04')));
    const vendorCreated = !vendor;
    if (!vendor) {
      [vendor] = await db
        .insert(vendors)
        .values({ name: cfdi.emisor.name || cfdi.emisor.rfc, rfc: cfdi.emisor.rfc, createdAt: clock.now() })
        .onConflictDoNothing()
        .returning();
      vendor ??= (
        await db
          .select()
          .from(vendors)
          .where(and(eq(vendors.rfc, cfdi.emisor.rfc), eq(vendors.thirdPartyType, '04')))
      )[0]!;
    }
    const accountCode =
      data.accountCode ??
      (vendor.defaultExpenseAccountId
        ? (await db.select({ code: accounts.code }).from(accounts).where(eq(accounts.id, vendor.defaultExpenseAccountId)))[0]?.code
        : undefined) ??
      LEDGER.generalExpenses;
    const a = cfdi.amounts;
    const id = await insertBill(actor, {
      vendor,
      billNumber: cfdi.billNumber,
      billDate: cfdi.date,
      dueDate: data.dueDate,
      description: `CFDI ${cfdi.uuid}`,
      cfdiUuid: cfdi.uuid,
      amounts: a,
      lines: [{ accountCode, description: '', amountCents: a.subtotalCents - a.discountCents + cfdi.otherTaxCents }],
    });
    return { ...(await getBill(actor, id)), vendorCreated };
  }

  async function getBill(actor: Actor, billId: number) {
    requireBookkeeper(actor);
    const [row] = await db.select({ bill: bills, vendor: vendors }).from(bills).innerJoin(vendors, eq(vendors.id, bills.vendorId)).where(eq(bills.id, billId));
    if (!row) throw new NotFoundError('accounting.bill_not_found', `Bill ${billId} not found.`);
    const [lines, payments] = await Promise.all([
      db
        .select({ line: billLines, code: accounts.code, name: accounts.name })
        .from(billLines)
        .innerJoin(accounts, eq(accounts.id, billLines.accountId))
        .where(eq(billLines.billId, billId))
        .orderBy(asc(billLines.id)),
      db
        .select({ payment: billPayments, code: accounts.code })
        .from(billPayments)
        .innerJoin(accounts, eq(accounts.id, billPayments.accountId))
        .where(eq(billPayments.billId, billId))
        .orderBy(asc(billPayments.id)),
    ]);
    return {
      ...billView(row.bill, row.vendor),
      lines: lines.map((l) => ({
        id: l.line.id,
        accountCode: l.code,
        accountName: l.name,
        description: l.line.description,
        amount: fromCents(l.line.amountCents),
      })),
      payments: payments.map((p) => ({
        id: p.payment.id,
        paidOn: p.payment.paidOn,
        method: p.payment.method,
        accountCode: p.code,
        reference: p.payment.reference,
        amount: fromCents(p.payment.amountCents),
      })),
    };
  }

  async function listBills(actor: Actor, query: unknown = {}) {
    requireBookkeeper(actor);
    const q = parseInput(billListQuerySchema, query);
    const status = q.status === 'open' ? inArray(bills.status, ['pending', 'partial']) : q.status ? eq(bills.status, q.status) : undefined;
    const rows = await db
      .select({ bill: bills, vendor: vendors })
      .from(bills)
      .innerJoin(vendors, eq(vendors.id, bills.vendorId))
      .where(and(status, q.vendorId ? eq(bills.vendorId, q.vendorId) : undefined))
      .orderBy(asc(bills.dueDate), asc(bills.id))
      .limit(500);
    return rows.map((r) => billView(r.bill, r.vendor));
  }

  // ---- payments ----

  /** The part of each of the bill's amounts a payment covers: in proportion, and all that is left with the last one. */
  async function paymentShare(tx: Tx, bill: BillRow, amountCents: number): Promise<TaxCents> {
    const remaining = bill.totalCents - bill.paidCents;
    const [paid] = await tx
      .select(
        Object.fromEntries(TAX_FIELDS.map((f) => [f, sql<string>`coalesce(sum(${billPayments[f]}), 0)`])) as Record<
          keyof TaxCents,
          ReturnType<typeof sql<string>>
        >,
      )
      .from(billPayments)
      .where(eq(billPayments.billId, bill.id));
    return Object.fromEntries(
      TAX_FIELDS.map((f) => [
        f,
        amountCents === remaining ? bill[f] - Number(paid![f]) : toCents(money(bill[f]).times(amountCents).div(bill.totalCents).div(100)),
      ]),
    ) as TaxCents;
  }

  /**
   * `pay_bill`: the bill's row is locked, so two payments at once see each other and never pay more than
   * the bill's total; the money leaves a bank or cash account of the chart.
   */
  async function payBill(actor: Actor, billId: number, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(billPaymentSchema, input);
    const amountCents = toCents(data.amount);
    return db.transaction(async (tx) => {
      const account = await accountByCode(tx, data.accountCode, 'accountCode');
      if (!account.isBank && !account.isCash)
        throw ValidationError.forField('accounting.not_money_account', 'accountCode', `Account ${account.code} is not a bank or cash account.`, {
          code: account.code,
        });
      const [bill] = await tx.select().from(bills).where(eq(bills.id, billId)).for('update');
      if (!bill) throw new NotFoundError('accounting.bill_not_found', `Bill ${billId} not found.`);
      if (bill.status === 'cancelled') throw new ConflictError('accounting.bill_cancelled', 'The bill is cancelled.');
      const remaining = bill.totalCents - bill.paidCents;
      if (amountCents > remaining)
        throw ValidationError.forField('accounting.overpayment', 'amount', `The bill owes ${fromCents(remaining)}; ${data.amount} is more.`, {
          balance: fromCents(remaining),
        });
      if (data.paidOn < bill.billDate) throw ValidationError.forField('accounting.paid_before_bill', 'paidOn', 'The payment is dated before the bill.');
      const share = await paymentShare(tx, bill, amountCents);
      const [payment] = await tx
        .insert(billPayments)
        .values({
          billId,
          paidOn: data.paidOn,
          method: data.method,
          accountId: account.id,
          reference: data.reference,
          amountCents,
          ...share,
          createdBy: actorId(actor),
          createdAt: clock.now(),
        })
        .returning();
      const paidCents = bill.paidCents + amountCents;
      const status = paidCents === bill.totalCents ? ('paid' as const) : ('partial' as const);
      await tx.update(bills).set({ paidCents, status }).where(eq(bills.id, billId));
      const [vendor] = await tx.select().from(vendors).where(eq(vendors.id, bill.vendorId));
      await events.emit(tx, billPaid, {
        billId,
        billNumber: bill.billNumber,
        vendorId: bill.vendorId,
        vendorName: vendor!.name,
        vendorRfc: vendor!.rfc,
        cfdiUuid: bill.cfdiUuid,
        paymentId: payment!.id,
        date: data.paidOn,
        amount: fromCents(amountCents),
        method: data.method,
        accountCode: account.code,
        reference: data.reference,
        taxes: taxesInPesos(share),
        balance: fromCents(bill.totalCents - paidCents),
      });
      return { id: payment!.id, billId, paidOn: data.paidOn, amount: fromCents(amountCents), balance: fromCents(bill.totalCents - paidCents), status };
    });
  }

  // ---- reports ----

  /** `get_aging_report`: what was owed on `asOf` (bills dated by then, less payments by then), per vendor and bucket. */
  async function agingReportOf(actor: Actor, asOf?: string) {
    requireBookkeeper(actor);
    const day = asOf ?? ledger.today();
    const paid = db
      .select({ billId: billPayments.billId, cents: sql<string>`sum(${billPayments.amountCents})`.as('cents') })
      .from(billPayments)
      .where(lte(billPayments.paidOn, day))
      .groupBy(billPayments.billId)
      .as('paid');
    const rows = await db
      .select({ bill: bills, vendor: vendors, paid: paid.cents })
      .from(bills)
      .innerJoin(vendors, eq(vendors.id, bills.vendorId))
      .leftJoin(paid, eq(paid.billId, bills.id))
      .where(and(lte(bills.billDate, day), sql`${bills.status} <> 'cancelled'`));
    return agingReport(
      day,
      rows.map((r) => ({
        key: String(r.vendor.id),
        name: r.vendor.name,
        rfc: r.vendor.rfc,
        dueDate: r.bill.dueDate,
        balanceCents: r.bill.totalCents - Number(r.paid ?? 0),
      })),
    );
  }

  /** Bills past their due date and not paid, oldest due first. */
  async function overdueBills(actor: Actor, asOf?: string) {
    const day = asOf ?? ledger.today();
    return (await listBills(actor, { status: 'open' })).filter((b) => b.dueDate < day);
  }

  // ---- posting (the ledger consumer) ----

  async function onBillCreated(p: EventPayload<typeof billCreated>, event: EventContext) {
    await ledger.postFromEvent(billCreatedEntry(p), event.eventId);
  }

  async function onBillPaid(p: EventPayload<typeof billPaid>, event: EventContext) {
    await ledger.postFromEvent(billPaidEntry(p), event.eventId);
  }

  return {
    createVendor,
    updateVendor,
    getVendor,
    listVendors,
    createBill,
    createBillFromCfdi,
    getBill,
    listBills,
    payBill,
    agingReport: agingReportOf,
    overdueBills,
    onBillCreated,
    onBillPaid,
  };
}

export type PayablesService = ReturnType<typeof createPayablesService>;
