import { accountsModule } from '@petfriendly/accounts';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountingModule } from '../src/index';
import type { AccountingServices } from '../src/services';

let platform: TestPlatform;
let s: AccountingServices;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, accountingModule], { now: '2026-05-10T16:00:00Z' });
  s = platform.services.accounting;
  accountant = await StaffFactory(platform, 'accountant');
});
afterAll(async () => platform?.close());

async function post(date: string, amount: string, debit: string, credit: string) {
  const draft = await s.ledger.createJournalEntry(accountant.actor, {
    date,
    lines: [
      { accountCode: debit, debit: amount },
      { accountCode: credit, credit: amount },
    ],
  });
  return s.ledger.postEntry(accountant.actor, draft.id);
}
const twelve = (amount: string) => Array.from({ length: 12 }, () => amount);

describe('budgets', () => {
  it('keeps twelve monthly amounts per revenue or expense account', async () => {
    const set = await s.budgets.setBudget(accountant.actor, { year: 2026, accountCode: '6103', months: twelve('1000.00') });
    expect(set.accounts).toEqual([{ accountCode: '6103', name: 'Gastos generales', accountType: 'expense', months: twelve('1000.00'), total: '12000.00' }]);
    await s.budgets.setBudget(accountant.actor, { year: 2026, accountCode: '4101', months: twelve('5000') });
    await expect(s.budgets.setBudget(accountant.actor, { year: 2026, accountCode: '6', months: twelve('1') })).rejects.toMatchObject({
      code: 'accounting.budget_account',
      statusCode: 422,
    });
    await expect(s.budgets.setBudget(accountant.actor, { year: 2026, accountCode: '1101', months: twelve('1') })).rejects.toMatchObject({ statusCode: 422 });
    await expect(s.budgets.setBudget(accountant.actor, { year: 2026, accountCode: '6103', months: ['1'] })).rejects.toMatchObject({ statusCode: 422 });
  });

  it('warns, without refusing, when a posting takes an expense account over its month', async () => {
    const under = await post('2026-03-05', '900.00', '6103', '1101');
    expect(await s.budgets.warningsFor(accountant.actor, under.id)).toEqual([]);
    const over = await post('2026-03-20', '300.00', '6103', '1101');
    expect(over.status).toBe('posted');
    expect(await s.budgets.warningsFor(accountant.actor, over.id)).toEqual([
      { accountCode: '6103', name: 'Gastos generales', month: '2026-03', budget: '1000.00', actual: '1200.00', over: '200.00' },
    ]);
    // Revenue over its budget is no warning.
    const sale = await post('2026-03-21', '9000.00', '1101', '4101');
    expect(await s.budgets.warningsFor(accountant.actor, sale.id)).toEqual([]);
  });

  it('reports the variance by month and year to date', async () => {
    await post('2026-01-10', '400.00', '6103', '1101');
    const report = await s.budgets.varianceReport(accountant.actor, { year: 2026, month: 3 });
    const expense = report.rows.find((r) => r.accountCode === '6103')!;
    expect(expense.months.slice(0, 3)).toEqual([
      { budget: '1000.00', actual: '400.00', variance: '-600.00' },
      { budget: '1000.00', actual: '0.00', variance: '-1000.00' },
      { budget: '1000.00', actual: '1200.00', variance: '200.00' },
    ]);
    expect(expense.month).toEqual({ budget: '1000.00', actual: '1200.00', variance: '200.00' });
    expect(expense.yearToDate).toEqual({ budget: '3000.00', actual: '1600.00', variance: '-1400.00' });
    expect(expense.over).toBe(true); // March is over, the year to date is not
    expect((await s.budgets.varianceReport(accountant.actor, { year: 2026, month: 2 })).rows.find((r) => r.accountCode === '6103')!.over).toBe(false);
    expect(report.rows.find((r) => r.accountCode === '4101')!.yearToDate).toEqual({ budget: '15000.00', actual: '9000.00', variance: '-6000.00' });
  });

  it("copies last year's budget or actuals, more or less by a percentage", async () => {
    const next = await s.budgets.copyYear(accountant.actor, { fromYear: 2026, toYear: 2027, percent: 10 });
    expect(next.accounts.find((a) => a.accountCode === '6103')).toMatchObject({ months: twelve('1100.00'), total: '13200.00' });
    const fromActuals = await s.budgets.copyYear(accountant.actor, { fromYear: 2026, toYear: 2028, source: 'actual', percent: -5 });
    expect(fromActuals.accounts.find((a) => a.accountCode === '6103')!.months.slice(0, 3)).toEqual(['380.00', '0.00', '1140.00']);
    await expect(s.budgets.copyYear(accountant.actor, { fromYear: 2019, toYear: 2020 })).rejects.toMatchObject({ code: 'accounting.budget_nothing_to_copy' });
  });
});
