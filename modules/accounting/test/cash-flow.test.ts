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

async function post(date: string, lines: [string, string, string][]) {
  const draft = await s.ledger.createJournalEntry(accountant.actor, {
    date,
    lines: lines.map(([accountCode, debit, credit]) => ({ accountCode, debit, credit })),
  });
  return s.ledger.postEntry(accountant.actor, draft.id);
}

describe('the cash flow statement (indirect method)', () => {
  it('starts from net income and explains the change in cash by operating, investing and financing', async () => {
    await post('2026-01-05', [
      ['1102.01', '10000.00', ''],
      ['3101', '', '10000.00'],
    ]); // before the period: capital
    await post('2026-03-02', [
      ['1102.01', '20000.00', ''],
      ['3101', '', '20000.00'],
    ]); // more capital (financing)
    await post('2026-03-03', [
      ['1201', '15000.00', ''],
      ['1102.01', '', '15000.00'],
    ]); // an ultrasound (investing)
    await post('2026-03-04', [
      ['1103', '5800.00', ''],
      ['4101', '', '5000.00'],
      ['2105', '', '800.00'],
    ]); // billed, unpaid
    await post('2026-03-05', [
      ['1101', '2320.00', ''],
      ['1103', '', '2320.00'],
    ]); // part collected in cash
    await post('2026-03-06', [
      ['1106', '3000.00', ''],
      ['2101', '', '3000.00'],
    ]); // stock on credit
    await post('2026-03-07', [
      ['6103', '700.00', ''],
      ['1101', '', '700.00'],
    ]); // expenses paid

    const cf = await s.cashFlow.cashFlow(accountant.actor, { from: '2026-03-01', to: '2026-03-31' });
    expect(cf.netIncome).toBe('4300.00');
    // 4300 − 3480 more receivables + 800 IVA owed − 3000 more stock + 3000 owed to the supplier.
    expect(cf.operating.rows).toEqual([
      { code: '1103', name: 'Clientes', amount: '-3480.00' },
      { code: '1106', name: 'Inventario de mercancías', amount: '-3000.00' },
      { code: '2101', name: 'Proveedores', amount: '3000.00' },
      { code: '2105', name: 'IVA trasladado no cobrado', amount: '800.00' },
    ]);
    expect(cf.operating.total).toBe('1620.00');
    expect(cf.investing).toEqual({ rows: [{ code: '1201', name: 'Equipo médico', amount: '-15000.00' }], total: '-15000.00' });
    expect(cf.financing).toEqual({ rows: [{ code: '3101', name: 'Capital social', amount: '20000.00' }], total: '20000.00' });
    expect(cf).toMatchObject({ netChange: '6620.00', openingCash: '10000.00', closingCash: '16620.00' });
  });
});
