import { OwnerFactory, type StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import type { BillingServices } from '@petfriendly/billing';
import { invoices } from '@petfriendly/billing/tables';
import { money, outbox } from '@petfriendly/core';
import type { StoreServices } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import type { TestPlatform } from '@petfriendly/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { eq, inArray, sql } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankFeeBooked, reconciliationCompleted } from '../src/payables.events';
import type { AccountingServices } from '../src/services';
import { renderStatementPdf } from '../src/statement-pdf';
import { beancountInstalled, beancountOn, booksClinic, hledgerInstalled, hledgerOn, yearBalances } from './support';

// Tuesday 10 March 2026 in Mexico City: the issue's "must show" day, every step through the services.
let platform: TestPlatform;
let books: AccountingServices;
let billing: BillingServices;
let store: StoreServices;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let certificateNumber: string;

beforeAll(async () => {
  const clinic = await booksClinic();
  ({ platform, books, billing, store, accountant } = clinic);
  const { desk, manager } = clinic;
  const product = await ProductFactory(platform, { price: '116.00', stock: 0 });

  // The owners put $5,000.00 in the bank the day before.
  const capital = await books.ledger.createJournalEntry(accountant.actor, {
    date: '2026-03-09',
    description: 'Aportación de capital',
    lines: [
      { accountCode: '1102.01', debit: '5000.00' },
      { accountCode: '3101', credit: '5000.00' },
    ],
  });
  await books.ledger.postEntry(accountant.actor, capital.id);

  // 10 bags arrive at $50.00; the supplier's bill ($500.00 + IVA $80.00) follows and is paid by SPEI.
  await store.inventory.receiveStock(manager.actor, { productId: product.id, quantity: 10, costPerUnit: '50.00', supplier: 'Distribuidora Canina' });
  const supplier = await books.payables.createVendor(accountant.actor, { name: 'Distribuidora Canina', rfc: 'DCA100215KX1', paymentTerms: 'net15' });
  const bill = await books.payables.createBill(accountant.actor, {
    vendorId: supplier.id,
    billNumber: 'DC-5512',
    billDate: '2026-03-10',
    lines: [{ accountCode: '2102', description: '10 bultos de croquetas', amount: '500.00', rate: '16' }],
  });
  await books.payables.payBill(accountant.actor, bill.id, { amount: '580.00', paidOn: '2026-03-10', accountCode: '1102.01', reference: 'SPEI 7731' });

  // A visit: a consultation ($450.00) and two bags ($232.00), $300.00 in cash and the rest by card.
  owner = await OwnerFactory(platform);
  const pet = await PetFactory(platform, owner.actor);
  const service = await ServiceFactory(platform, { staffIds: [desk.user.id] });
  const visit = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id, petId: pet.id });
  await billing.invoices.addLine(desk.actor, visit.id, { serviceId: service.id, quantity: 1 });
  await billing.invoices.addLine(desk.actor, visit.id, { productId: product.id, quantity: 2 });
  await billing.invoices.issueInvoice(desk.actor, visit.id);
  await billing.payments.recordPayment(desk.actor, visit.id, { amount: '300.00', method: 'cash' });
  await billing.payments.recordPayment(desk.actor, visit.id, { amount: '382.00', method: 'manual_card', cardType: 'debit' });

  // A bag sold for cash, refunded and the invoice cancelled (the bag back on the shelf).
  const sale = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
  await billing.invoices.addLine(desk.actor, sale.id, { productId: product.id, quantity: 1 });
  const paid = await billing.payments.recordPayment(desk.actor, sale.id, { amount: '116.00', method: 'cash' });
  await billing.payments.refundPayment(manager.actor, paid.id, { amount: '116.00', reason: 'No era la que quería' });
  await billing.invoices.cancelInvoice(desk.actor, sale.id, { motive: '03' });

  // A health certificate ($200.00, exempt) paid by transfer, and a bag on account with $50.00 down.
  const certificate = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
  await billing.invoices.addLine(desk.actor, certificate.id, { description: 'Certificado de salud', unitPrice: '200.00', taxClass: 'exempt' });
  certificateNumber = (await billing.invoices.issueInvoice(desk.actor, certificate.id)).invoiceNumber;
  await billing.payments.recordPayment(desk.actor, certificate.id, { amount: '200.00', method: 'transfer', referenceNumber: 'SPEI 0099' });
  const onAccount = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
  await billing.invoices.addLine(desk.actor, onAccount.id, { productId: product.id, quantity: 1 });
  await billing.invoices.issueInvoice(desk.actor, onAccount.id);
  await billing.payments.recordPayment(desk.actor, onAccount.id, { amount: '50.00', method: 'cash' });
  await platform.ctx.events.dispatch();
});
afterAll(async () => platform?.close());

const balances = () => yearBalances(platform, books, accountant.actor);

/** The bank's statement of the day as its CSV export writes it (Banorte-like columns, DD/MM/YYYY). */
const statementCsv = () =>
  [
    'Fecha,Concepto,Referencia,Retiros,Depositos',
    '09/03/2026,DEPOSITO EN EFECTIVO APORTACION,118830,,"5,000.00"',
    '10/03/2026,PAGO SPEI DISTRIBUIDORA CANINA,7731,580.00,',
    `10/03/2026,SPEI RECIBIDO PAGO ${certificateNumber},0099,,200.00`,
    '10/03/2026,LIQUIDACION TPV 10/03,TPV88120,,382.00',
    '10/03/2026,COMISION TPV,TPV88120C,15.00,',
    '10/03/2026,IVA COMISION TPV,TPV88120I,2.40,',
  ].join('\n');

describe('a clinic day end to end', () => {
  it('imports the bank statement once, reconciles it with rules and suggestions, and locks it at a difference of zero', async () => {
    const bank = await books.bank.createBankAccount(accountant.actor, { name: 'Banorte operativa', bankName: 'Banorte', ledgerAccountCode: '1102.01' });
    const mapping = { date: 'Fecha', description: 'Concepto', reference: 'Referencia', withdrawal: 'Retiros', deposit: 'Depositos', dateFormat: 'DD/MM/YYYY' };
    expect(await books.bank.importStatement(accountant.actor, bank.id, { format: 'csv', content: statementCsv(), mapping })).toMatchObject({
      imported: 6,
      duplicates: 0,
    });
    // The mapping was saved for this bank: the same file again is all duplicates.
    expect(await books.bank.importStatement(accountant.actor, bank.id, { format: 'csv', content: statementCsv() })).toMatchObject({
      imported: 0,
      duplicates: 6,
    });

    await books.bank.createRule(accountant.actor, { pattern: 'LIQUIDACION TPV', accountCode: '1104', description: 'Liquidación de la terminal' });
    await books.bank.createRule(accountant.actor, { pattern: 'iva comision', accountCode: '1107', description: 'IVA de comisiones bancarias' });
    await books.bank.createRule(accountant.actor, { pattern: 'COMISION', accountCode: '7101', description: 'Comisión bancaria' });

    const rec = await books.bank.startReconciliation(accountant.actor, {
      bankAccountId: bank.id,
      statementDate: '2026-03-10',
      statementBalance: '4984.60',
      openingBalance: '0',
    });
    let view = await books.bank.getReconciliation(accountant.actor, rec.id);
    expect(view.difference).toBe('4984.60');
    const reasons = Object.fromEntries(
      view.suggestions.map((s) => [view.transactions.find((t) => t.id === s.bankTransactionId)!.description.split(' ')[0], s.reason]),
    );
    expect(reasons).toEqual({ DEPOSITO: 'amount', PAGO: 'reference', SPEI: 'reference' });
    await expect(books.bank.completeReconciliation(accountant.actor, rec.id)).rejects.toMatchObject({
      code: 'accounting.reconciliation_difference',
      statusCode: 409,
    });

    expect((await books.bank.applyRules(accountant.actor, rec.id)).booked).toBe(3);
    // The rules' entries go the way of every posting: announced with the statement lines they clear, booked by the ledger consumer.
    const fees = await platform.ctx.db.select().from(outbox).where(eq(outbox.name, bankFeeBooked.name));
    expect(fees.map((e) => (e.payload as { amount: string }).amount).sort()).toEqual(['-15.00', '-2.40', '382.00'].sort());
    await platform.ctx.events.dispatch();
    view = await books.bank.acceptSuggestions(accountant.actor, rec.id);
    expect(view.transactions.every((t) => t.journalLineIds.length === 1)).toBe(true);
    expect([view.clearedBalance, view.difference, view.unmatchedLines.length]).toEqual(['4984.60', '0.00', 0]);

    const done = await books.bank.completeReconciliation(accountant.actor, rec.id);
    expect(done.status).toBe('completed');
    await expect(books.bank.unmatch(accountant.actor, rec.id, { bankTransactionId: view.transactions[0]!.id })).rejects.toMatchObject({
      code: 'accounting.reconciliation_locked',
    });
    const [event] = await platform.ctx.db.select().from(outbox).where(eq(outbox.name, reconciliationCompleted.name));
    expect(event!.payload).toMatchObject({ reconciliationId: rec.id, ledgerAccountCode: '1102.01', statementBalance: '4984.60', matchedTransactions: 6 });
  });

  it('adds up by hand: the journal of the day and its trial balance', async () => {
    expect(await balances()).toEqual({
      '1101': '350.00', // cash: 300 (visit) + 116 − 116 (sale refunded) + 50 (down payment)
      '1102.01': '4984.60', // 5,000 − 580 (supplier) + 200 (certificate) + 382 (terminal payout) − 15 − 2.40 (fee and its IVA)
      '1103': '66.00', // the bag on account: 116 − 50
      '1106': '350.00', // 500 − 2 × 50 (visit) − 50 + 50 (sold, returned) − 50 (on account)
      '1107': '82.40', // IVA paid: 80.00 with the supplier's bill, 2.40 with the bank fee
      '2104': '-100.97', // IVA collected: 94.07 on the visit + 6.90 (16.00 × 50 / 116) on the down payment
      '2105': '-9.10', // IVA of the bag on account not yet collected
      '3101': '-5000.00',
      '4109': '-387.93', // the consultation before IVA
      '4200': '-300.00', // three bags before IVA (the cancelled sale is gone)
      '4900': '-200.00', // the certificate, exempt
      '5101': '150.00', // cost of three bags
      '7101': '15.00', // the terminal's fee
    });
    // The supplier, the goods received, creditable IVA pending and the card clearing account are all settled.
    const entries = await books.ledger.listEntries(accountant.actor, { from: '2026-03-10', to: '2026-03-10', page: 1, pageSize: 100 });
    const bill = entries.items.find((e) => e.entryType === 'bill')!;
    expect(bill.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ['2102', '500.00', '0.00'],
      ['1108', '80.00', '0.00'],
      ['2101', '0.00', '580.00'],
    ]);
    const payment = entries.items.find((e) => e.entryType === 'bill_payment')!;
    expect(payment.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ['2101', '580.00', '0.00'],
      ['1102.01', '0.00', '580.00'],
      ['1107', '80.00', '0.00'],
      ['1108', '0.00', '80.00'],
    ]);
    expect(entries.items.filter((e) => e.entryType === 'bank').map((e) => e.total)).toEqual(expect.arrayContaining(['382.00', '15.00', '2.40']));
  });

  it('gives the statements of the day', async () => {
    const pnl = await books.statements.profitAndLoss(accountant.actor, { from: '2026-03-01', to: '2026-03-31' });
    expect(pnl).toMatchObject({ revenue: { total: '887.93' }, expenses: { total: '165.00' }, netIncome: { total: '722.93' } });
    const sheet = await books.statements.balanceSheet(accountant.actor, { asOf: '2026-03-10' });
    expect(sheet).toMatchObject({
      assets: { total: '5833.00' },
      liabilities: { total: '110.07' },
      equity: { total: '5000.00' },
      result: { balance: '722.93' },
    });
    expect(sheet.liabilitiesAndEquity.total).toBe(sheet.assets.total);
  });

  it("reports the supplier's payment in the month's DIOT, from the paid bill, by IVA rate", async () => {
    const march = await books.diot.report(accountant.actor, { year: 2026, month: 3 });
    expect(march.lines).toEqual([expect.objectContaining({ tipoTercero: '04', tipoOperacion: '85', rfc: 'DCA100215KX1', base16: '500.00', ivaPaid: '80.00' })]);
    const fields = march.txt.trimEnd().split('|');
    expect(fields.slice(0, 3)).toEqual(['04', '85', 'DCA100215KX1']);
    expect(fields).toContain('500');
    expect((await books.diot.report(accountant.actor, { year: 2026, month: 4 })).lines).toEqual([]);
  });

  it('keeps the receivables control account equal to the open invoices, as billing and the receivables service see them', async () => {
    const accounts = await balances();
    const [billed] = await platform.ctx.db
      .select({ owed: sql<string>`coalesce(sum(${invoices.total} - ${invoices.amountPaid}), 0)` })
      .from(invoices)
      .where(inArray(invoices.status, ['sent', 'partial', 'overdue']));
    expect(money(billed!.owed).toFixed(2)).toBe(accounts['1103']);
    const aging = await books.receivables.agingReport(accountant.actor, '2026-03-10');
    expect(aging.totals).toMatchObject({ current: '66.00', total: '66.00' });
    expect(aging.rows).toEqual([expect.objectContaining({ key: owner.user.id, name: owner.user.name, total: '66.00' })]);
    expect(await books.receivables.customerBalance(accountant.actor, owner.user.id)).toBe('66.00');
    const statement = await books.receivables.statementOfAccount(accountant.actor, owner.user.id, { from: '2026-03-01', to: '2026-03-31' });
    expect(statement.closing).toBe('66.00');
    // Invoiced 682 + 116 + 200 + 116, collected 300 + 382 + 116 + 200 + 50, refunded 116, cancelled 116.
    const sum = (side: 'debit' | 'credit') => statement.lines.reduce((a, l) => a.plus(l[side]), money(0)).toFixed(2);
    expect([sum('debit'), sum('credit')]).toEqual(['1230.00', '1164.00']);

    // The same statement printed: the PDF's text, read back by pdf-parse.
    const t = ((key: string, params?: { name?: string; date?: string }) =>
      [key, params?.name ?? params?.date].filter(Boolean).join(' ')) as unknown as TFunction;
    const pdf = await renderStatementPdf(statement, { clinicName: 'Clínica Demo', t, locale: 'es', date: (d) => d });
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain(`accounting:receivables.statementTitle ${owner.user.name}`);
    expect(text).toMatch(/accounting:receivables\.closing 2026-03-31\s+\$66\.00/);
    expect(text).toMatch(/Reembolso F-\d+\s+\$116\.00/);
  });

  it.skipIf(!hledgerInstalled)('is read the same by hledger: balances, income statement and balance sheet to the centavo', async () => {
    const { run: hledger, csv: rows, amount } = hledgerOn(await books.statements.exportJournal(accountant.actor, 'hledger'));
    hledger('check', '--strict');
    const flat = rows(hledger('bal', '--flat', '-N', '-O', 'csv')).slice(1);
    expect(Object.fromEntries(flat.map(([name, value]) => [name!.split(':').at(-1)!.split(' ')[0]!, amount(value)]))).toEqual(await balances());
    const is = rows(hledger('is', '-b', '2026-03-01', '-e', '2026-04-01', '-O', 'csv'));
    expect(amount(is.find((r) => r[0] === 'Net:')?.[1])).toBe('722.93');
    const bse = rows(hledger('bse', '-e', '2026-03-11', '-O', 'csv'));
    const totals = bse.filter((r) => r[0] === 'total').map((r) => amount(r[1]));
    expect(totals).toEqual(['5833.00', '110.07', '5000.00']);
  });

  it.skipIf(!beancountInstalled)('is read the same by beancount: bean-check passes, every balance and the month’s result to the centavo', async () => {
    const { check, query } = beancountOn(await books.statements.exportJournal(accountant.actor, 'beancount'));
    check();
    const perAccount = query('SELECT account, sum(number) GROUP BY account');
    // "Assets:1-Activo:…:1102-01-Bancos": the code leads the last component, its dots as dashes.
    const byCode = perAccount.map(([name, total]) => [/^[\d-]+(?=-)/.exec(name!.split(':').at(-1)!)![0], money(total!).toFixed(2)] as const);
    const expected = Object.entries(await balances()).map(([code, closing]) => [code.replaceAll('.', '-'), closing]);
    expect(Object.fromEntries(byCode.filter(([, total]) => total !== '0.00'))).toEqual(Object.fromEntries(expected));
    const [[result]] = query("SELECT sum(number) WHERE (account ~ '^Income:' OR account ~ '^Expenses:') AND date >= 2026-03-01 AND date < 2026-04-01") as [
      [string],
    ];
    expect(money(result).negated().toFixed(2)).toBe('722.93');
  });
});
