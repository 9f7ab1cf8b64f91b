import { OwnerFactory, type StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import type { BillingServices } from '@petfriendly/billing';
import { invoices } from '@petfriendly/billing/tables';
import { money } from '@petfriendly/core';
import type { StoreServices } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import type { TestPlatform } from '@petfriendly/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { asc, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountDayTotals, entrySequences, journalEntries, receivables } from '../src/accounting.tables';
import { LEDGER_CONSUMER } from '../src/index';
import type { AccountingServices } from '../src/services';
import { booksClinic, hledgerInstalled, hledgerOn, yearBalances } from './support';

// Tuesday 10 March 2026, 10:00 in Mexico City.
let platform: TestPlatform;
let books: AccountingServices;
let billing: BillingServices;
let store: StoreServices;
let desk: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;
let product: Awaited<ReturnType<typeof ProductFactory>>;

beforeAll(async () => {
  ({ platform, books, billing, store, desk, manager, accountant } = await booksClinic());
  // Croquetas at $116.00 (IVA 16 % included: $100.00 + $16.00), none in stock yet.
  product = await ProductFactory(platform, { price: '116.00', stock: 0 });
});
afterAll(async () => platform?.close());

const balances = () => yearBalances(platform, books, accountant.actor);

/** Σ quantity × unit cost of the product's batches, as the store keeps them. */
async function inventoryAtCost(): Promise<string> {
  const stock = await store.inventory.checkStock(desk.actor, product.id);
  return stock.batches.reduce((sum, b) => sum.plus(money(b.costPerUnit).times(b.quantity)), money(0)).toFixed(2);
}

describe('a clinic day, booked from its events', () => {
  it('adds up by hand: stock in, a visit paid part cash and part card, a sale refunded and cancelled, an expired unit', async () => {
    // 10 units arrive at $50.00 each.
    await store.inventory.receiveStock(manager.actor, { productId: product.id, quantity: 10, costPerUnit: '50.00', supplier: 'Distribuidora Canina' });
    // A consultation ($450.00) and two bags ($232.00): $682.00, of which IVA $62.07 + $32.00 = $94.07.
    const owner = await OwnerFactory(platform);
    const pet = await PetFactory(platform, owner.actor);
    const service = await ServiceFactory(platform, { staffIds: [desk.user.id] });
    const visit = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id, petId: pet.id });
    await billing.invoices.addLine(desk.actor, visit.id, { serviceId: service.id, quantity: 1 });
    await billing.invoices.addLine(desk.actor, visit.id, { productId: product.id, quantity: 2 });
    const issued = await billing.invoices.issueInvoice(desk.actor, visit.id);
    expect(issued.total).toBe('682.00');
    await billing.payments.recordPayment(desk.actor, visit.id, { amount: '300.00', method: 'cash' });
    await billing.payments.recordPayment(desk.actor, visit.id, { amount: '382.00', method: 'manual_card', cardType: 'debit' });
    // One bag sold for cash (PUE), refunded, the invoice cancelled and the bag back on the shelf.
    const sale = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
    await billing.invoices.addLine(desk.actor, sale.id, { productId: product.id, quantity: 1 });
    const paid = await billing.payments.recordPayment(desk.actor, sale.id, { amount: '116.00', method: 'cash' });
    await billing.payments.refundPayment(manager.actor, paid.id, { amount: '116.00', reason: 'No era la que quería' });
    await billing.invoices.cancelInvoice(desk.actor, sale.id, { motive: '03' });
    // One unit expired.
    await store.inventory.adjustStock(manager.actor, { productId: product.id, quantityChange: -1, reason: 'expired' });

    expect(await balances()).toEqual({
      '1101': '300.00', // cash: 300 + 116 − 116
      '1104': '382.00', // the terminal's card payments, until the bank pays them out
      '1106': '350.00', // inventory: 500 − 2 × 50 sold − 50 sold + 50 returned − 50 expired
      '2102': '-500.00', // owed to the supplier until the bill comes
      '2104': '-94.07', // IVA collected: 41.38 with the cash, 52.69 with the card; the refunded sale's 16.00 went back
      '4109': '-387.93', // the consultation before IVA
      '4200': '-200.00', // two bags before IVA (the cancelled sale is gone)
      '5101': '100.00', // cost of the two bags
      '6101': '50.00', // the expired unit
    });
    expect(await inventoryAtCost()).toBe('350.00');

    const pnl = await books.statements.profitAndLoss(accountant.actor, { from: '2026-03-01', to: '2026-03-31' });
    expect(pnl).toMatchObject({ revenue: { total: '587.93' }, expenses: { total: '150.00' }, netIncome: { total: '437.93' } });
    const sheet = await books.statements.balanceSheet(accountant.actor, { asOf: '2026-03-10' });
    expect(sheet).toMatchObject({ assets: { total: '1032.00' }, liabilities: { total: '594.07' }, result: { balance: '437.93' } });
    expect(sheet.liabilitiesAndEquity.total).toBe(sheet.assets.total);
  });

  it('moves IVA from not collected to collected with each payment, in proportion', async () => {
    const ledger = await books.statements.generalLedger(accountant.actor, '2104', { from: '2026-03-01', to: '2026-03-31' });
    expect(ledger.lines.map((l) => [l.credit, l.debit, l.balance])).toEqual([
      ['41.38', '0.00', '41.38'],
      ['52.69', '0.00', '94.07'],
      ['16.00', '0.00', '110.07'],
      ['0.00', '16.00', '94.07'],
    ]);
  });

  it('keeps the receivables control account equal to the open invoices', async () => {
    const owner = await OwnerFactory(platform);
    const open = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
    await billing.invoices.addLine(desk.actor, open.id, { productId: product.id, quantity: 3 });
    await billing.invoices.issueInvoice(desk.actor, open.id);
    const partly = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
    await billing.invoices.addLine(desk.actor, partly.id, { description: 'Certificado de salud', unitPrice: '200.00', taxClass: 'exempt' });
    await billing.invoices.issueInvoice(desk.actor, partly.id);
    await billing.payments.recordPayment(desk.actor, partly.id, { amount: '75.50', method: 'transfer' });

    const accounts = await balances();
    const [billed] = await platform.ctx.db
      .select({ owed: sql<string>`coalesce(sum(${invoices.total} - ${invoices.amountPaid}), 0)` })
      .from(invoices)
      .where(inArray(invoices.status, ['sent', 'partial', 'overdue']));
    expect(money(billed!.owed).toFixed(2)).toBe('472.50'); // 348.00 + 200.00 − 75.50
    expect(accounts['1103']).toBe('472.50');
    expect(accounts['1102.01']).toBe('75.50');
    expect(accounts['1106']).toBe(await inventoryAtCost());
  });

  it('books a store order paid online once: the order invoice and its card payment, not the order again', async () => {
    const owner = await OwnerFactory(platform);
    const before = await balances();
    await store.carts.addItem(owner.actor, { ownerId: owner.user.id }, { productId: product.id, quantity: 1 });
    const order = await store.checkout.completeCheckout(owner.actor, { ownerId: owner.user.id }, { paymentMethod: 'card_online' });
    const intent = await billing.payments.startCardPayment(owner.actor, order.invoiceId!);
    await billing.payments.confirmLocalCardPayment(owner.actor, intent.intentId);
    const after = await balances();
    const change = (code: string) =>
      money(after[code] ?? 0)
        .minus(before[code] ?? 0)
        .toFixed(2);
    expect(order.total).toBe('116.00');
    expect([change('1105'), change('1103'), change('4200'), change('2104'), change('1106'), change('5101')]).toEqual([
      '116.00',
      '0.00',
      '-100.00',
      '-16.00',
      '-50.00',
      '50.00',
    ]);
  });

  it.skipIf(!hledgerInstalled)('exports a journal hledger checks, and hledger gets the same balances and statements to the centavo', async () => {
    const { run: hledger, csv, amount } = hledgerOn(await books.statements.exportJournal(accountant.actor, 'hledger'));
    hledger('check', '--strict');
    /** The "total" row of each section of an hledger report, and its "Net:". */
    const totals = (rows: string[][]) => {
      const out: Record<string, string> = {};
      let section = '';
      for (const row of rows) {
        if (row[0] === 'total') out[section] = amount(row[1]);
        else if (row[0] === 'Net:') out.net = amount(row[1]);
        else if (row.length >= 1 && !row[0]!.includes(':') && !row[0]!.match(/^\d/)) section = row[0]!;
      }
      return out;
    };

    const accounts = await balances();
    const flat = csv(hledger('bal', '--flat', '-N', '-O', 'csv')).slice(1);
    expect(Object.fromEntries(flat.map(([name, value]) => [name!.split(':').at(-1)!.split(' ')[0]!, amount(value)]))).toEqual(accounts);

    const pnl = await books.statements.profitAndLoss(accountant.actor, { from: '2026-03-01', to: '2026-03-31' });
    expect(totals(csv(hledger('is', '-b', '2026-03-01', '-e', '2026-04-01', '-O', 'csv')))).toEqual({
      Revenues: pnl.revenue.total,
      Expenses: pnl.expenses.total,
      net: pnl.netIncome.total,
    });
    const sheet = await books.statements.balanceSheet(accountant.actor, { asOf: '2026-03-31' });
    const bse = totals(csv(hledger('bse', '-e', '2026-04-01', '-O', 'csv')));
    expect([bse.Assets, bse.Liabilities, bse.Equity]).toEqual([sheet.assets.total, sheet.liabilities.total, sheet.equity.total]);
    // hledger's net is what has not been closed into equity yet: the period's result.
    expect(bse.net).toBe(sheet.result.balance);
  });

  it('gives the same books when the ledger is replayed from the first event', async () => {
    const snapshot = async () => {
      const trial = await books.statements.trialBalance(accountant.actor, { from: '2026-01-01', to: '2026-12-31' });
      const journal = await platform.ctx.db.select().from(journalEntries).orderBy(asc(journalEntries.entryNumber));
      const entries = await Promise.all(journal.map((e) => books.ledger.getEntry(accountant.actor, e.id)));
      return {
        trial: trial.rows,
        journal: entries.map((e) => ({
          number: e.entryNumber,
          date: e.date,
          type: e.entryType,
          reference: e.reference,
          lines: e.lines.map((l) => [l.accountCode, l.debit, l.credit, l.ownerId]),
        })),
        receivables: await platform.ctx.db.select().from(receivables).orderBy(asc(receivables.invoiceId)),
      };
    };
    const first = await snapshot();
    expect(first.journal.length).toBeGreaterThan(15);
    await platform.ctx.db.transaction(async (tx) => {
      await tx.delete(journalEntries);
      await tx.delete(accountDayTotals);
      await tx.delete(entrySequences);
      await tx.delete(receivables);
    });
    expect((await books.statements.trialBalance(accountant.actor, { from: '2026-01-01', to: '2026-12-31' })).totals.debit).toBe('0.00');
    await platform.ctx.events.rewind(LEDGER_CONSUMER, 0);
    await platform.ctx.events.dispatch();
    expect(await snapshot()).toEqual(first);
  });
});
