import { accountsModule } from '@petfriendly/accounts';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountingModule } from '../src/index';
import type { AccountingServices } from '../src/services';

// The assistant asks the books, through the tool runner, how the budget goes and what stands between March and its close.
let platform: TestPlatform;
let s: AccountingServices;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
const run = (name: string, input: object, who = accountant) => platform.ctx.tools.executeTool(name, input, who.actor);
/** The close status once the ledger consumer has caught up (the worker does it within moments of each commit). */
const closeStatus = async (month: number) => {
  await platform.ctx.events.dispatch();
  return run('accounting_month_close_status', { year: 2026, month });
};
const twelve = (amount: string) => Array.from({ length: 12 }, () => amount);

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, accountingModule], { now: '2026-04-02T16:00:00Z' });
  s = platform.services.accounting as AccountingServices;
  accountant = await StaffFactory(platform, 'accountant');
  vet = await StaffFactory(platform, 'veterinarian');
  await s.budgets.setBudget(accountant.actor, { year: 2026, accountCode: '6103', months: twelve('1000.00') });
  await s.budgets.setBudget(accountant.actor, { year: 2026, accountCode: '4101', months: twelve('5000.00') });
  const spend = async (date: string, amount: string, debit: string, credit: string) => {
    const draft = await s.ledger.createJournalEntry(accountant.actor, {
      date,
      lines: [
        { accountCode: debit, debit: amount },
        { accountCode: credit, credit: amount },
      ],
    });
    return s.ledger.postEntry(accountant.actor, draft.id);
  };
  await spend('2026-02-10', '800.00', '6103', '1101');
  await spend('2026-03-05', '1250.50', '6103', '1101');
  await spend('2026-03-20', '4000.00', '1101', '4101');
});
afterAll(async () => platform?.close());

describe('accounting_budget_vs_actual', () => {
  it('gives the month and the year to date per account, in exact pesos, and names the accounts over budget', async () => {
    const march = await run('accounting_budget_vs_actual', { year: 2026, month: 3 });
    expect(march).toMatchObject({ ok: true });
    const data = (march as { data: { accounts: { account: string; month: object; yearToDate: object; overBudget: boolean }[]; overBudget: string[] } }).data;
    const expense = data.accounts.find((a) => a.account.startsWith('6103'))!;
    expect(expense).toMatchObject({
      month: { budget: '1000.00', actual: '1250.50', variance: '250.50' },
      yearToDate: { budget: '3000.00', actual: '2050.50', variance: '-949.50' },
      overBudget: true,
    });
    expect(data.accounts.find((a) => a.account.startsWith('4101'))).toMatchObject({ month: { budget: '5000.00', actual: '4000.00', variance: '-1000.00' } });
    expect(data.overBudget).toEqual(['6103']);
    const february = await run('accounting_budget_vs_actual', { year: 2026, month: 2 });
    expect(february).toMatchObject({ ok: true, data: { overBudget: [] } });
  });

  it('is refused to a veterinarian and to a bad month', async () => {
    expect(await run('accounting_budget_vs_actual', { year: 2026, month: 3 }, vet)).toMatchObject({ ok: false });
    expect(await run('accounting_budget_vs_actual', { year: 2026, month: 13 })).toMatchObject({ ok: false });
  });
});

describe('accounting_month_close_status', () => {
  it('names what blocks closing March — a draft, an unreconciled bank line — and clears as each is settled', async () => {
    const draft = await s.ledger.createJournalEntry(accountant.actor, {
      date: '2026-03-31',
      description: 'Provisión de luz',
      lines: [
        { accountCode: '6103', debit: '300.00' },
        { accountCode: '2101', credit: '300.00' },
      ],
    });
    const bank = await s.bank.createBankAccount(accountant.actor, { name: 'Banorte', bankName: 'Banorte', ledgerAccountCode: '1102.01' });
    const csv = 'Fecha,Concepto,Referencia,Importe\n2026-03-15,COMISION MANEJO,C1,-15.00\n';
    await s.bank.importStatement(accountant.actor, bank.id, {
      format: 'csv',
      content: csv,
      mapping: { date: 'Fecha', description: 'Concepto', reference: 'Referencia', amount: 'Importe', dateFormat: 'YYYY-MM-DD' },
    });
    const blocked = await closeStatus(3);
    expect(blocked).toMatchObject({ ok: true, data: { status: 'open', canClose: false } });
    const codes = (blocked as { data: { blockers: { code: string; count: number; detail: string[] }[] } }).data.blockers;
    expect(codes.map((b) => [b.code, b.count])).toEqual([
      ['draft_entries', 1],
      ['unreconciled_bank_lines', 1],
      ['earlier_month_open', 1],
    ]);
    expect(codes[0]!.detail[0]).toContain('Provisión de luz');
    expect(codes[1]!.detail[0]).toContain('-15.00');
    expect(codes[2]!.detail).toEqual(['2026-02']);

    // Settled: February closed, the draft posted, the fee booked by a rule on a reconciliation that is completed.
    await s.close.closeMonth(accountant.actor, 2026, 2);
    await s.ledger.postEntry(accountant.actor, draft.id);
    await s.bank.createRule(accountant.actor, { pattern: 'COMISION', accountCode: '7101', description: 'Comisión bancaria' });
    const rec = await s.bank.startReconciliation(accountant.actor, {
      bankAccountId: bank.id,
      statementDate: '2026-03-31',
      statementBalance: '-15.00',
      openingBalance: '0',
    });
    const midway = (await closeStatus(3)) as { data: { blockers: { code: string }[] } };
    expect(midway.data.blockers.map((b) => b.code)).toEqual(['open_reconciliation', 'unreconciled_bank_lines']);
    expect((await s.bank.applyRules(accountant.actor, rec.id)).booked).toBe(1);
    await platform.ctx.events.dispatch();
    await s.bank.completeReconciliation(accountant.actor, rec.id);
    const free = await closeStatus(3);
    expect(free).toMatchObject({ ok: true, data: { status: 'open', canClose: true, blockers: [], receiptsAwaitingBill: { count: 0, amount: '0.00' } } });
    await s.close.closeMonth(accountant.actor, 2026, 3);
    expect(await closeStatus(3)).toMatchObject({ data: { status: 'closed', canClose: false } });
  });

  it('books the rule’s fee through the event path: the entry comes from bank_fee_booked and clears the statement line', async () => {
    const trial = await s.statements.trialBalance(accountant.actor, { from: '2026-03-01', to: '2026-03-31' });
    expect(trial.rows.find((r) => r.code === '7101')?.closing).toBe('15.00');
    const [reconciliation] = await s.bank.listReconciliations(accountant.actor);
    const view = await s.bank.getReconciliation(accountant.actor, reconciliation!.id);
    expect([view.status, view.difference, view.transactions[0]!.journalLineIds.length]).toEqual(['completed', '0.00', 1]);
  });
});
