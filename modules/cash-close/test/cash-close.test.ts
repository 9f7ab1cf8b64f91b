import { accountingModule } from '@petfriendly/accounting';
import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { type BillingServices, billingModule } from '@petfriendly/billing';
import { payments } from '@petfriendly/billing/tables';
import { money } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cashCloseModule } from '../src/index';
import type { CashCloseServices } from '../src/services';
import { DrawerMovementFactory } from '../src/testing';

// Tuesday 10 March 2026, 10:00 in Mexico City.
let platform: TestPlatform;
let close: CashCloseServices['cashClose'];
let billing: BillingServices;
let desk: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
const DAY = '2026-03-10';

beforeAll(async () => {
  platform = await createTestPlatform([
    accountsModule,
    vetClinicModule,
    omnichannelModule,
    appointmentsModule,
    multilingualModule,
    storeModule,
    billingModule,
    cashCloseModule,
    accountingModule,
  ]);
  close = platform.services['cash-close'].cashClose;
  billing = platform.services.billing;
  desk = await StaffFactory(platform, 'receptionist');
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

/** An invoice with one line free of IVA, issued and paid as given. */
async function sell(total: string, paid: { amount: string; method: 'cash' | 'manual_card' | 'transfer'; cardType?: 'debit' }[]) {
  const owner = await OwnerFactory(platform);
  const invoice = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
  await billing.invoices.addLine(desk.actor, invoice.id, { description: 'Certificado de salud', unitPrice: total, taxClass: 'exempt' });
  await billing.invoices.issueInvoice(desk.actor, invoice.id);
  const done = [];
  for (const p of paid) done.push(await billing.payments.recordPayment(desk.actor, invoice.id, p));
  return done;
}

describe('the end-of-day cash close', () => {
  it("expects the day's cash payments minus cash refunds plus the float, and the terminal's card payments", async () => {
    // The factory's default: the 500.00 opening float.
    await DrawerMovementFactory(platform, desk.actor, { note: 'Fondo de la mañana' });
    await sell('1000.00', [
      { amount: '600.00', method: 'cash' },
      { amount: '400.00', method: 'manual_card', cardType: 'debit' },
    ]);
    const [cash] = await sell('250.00', [{ amount: '250.00', method: 'cash' }]);
    await billing.payments.refundPayment(manager.actor, cash!.id, { amount: '100.00', reason: 'Descuento olvidado' });
    await sell('80.00', [{ amount: '80.00', method: 'transfer' }]);
    await platform.ctx.events.dispatch();

    const day = await close.getDay(desk.actor);
    // The same figure another way: billing's own payment rows (refunds are negative) plus the float.
    const [byBilling] = await platform.ctx.db
      .select({ net: sql<string>`sum(${payments.amount})` })
      .from(payments)
      .where(eq(payments.paymentMethod, 'cash'));
    expect(day.expectedCash).toBe(money(byBilling!.net).plus('500.00').toFixed(2));
    expect(day.expectedCash).toBe('1250.00'); // 600 + 250 − 100 + 500
    expect(day.expectedCard).toBe('400.00');
    expect(day.methods.map((m) => [m.method, m.received, m.refunded])).toEqual([
      ['card_terminal', '400.00', '0.00'],
      ['cash', '850.00', '100.00'],
      ['transfer', '80.00', '0.00'],
    ]);
  });

  it('takes withdrawals and bank deposits out of the drawer, and wants a reason for a difference', async () => {
    await close.recordMovement(desk.actor, { kind: 'withdrawal', amount: '50.00', note: 'Garrafón de agua' });
    await close.recordMovement(desk.actor, { kind: 'deposit', amount: '700.00', note: 'Depósito Banorte' });
    expect((await close.getDay(desk.actor)).expectedCash).toBe('500.00');
    // Counted: 2 × 200 + 1 × 50 + 4 × 10 + 5 × 0.50 = 492.50, short by 7.50; the terminal shows 400.00.
    const count = { denominations: { '200': 2, '50': 1, '10': 4, '0.50': 5 }, cardTerminalTotal: '400.00' };
    await expect(close.count(desk.actor, count)).rejects.toMatchObject({ code: 'cash_close.reason_required' });
    const counted = await close.count(desk.actor, { ...count, reason: 'Cambio mal dado' });
    expect(counted).toMatchObject({ countedCash: '492.50', expectedCash: '500.00', status: 'counted' });
  });

  it('is approved by a manager only, once, and the books post the cash short and the deposit', async () => {
    await expect(close.approve(desk.actor, DAY)).rejects.toMatchObject({ statusCode: 403 });
    // Two managers press approve at the same moment: one approval, one event.
    const results = await Promise.allSettled([close.approve(manager.actor, DAY), close.approve(manager.actor, DAY)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'cash_close.already_approved' } });
    await expect(close.recordMovement(desk.actor, { kind: 'withdrawal', amount: '1.00' })).rejects.toMatchObject({ code: 'cash_close.already_approved' });
    await expect(close.count(desk.actor, { denominations: {}, cardTerminalTotal: '0', reason: 'otra vez' })).rejects.toMatchObject({
      code: 'cash_close.already_approved',
    });

    await platform.ctx.events.dispatch();
    const books = platform.services.accounting;
    const entries = await books.ledger.listEntries(manager.actor, { from: DAY, to: DAY, page: 1, pageSize: 50 });
    const closing = entries.items.filter((e) => e.reference.startsWith('cash-close:'));
    expect(closing).toHaveLength(1);
    const balance = (code: string) => books.ledger.getAccount(manager.actor, { code }).then((a) => books.ledger.getAccountBalance(manager.actor, a.id, DAY));
    // Cash: 850 − 100 received, 7.50 short, 700 to the bank (the float and the withdrawal were never booked as cash in).
    expect(await balance('1101')).toBe('42.50');
    expect(await balance('6103')).toBe('7.50');
  });

  it('recounts when money moved after the count', async () => {
    const next = '2026-03-11';
    platform.clock.set('2026-03-11T16:00:00Z');
    await close.count(desk.actor, { day: next, denominations: {}, cardTerminalTotal: '0.00' });
    await sell('90.00', [{ amount: '90.00', method: 'cash' }]);
    await platform.ctx.events.dispatch();
    await expect(close.approve(manager.actor, next)).rejects.toMatchObject({ code: 'cash_close.changed_since_count' });
  });
});
