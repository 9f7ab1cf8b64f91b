import { StaffFactory } from '@petfriendly/accounts/testing';
import { outbox } from '@petfriendly/core';
import type { StoreServices } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import type { AccountingServices } from '../src/services';
import { hledgerInstalled, hledgerOn, yearBalances } from './support';

// A supplier delivers twice; its bill charges one delivery at a higher price than received; another supplier's delivery waits.
let t: TestApp;
let books: AccountingServices;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;
const RFC = 'DNO150320AB1';
const receipts: Record<'kibble' | 'shampoo' | 'other' | 'vaccine', number> = { kibble: 0, shampoo: 0, other: 0, vaccine: 0 };
let vendorId: number;
let billId: number;
let lineIds: number[];

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: accountant.auth, payload });
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: accountant.auth });

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  books = t.platform.services.accounting as AccountingServices;
  const store = t.platform.services.store as StoreServices;
  accountant = await StaffFactory(t.platform, 'accountant');
  const manager = await StaffFactory(t.platform, 'manager');
  const product = await ProductFactory(t.platform, { stock: 0 });
  const receive = async (quantity: number, costPerUnit: string, supplierRfc?: string) => {
    const batch = await store.inventory.receiveStock(manager.actor, {
      productId: product.id,
      quantity,
      costPerUnit,
      supplier: 'Distribuidora Norte',
      supplierRfc,
    });
    await t.platform.ctx.events.dispatch();
    const [event] = await t.platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'store.stock_received')).orderBy(desc(outbox.position)).limit(1);
    expect(event).toMatchObject({ version: 2, payload: { supplierRfc: supplierRfc?.toUpperCase() ?? null } });
    return (await books.receipts.listReceipts(accountant.actor, { status: 'all' })).find((r) => r.batchNumber === batch.batchNumber && r.quantity === quantity)!
      .id;
  };
  receipts.kibble = await receive(10, '50.00', RFC.toLowerCase());
  receipts.shampoo = await receive(4, '120.00', RFC);
  receipts.other = await receive(3, '80.00', 'OTR010101AB1');
  receipts.vaccine = await receive(2, '150.00');
  vendorId = (await books.payables.createVendor(accountant.actor, { name: 'Distribuidora Norte', rfc: RFC })).id;
  const bill = await books.payables.createBill(accountant.actor, {
    vendorId,
    billNumber: 'DN-900',
    billDate: '2026-03-10',
    lines: [
      { accountCode: '2102', description: '10 bultos a $52.00', amount: '520.00' },
      { accountCode: '2102', description: '4 champús', amount: '480.00' },
      { accountCode: '6103', description: 'Flete', amount: '100.00' },
    ],
  });
  billId = bill.id;
  lineIds = bill.lines.map((l) => l.id);
});
afterAll(async () => t?.close());

describe('purchase-receipt matching', () => {
  it('lists the receipts the books learnt from stock_received: a supplier’s and those without an RFC, not another’s', async () => {
    const res = await get(`/api/v1/accounting/receipts?supplierRfc=${RFC}`);
    expect(res.statusCode).toBe(200);
    const rows = json<{ id: number; supplierRfc: string | null; cost: string; unitCost: string }[]>(res);
    expect(rows.map((r) => r.id).sort()).toEqual([receipts.kibble, receipts.shampoo, receipts.vaccine].sort());
    expect(rows.find((r) => r.id === receipts.kibble)).toMatchObject({ supplierRfc: RFC, unitCost: '50.00', cost: '500.00' });
    expect((await get('/api/v1/accounting/receipts?supplierRfc=nope')).statusCode).toBe(422);
  });

  it('checks quantity and price three ways and flags the differences', async () => {
    const priced = await post(`/api/v1/accounting/bills/${billId}/receipt-matches`, {
      billLineId: lineIds[0],
      receiptId: receipts.kibble,
      quantity: 10,
      unitPrice: '52.00',
    });
    expect(priced.statusCode).toBe(201);
    expect(json(priced)).toMatchObject({ billedAmount: '520.00', difference: '20.00', quantityMismatch: false, priceMismatch: true, amountMismatch: false });
    const short = await post(`/api/v1/accounting/bills/${billId}/receipt-matches`, {
      billLineId: lineIds[1],
      receiptId: receipts.shampoo,
      quantity: 5,
      unitPrice: '120.00',
    });
    expect(json(short)).toMatchObject({ difference: '0.00', quantityMismatch: true, priceMismatch: false, amountMismatch: true });
  });

  it('refuses what does not fit with a 4xx that names the problem', async () => {
    const match = (body: object) => post(`/api/v1/accounting/bills/${billId}/receipt-matches`, { quantity: 1, unitPrice: '1.00', ...body });
    const expense = await match({ billLineId: lineIds[2], receiptId: receipts.vaccine });
    expect([expense.statusCode, json(expense).error.code]).toEqual([422, 'accounting.match_line_account']);
    const stranger = await match({ billLineId: lineIds[2], receiptId: receipts.other });
    expect(json(stranger).error.code).toBe('accounting.match_line_account');
    const again = await match({ billLineId: lineIds[0], receiptId: receipts.vaccine });
    expect([again.statusCode, json(again).error.code]).toEqual([409, 'accounting.bill_line_already_matched']);
    const bad = await match({ billLineId: 'x', receiptId: receipts.vaccine, unitPrice: '-3' });
    expect(bad.statusCode).toBe(422);
    const missing = await post('/api/v1/accounting/bills/999999/receipt-matches', { billLineId: 1, receiptId: 1, quantity: 1, unitPrice: '1.00' });
    expect(missing.statusCode).toBe(404);
  });

  it('matches a receipt to one bill only, even when two clerks try at once', async () => {
    const other = await books.payables.createBill(accountant.actor, {
      vendorId,
      billNumber: 'DN-901',
      billDate: '2026-03-10',
      lines: [{ accountCode: '2102', description: '2 vacunas', amount: '300.00' }],
    });
    const twin = await books.payables.createBill(accountant.actor, {
      vendorId,
      billNumber: 'DN-901-B',
      billDate: '2026-03-10',
      lines: [{ accountCode: '2102', description: '2 vacunas (duplicada)', amount: '300.00' }],
    });
    const tries = await Promise.allSettled(
      [other, twin].map((b) =>
        books.receipts.matchReceipt(accountant.actor, b.id, { billLineId: b.lines[0]!.id, receiptId: receipts.vaccine, quantity: 2, unitPrice: '150.00' }),
      ),
    );
    expect(tries.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(tries.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'accounting.receipt_already_matched', statusCode: 409 } });
    const mismatch = await post(`/api/v1/accounting/bills/${other.id}/receipt-matches`, {
      billLineId: other.lines[0]!.id,
      receiptId: receipts.other,
      quantity: 3,
      unitPrice: '80.00',
    });
    expect([mismatch.statusCode, json(mismatch).error.code]).toEqual([422, 'accounting.receipt_other_supplier']);
  });

  it('clears goods received: accrued at the receipt, cleared by the bill, the price difference to 5102 — and hledger agrees', async () => {
    const balances = await yearBalances(t.platform, books, accountant.actor);
    // Received 500 + 480 + 240 + 300 on credit of 2102; billed 520 + 480 + 300 + 300 (the twin bill's line is unmatched);
    // the kibble's price difference (20.00) cleared to 5102. Left in 2102: the other supplier's 240.00 (credit) and the twin's 300.00 (debit).
    expect(balances['2102']).toBe('60.00');
    expect(balances['5102']).toBe('20.00');
    expect((await get(`/api/v1/accounting/bills/${billId}/receipt-matches`)).json()).toHaveLength(2);
    if (!hledgerInstalled) return;
    const { run: hledger, csv: rows, amount } = hledgerOn(await books.statements.exportJournal(accountant.actor, 'hledger'));
    hledger('check', '--strict');
    const flat = rows(hledger('bal', '--flat', '-N', '-O', 'csv')).slice(1);
    const byCode = Object.fromEntries(flat.map(([name, value]) => [name!.split(':').at(-1)!.split(' ')[0]!, amount(value)]));
    expect(byCode).toEqual(balances);
  });

  it('shows the matching page in Spanish with the flags', async () => {
    const page = await get(`/admin/accounting/payables/bills/${billId}/receipts`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Conciliar con entradas de almacén');
    expect(page.body).toContain('Precio distinto');
  });
});
