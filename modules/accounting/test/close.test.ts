import { accountsModule } from '@petfriendly/accounts';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { outbox } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalPeriods, journalEntries } from '../src/accounting.tables';
import { periodReopenings } from '../src/close.tables';
import { accountingModule } from '../src/index';
import type { AccountingServices } from '../src/services';

let platform: TestPlatform;
let s: AccountingServices;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;
let admin: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, accountingModule], { now: '2026-05-10T16:00:00Z' });
  s = platform.services.accounting;
  accountant = await StaffFactory(platform, 'accountant');
  admin = await StaffFactory(platform, 'admin');
});
afterAll(async () => platform?.close());

const entry = (date: string, amount: string, debit = '1101', credit = '4900') => ({
  date,
  description: 'Movimiento',
  lines: [
    { accountCode: debit, debit: amount },
    { accountCode: credit, credit: amount },
  ],
});
async function post(date: string, amount: string, debit?: string, credit?: string) {
  const draft = await s.ledger.createJournalEntry(accountant.actor, entry(date, amount, debit, credit));
  return s.ledger.postEntry(accountant.actor, draft.id);
}
const events = (name: string) => platform.ctx.db.select().from(outbox).where(eq(outbox.name, name)).orderBy(asc(outbox.position));

describe('closing a month', () => {
  it('locks it and announces period_closed in the same transaction', async () => {
    await post('2026-02-10', '50.00');
    const closed = await s.close.closeMonth(accountant.actor, 2026, 2);
    expect(closed).toMatchObject({ year: 2026, month: 2, status: 'closed' });
    expect((await events('accounting.period_closed')).map((e) => e.payload)).toContainEqual({ year: 2026, month: 2, closedBy: accountant.user.id });
    await expect(post('2026-02-11', '1.00')).rejects.toMatchObject({ code: 'accounting.period_closed', statusCode: 409 });
  });

  it('is raced by postings: each lands before the close or is refused, never after it', async () => {
    const drafts = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        s.ledger.createJournalEntry(accountant.actor, entry(`2026-04-${String((i % 28) + 1).padStart(2, '0')}`, `${i + 1}.25`)),
      ),
    );
    const racers = drafts.map((d) => s.ledger.postEntry(accountant.actor, d.id));
    racers.splice(12, 0, s.close.closeMonth(accountant.actor, 2026, 4) as never);
    const results = await Promise.allSettled(racers);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.every((r) => (r as PromiseRejectedResult).reason.code === 'accounting.period_closed')).toBe(true);

    // In commit order (the outbox positions), every April posting comes before April's close.
    const [close] = (await events('accounting.period_closed')).filter((e) => (e.payload as { month: number }).month === 4);
    const april = (await events('accounting.journal_posted')).filter((e) => (e.payload as { date: string }).date.startsWith('2026-04'));
    expect(april.length + refused.length).toBe(24);
    expect(april.every((e) => e.position! < close!.position!)).toBe(true);
    // What landed is exactly what the books hold for April.
    const posted = await platform.ctx.db
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.status, 'posted'), gte(journalEntries.date, '2026-04-01'), lte(journalEntries.date, '2026-04-30')));
    expect(posted).toHaveLength(april.length);
    const trial = await s.statements.trialBalance(accountant.actor, { from: '2026-04-01', to: '2026-04-30' });
    const cash = trial.rows.find((r) => r.code === '1101')!;
    const centavos = posted.reduce((sum, e) => sum + Math.round(Number(e.total) * 100), 0);
    expect(cash.debit).toBe((centavos / 100).toFixed(2));
  });

  it('reopens only for an admin, with the reason kept', async () => {
    await expect(s.close.reopenMonth(accountant.actor, 2026, 2, { reason: 'Falta una factura de febrero' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.close.reopenMonth(admin.actor, 2026, 2, { reason: 'no' })).rejects.toMatchObject({ statusCode: 422 });
    await expect(s.close.reopenMonth(admin.actor, 2026, 3, { reason: 'Nunca se cerró' })).rejects.toMatchObject({ code: 'accounting.period_not_closed' });
    const audit = await s.close.reopenMonth(admin.actor, 2026, 2, { reason: 'Falta una factura de febrero' });
    expect(audit).toMatchObject({ year: 2026, month: 2, reason: 'Falta una factura de febrero', reopenedBy: admin.user.id });
    expect((await post('2026-02-11', '1.00')).status).toBe('posted');
    const { reopenings } = await s.close.overview(accountant.actor);
    expect(reopenings.map((r) => [r.month, r.reason])).toEqual([[2, 'Falta una factura de febrero']]);
  });
});

describe('closing a year', () => {
  it('moves every revenue and expense balance to retained earnings on 31 December and closes its twelve months', async () => {
    await post('2025-03-01', '5000.00', '1102.01', '3101'); // capital
    await post('2025-06-15', '1200.00', '1101', '4101');
    await post('2025-07-15', '300.00', '6103', '1101');
    await post('2025-08-15', '100.00', '4400', '1101'); // a sales discount (a contra revenue account)
    await s.close.closeMonth(accountant.actor, 2025, 12);

    const closed = await s.close.closeYear(accountant.actor, { year: 2025 });
    expect(closed.netIncome).toBe('800.00'); // 1200 − 100 − 300
    const closing = await s.ledger.getEntry(accountant.actor, closed.entryId!);
    expect(closing).toMatchObject({ date: '2025-12-31', entryType: 'closing', reference: 'closing:2025', status: 'posted' });
    expect(closing.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual(
      expect.arrayContaining([
        ['4101', '1200.00', '0.00'],
        ['4400', '0.00', '100.00'],
        ['6103', '0.00', '300.00'],
        ['3201', '0.00', '800.00'],
      ]),
    );
    // The closed year's profit and loss still shows its revenue and expenses; the closing entry is not one of them.
    const pnl = await s.statements.profitAndLoss(accountant.actor, { from: '2025-01-01', to: '2025-12-31' });
    expect(pnl.netIncome.total).toBe('800.00');
    expect(pnl.revenue.rows.find((r) => r.code === '4101')!.total).toBe('1200.00');
    expect(pnl.netIncome.months[11]).toBe('0.00');
    const next = await s.statements.profitAndLoss(accountant.actor, { from: '2026-01-01', to: '2026-12-31' });
    expect(next.netIncome.prior).toBe('800.00');
    const sheet = await s.statements.balanceSheet(accountant.actor, { asOf: '2025-12-31' });
    expect(sheet.result.balance).toBe('0.00');
    expect(sheet.equity.rows.find((r) => r.code === '3201')!.balance).toBe('800.00');
    expect(sheet.liabilitiesAndEquity.total).toBe(sheet.assets.total);

    const months = await platform.ctx.db.select().from(fiscalPeriods).where(eq(fiscalPeriods.year, 2025));
    expect(months.filter((m) => m.status === 'closed')).toHaveLength(12);
    // period_closed for each month the year close closed (December was closed before).
    const announced = (await events('accounting.period_closed')).map((e) => e.payload as { year: number; month: number }).filter((p) => p.year === 2025);
    expect(announced.map((p) => p.month).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    await expect(s.close.closeYear(accountant.actor, { year: 2025 })).rejects.toMatchObject({ code: 'accounting.year_already_closed', statusCode: 409 });
    await expect(post('2025-09-01', '1.00')).rejects.toMatchObject({ code: 'accounting.period_closed' });
  });

  it('reopens a month of a closed year only with the year, which reverses its closing entry', async () => {
    await expect(s.close.reopenMonth(admin.actor, 2025, 12, { reason: 'Ajuste de auditoría' })).rejects.toMatchObject({ code: 'accounting.year_closed' });
    await expect(s.close.reopenYear(accountant.actor, 2025, { reason: 'Ajuste de auditoría' })).rejects.toMatchObject({ statusCode: 403 });
    await s.close.reopenYear(admin.actor, 2025, { reason: 'Ajuste de auditoría' });
    const sheet = await s.statements.balanceSheet(accountant.actor, { asOf: '2025-12-31' });
    expect(sheet.result.balance).toBe('800.00');
    expect(sheet.equity.rows.find((r) => r.code === '3201')!.balance).toBe('0.00');
    expect((await post('2025-12-30', '200.00', '6103', '1101')).status).toBe('posted');
    const again = await s.close.closeYear(accountant.actor, { year: 2025 });
    expect(again.netIncome).toBe('600.00');
    const trail = await platform.ctx.db.select().from(periodReopenings).where(eq(periodReopenings.year, 2025));
    expect(trail.map((r) => [r.month, r.reason])).toEqual([[13, 'Ajuste de auditoría']]);
  });
});
