import { readFileSync } from 'node:fs';
import { accountsModule } from '@petfriendly/accounts';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { money, outbox, systemActor } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalEntries, journalLines } from '../src/accounting.tables';
import { accountingModule } from '../src/index';
import { billCreated } from '../src/payables.events';
import { billPayments, bills } from '../src/payables.tables';
import type { AccountingServices } from '../src/services';
import { BillFactory, VendorFactory } from '../src/testing';

const SUPPLIER_CFDI = readFileSync(new URL('./fixtures/supplier-cfdi40.xml', import.meta.url), 'utf8');

let platform: TestPlatform;
let s: AccountingServices;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, accountingModule]);
  s = platform.services.accounting;
  accountant = await StaffFactory(platform, 'accountant');
});
afterAll(async () => platform?.close());

/** The lines the books posted for a reference, as [account, debit, credit, vendor]. */
async function posted(reference: string) {
  await platform.ctx.events.dispatch();
  const rows = await platform.ctx.db
    .select({ entry: journalEntries, line: journalLines })
    .from(journalLines)
    .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
    .where(eq(journalEntries.reference, reference))
    .orderBy(asc(journalLines.id));
  const codes = new Map((await s.ledger.listAccounts(accountant.actor)).map((a) => [a.id, a.code]));
  return rows.map((r) => [codes.get(r.line.accountId), r.line.debit, r.line.credit, r.line.vendorId]);
}

let vendorId: number;

describe('vendors', () => {
  it('keep the RFC and the DIOT fields, one vendor per national RFC', async () => {
    const vendor = await s.payables.createVendor(accountant.actor, {
      name: 'Distribuidora Veterinaria del Centro',
      rfc: 'dvc150320ab1',
      operationType: '85',
      paymentTerms: 'net30',
      defaultExpenseAccountCode: '6103',
    });
    vendorId = vendor.id;
    expect(vendor).toMatchObject({ rfc: 'DVC150320AB1', thirdPartyType: '04', operationType: '85', paymentTerms: 'net30' });
    await expect(s.payables.createVendor(accountant.actor, { name: 'Otra', rfc: 'DVC150320AB1' })).rejects.toMatchObject({
      code: 'accounting.vendor_rfc_taken',
      statusCode: 422,
    });
    await expect(s.payables.createVendor(accountant.actor, { name: 'Mal', rfc: '12345' })).rejects.toMatchObject({ statusCode: 422 });
    // Foreign suppliers share the generic RFC, and need a country.
    await expect(s.payables.createVendor(accountant.actor, { name: 'Zoetis US', rfc: 'XEXX010101000', thirdPartyType: '05' })).rejects.toMatchObject({
      code: 'accounting.vendor_country',
    });
    await s.payables.createVendor(accountant.actor, { name: 'Zoetis US', rfc: 'XEXX010101000', thirdPartyType: '05', country: 'usa' });
    await s.payables.createVendor(accountant.actor, { name: 'Idexx US', rfc: 'XEXX010101000', thirdPartyType: '05', country: 'USA' });
  });

  it('are closed to veterinarians and receptionists', async () => {
    const vet = await StaffFactory(platform, 'veterinarian');
    await expect(s.payables.listVendors(vet.actor)).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('bills', () => {
  it('typed by hand: IVA per rate, booked from bill_created to expense and inventory, IVA pending, the supplier owed', async () => {
    const bill = await s.payables.createBill(accountant.actor, {
      vendorId,
      billNumber: 'A-1001',
      billDate: '2026-03-02',
      lines: [
        { accountCode: '6103', description: 'Material de curación', amount: '1000.00', rate: '16' },
        { accountCode: '1106', description: 'Alimento medicado', amount: '500.00', rate: '0' },
      ],
    });
    expect(bill).toMatchObject({ subtotal: '1500.00', base16: '1000.00', iva16: '160.00', base0: '500.00', total: '1660.00', balance: '1660.00' });
    expect(bill.dueDate).toBe('2026-04-01'); // net30
    expect(await posted(`bill:${bill.id}`)).toEqual([
      ['6103', '1000.00', '0.00', null],
      ['1106', '500.00', '0.00', null],
      ['1108', '160.00', '0.00', null],
      ['2101', '0.00', '1660.00', vendorId],
    ]);
    const [event] = await platform.ctx.db.select().from(outbox).where(eq(outbox.name, billCreated.name)).orderBy(desc(outbox.position)).limit(1);
    const p = event!.payload as { total: string; lines: { amount: string }[]; taxes: Record<string, string> };
    const sum = p.lines
      .reduce((a, l) => a.plus(l.amount), money(0))
      .plus(p.taxes.iva16!)
      .plus(p.taxes.iva8!)
      .minus(p.taxes.ivaWithheld!)
      .minus(p.taxes.isrWithheld!);
    expect(sum.toFixed(2)).toBe(p.total);
  });

  it("from the supplier's CFDI: the vendor by RFC (new), UUID, date, amounts; the same UUID twice is refused", async () => {
    const bill = await s.payables.createBillFromCfdi(accountant.actor, { xml: SUPPLIER_CFDI });
    expect(bill).toMatchObject({
      vendorCreated: true,
      vendorRfc: 'EKU9003173C9',
      vendorName: 'ESCUELA KEMPER URGATE',
      cfdiUuid: '6f35d3b5-3651-5370-bc2c-14cdbe384cd7',
      billDate: '2025-02-19',
      subtotal: '3824.15',
      discount: '956.04',
      base16: '2868.11',
      iva16: '458.90',
      total: '3327.01',
    });
    expect(await posted(`bill:${bill.id}`)).toEqual([
      ['6103', '2868.11', '0.00', null],
      ['1108', '458.90', '0.00', null],
      ['2101', '0.00', '3327.01', bill.vendorId],
    ]);
    await expect(s.payables.createBillFromCfdi(accountant.actor, { xml: SUPPLIER_CFDI })).rejects.toMatchObject({
      code: 'accounting.bill_duplicate_uuid',
      statusCode: 409,
    });
    const again = await s.payables.createBillFromCfdi(accountant.actor, {
      xml: SUPPLIER_CFDI.replace('6F35D3B5-3651-5370-BC2C-14CDBE384CD7', '6F35D3B5-3651-5370-BC2C-14CDBE384CD8'),
      accountCode: '2102',
    });
    expect(again).toMatchObject({ vendorCreated: false, vendorId: bill.vendorId, lines: [{ accountCode: '2102', amount: '2868.11' }] });
  });

  it('reads withholdings and the 8 % border rate, and refuses what is not a stamped income CFDI', async () => {
    const withheld = SUPPLIER_CFDI.replace('SubTotal="3824.15" Total="3327.01"', 'SubTotal="3824.15" Total="2754.23"')
      .replace('6F35D3B5-3651-5370-BC2C-14CDBE384CD7', '11111111-2222-3333-4444-555555555555')
      .replace(
        '<cfdi:Impuestos TotalImpuestosTrasladados="458.90">',
        '<cfdi:Impuestos TotalImpuestosRetenidos="572.78" TotalImpuestosTrasladados="458.90"><cfdi:Retenciones><cfdi:Retencion Impuesto="001" Importe="286.81"/><cfdi:Retencion Impuesto="002" Importe="285.97"/></cfdi:Retenciones>',
      );
    const bill = await s.payables.createBillFromCfdi(accountant.actor, { xml: withheld });
    expect(bill).toMatchObject({ isrWithheld: '286.81', ivaWithheld: '285.97', total: '2754.23' });
    expect(await posted(`bill:${bill.id}`)).toContainEqual(['2107', '0.00', '285.97', null]);
    const border = SUPPLIER_CFDI.replace('Total="3327.01"', 'Total="3097.56"')
      .replace('6F35D3B5-3651-5370-BC2C-14CDBE384CD7', '11111111-2222-3333-4444-666666666666')
      .replaceAll('TasaOCuota="0.160000" Importe="458.90"', 'TasaOCuota="0.080000" Importe="229.45"')
      .replace('TotalImpuestosTrasladados="458.90"', 'TotalImpuestosTrasladados="229.45"');
    expect(await s.payables.createBillFromCfdi(accountant.actor, { xml: border })).toMatchObject({ base8: '2868.11', iva8: '229.45', base16: '0.00' });

    const refused = async (xml: string, code: string) =>
      expect(s.payables.createBillFromCfdi(accountant.actor, { xml })).rejects.toMatchObject({ code, statusCode: 422 });
    await refused('<not-a-cfdi>'.padEnd(60, ' '), 'accounting.cfdi_unreadable');
    await refused(SUPPLIER_CFDI.replace(/<cfdi:Complemento>[\s\S]*<\/cfdi:Complemento>/, ''), 'accounting.cfdi_not_stamped');
    await refused(SUPPLIER_CFDI.replace('TipoDeComprobante="I"', 'TipoDeComprobante="E"'), 'accounting.cfdi_not_income');
    await refused(SUPPLIER_CFDI.replace('Total="3327.01"', 'Total="3327.02"'), 'accounting.cfdi_totals');
  });
});

describe('paying a bill', () => {
  it('in parts: IVA becomes creditable in proportion, the last payment takes the rest; never more than owed', async () => {
    const [bill] = await platform.ctx.db.select().from(bills).where(eq(bills.billNumber, 'A-1001'));
    const first = await s.payables.payBill(accountant.actor, bill!.id, {
      amount: '1000.00',
      paidOn: '2026-03-05',
      accountCode: '1102.01',
      reference: 'SPEI 0038812',
    });
    expect(first).toMatchObject({ amount: '1000.00', balance: '660.00', status: 'partial' });
    expect(await posted(`bill-payment:${first.id}`)).toEqual([
      ['2101', '1000.00', '0.00', vendorId],
      ['1102.01', '0.00', '1000.00', null],
      ['1107', '96.39', '0.00', null], // 160.00 × 1000 / 1660
      ['1108', '0.00', '96.39', null],
    ]);
    await expect(s.payables.payBill(accountant.actor, bill!.id, { amount: '660.01', paidOn: '2026-03-06', accountCode: '1101' })).rejects.toMatchObject({
      code: 'accounting.overpayment',
      statusCode: 422,
    });
    await expect(s.payables.payBill(accountant.actor, bill!.id, { amount: '10.00', paidOn: '2026-03-06', accountCode: '6103' })).rejects.toMatchObject({
      code: 'accounting.not_money_account',
    });
    const last = await s.payables.payBill(accountant.actor, bill!.id, { amount: '660.00', paidOn: '2026-03-06', method: 'cash', accountCode: '1101' });
    expect(last).toMatchObject({ balance: '0.00', status: 'paid' });
    expect((await posted(`bill-payment:${last.id}`)).slice(2)).toEqual([
      ['1107', '63.61', '0.00', null],
      ['1108', '0.00', '63.61', null],
    ]);
    const shares = await platform.ctx.db.select().from(billPayments).where(eq(billPayments.billId, bill!.id));
    expect(shares.reduce((a, p) => a + p.iva16Cents, 0)).toBe(16000);
    expect(shares.reduce((a, p) => a + p.base0Cents, 0)).toBe(50000);
    expect(await s.ledger.getAccountBalance(accountant.actor, (await s.ledger.getAccount(accountant.actor, { code: '1108' })).id)).toBe(
      // what is left pending is the CFDI bills' IVA, unpaid: 3 × 458.90 + 229.45
      '1606.15',
    );
  });

  it('twice at the same moment never pays more than the bill', async () => {
    const bill = await s.payables.createBill(accountant.actor, {
      vendorId,
      billNumber: 'A-1002',
      billDate: '2026-03-09',
      lines: [{ accountCode: '6103', amount: '1000.00' }],
    });
    const results = await Promise.allSettled(
      [1, 2].map(() => s.payables.payBill(accountant.actor, bill.id, { amount: '1000.00', paidOn: '2026-03-10', accountCode: '1102.01' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'accounting.overpayment' } });
    expect(await s.payables.getBill(accountant.actor, bill.id)).toMatchObject({ paid: '1000.00', balance: '160.00', status: 'partial' });
  });
});

describe('AP aging', () => {
  it('puts what is owed in buckets by days past due, on any day', async () => {
    // A-1002 (160.00) is due 2026-04-08; the CFDI bills (3327.01, 3327.01, 2754.23, 3097.56) were due 2025-03-21.
    const now = await s.payables.agingReport(accountant.actor, '2026-03-10');
    expect(now.totals).toMatchObject({ current: '160.00', over90: '12505.81', total: '12665.81' });
    const then = await s.payables.agingReport(accountant.actor, '2025-04-25');
    expect(then.totals).toMatchObject({ current: '0.00', days31to60: '12505.81', total: '12505.81' });
    // Before A-1001 was paid it was owed in full.
    const march4 = await s.payables.agingReport(accountant.actor, '2026-03-04');
    expect(march4.rows.find((r) => r.rfc === 'DVC150320AB1')).toMatchObject({ current: '1660.00' });
    expect((await s.payables.overdueBills(accountant.actor)).map((b) => b.total)).toEqual(['3327.01', '3327.01', '2754.23', '3097.56']);
  });
});

describe('the test factories', () => {
  it('make a supplier and a bill past its due date that the overdue list shows, with its IVA', async () => {
    const vendor = await VendorFactory(platform, { name: 'Laboratorios del Valle' });
    const bill = await BillFactory(platform, { vendorId: vendor.id, billDate: '2026-01-05', dueDate: '2026-02-04', amount: '250.00' });
    expect(bill).toMatchObject({ subtotal: '250.00', total: '290.00', status: 'pending' });
    const overdue = await s.payables.overdueBills(systemActor, '2026-03-01');
    expect(overdue.map((b) => [b.id, b.total])).toContainEqual([bill.id, '290.00']);
  });
});
