import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import type { BillingServices } from '@petfriendly/billing';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import type { AccountingServices } from '../src/services';

// Three months of a clinic's receivables; the aging is asked about the end of February afterwards.
let t: TestApp;
let books: AccountingServices;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;
/** What the receivables subledger held as open at the end of 28 February, read that evening. */
let openOnFeb28: Record<number, string>;
const ids: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-10T17:00:00Z' });
  books = t.platform.services.accounting as AccountingServices;
  const billing = t.platform.services.billing as BillingServices;
  const desk = await StaffFactory(t.platform, 'receptionist');
  accountant = await StaffFactory(t.platform, 'accountant');
  const ana = await OwnerFactory(t.platform, { name: 'Ana Ruiz' });
  const beto = await OwnerFactory(t.platform, { name: 'Beto Salas' });
  const issue = async (ownerId: string, unitPrice: string) => {
    const draft = await billing.invoices.createManual(desk.actor, { ownerId });
    await billing.invoices.addLine(desk.actor, draft.id, { description: 'Hospitalización', unitPrice, taxClass: 'exempt' });
    return (await billing.invoices.issueInvoice(desk.actor, draft.id)).id;
  };
  ids.a = await issue(ana.user.id, '1000.00');
  t.platform.clock.set('2026-02-05T17:00:00Z');
  ids.b = await issue(beto.user.id, '500.00');
  await billing.payments.recordPayment(desk.actor, ids.a, { amount: '100.00', method: 'cash' });
  t.platform.clock.set('2026-02-28T23:00:00Z');
  await t.platform.ctx.events.dispatch();
  const open = await books.receivables.openInvoices(accountant.actor);
  openOnFeb28 = Object.fromEntries(open.map((r) => [r.invoiceId, r.balance]));
  t.platform.clock.set('2026-03-10T17:00:00Z');
  await billing.payments.recordPayment(desk.actor, ids.a, { amount: '900.00', method: 'cash' });
  await billing.payments.recordPayment(desk.actor, ids.b, { amount: '200.00', method: 'cash' });
  ids.c = await issue(ana.user.id, '300.00');
  await t.platform.ctx.events.dispatch();
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: accountant.auth });

describe('AR aging as of a day', () => {
  it('gives each invoice what it owed that day, equal to the invoices open that day', async () => {
    expect(openOnFeb28).toEqual({ [ids.a]: '900.00', [ids.b]: '500.00' });
    const open = await books.receivables.openOn(accountant.actor, '2026-02-28');
    expect(Object.fromEntries(open.map((r) => [r.invoiceId, (r.balanceCents / 100).toFixed(2)]))).toEqual(openOnFeb28);
    // Today the subledger holds the March state: A paid, B 300.00, C 300.00.
    const now = await books.receivables.openInvoices(accountant.actor);
    expect(Object.fromEntries(now.map((r) => [r.invoiceId, r.balance]))).toEqual({ [ids.b]: '300.00', [ids.c]: '300.00' });
    expect((await books.receivables.openOn(accountant.actor)).map((r) => r.invoiceId).sort()).toEqual([ids.b, ids.c].sort());
  });

  it('puts them in buckets by days past due on that day (API)', async () => {
    const res = await get('/api/v1/accounting/receivables/aging?asOf=2026-02-28');
    expect(res.statusCode).toBe(200);
    const aging = json(res);
    expect(aging.totals).toEqual({ current: '0.00', days1to30: '500.00', days31to60: '900.00', days61to90: '0.00', over90: '0.00', total: '1400.00' });
    expect(aging.rows.map((r: { name: string; total: string }) => [r.name, r.total])).toEqual([
      ['Ana Ruiz', '900.00'],
      ['Beto Salas', '500.00'],
    ]);
    expect(json(await get('/api/v1/accounting/receivables/aging?asOf=2026-01-31')).totals.total).toBe('1000.00');
    expect(json(await get('/api/v1/accounting/receivables/aging?asOf=2025-12-31')).rows).toEqual([]);
    const bad = await get('/api/v1/accounting/receivables/aging?asOf=2026-02-30x');
    expect(bad.statusCode).toBe(422);
  });

  it('downloads as CSV that a CSV parser reads back to the same figures', async () => {
    const res = await get('/api/v1/accounting/receivables/aging.csv?asOf=2026-02-28');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('cuentas-por-cobrar-2026-02-28.csv');
    const rows = parse(res.body.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows[1]).toEqual(['Cliente', 'Al corriente', '1–30 días', '31–60 días', '61–90 días', 'Más de 90 días', 'Total']);
    expect(rows.slice(2)).toEqual([
      ['Ana Ruiz', '0.00', '0.00', '900.00', '0.00', '0.00', '900.00'],
      ['Beto Salas', '0.00', '500.00', '0.00', '0.00', '0.00', '500.00'],
      ['Total', '0.00', '500.00', '900.00', '0.00', '0.00', '1400.00'],
    ]);
  });

  it('shows the page for the chosen day, in Spanish', async () => {
    const page = await get('/admin/accounting/receivables?asOf=2026-02-28');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="2026-02-28"');
    expect(page.body).toContain('Ana Ruiz');
    expect(page.body).toContain('/admin/accounting/receivables/aging.csv?asOf=2026-02-28');
    const csv = await get('/admin/accounting/receivables/aging.csv?asOf=2026-02-28');
    expect([csv.statusCode, csv.body]).toEqual([200, (await get('/api/v1/accounting/receivables/aging.csv?asOf=2026-02-28')).body]);
  });
});
