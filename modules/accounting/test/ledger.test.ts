import { accountsModule } from '@petfriendly/accounts';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { money } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journalEntries, journalLines } from '../src/accounting.tables';
import { accountingModule } from '../src/index';
import type { AccountingServices } from '../src/services';

let platform: TestPlatform;
let s: AccountingServices;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;
let admin: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, accountingModule]);
  s = platform.services.accounting;
  accountant = await StaffFactory(platform, 'accountant');
  admin = await StaffFactory(platform, 'admin');
});
afterAll(async () => platform?.close());

const sale = (date: string, amount: string) => ({
  date,
  description: 'Venta de mostrador',
  lines: [
    { accountCode: '1101', debit: amount },
    { accountCode: '4900', credit: amount },
  ],
});

describe('the chart of accounts', () => {
  it('is the Mexican clinic chart, each account with its código agrupador and natural side', async () => {
    const chart = await s.ledger.listAccounts(accountant.actor);
    const byCode = new Map(chart.map((a) => [a.code, a]));
    expect(byCode.get('1101')).toMatchObject({ name: 'Caja', satCode: '101.01', accountType: 'asset', naturalSide: 'debit', isCash: true });
    expect(byCode.get('1102.01')).toMatchObject({ satCode: '102.01', isBank: true });
    expect(byCode.get('1103')).toMatchObject({ satCode: '105.01', isAr: true });
    expect(byCode.get('2101')).toMatchObject({ satCode: '201.01', isAp: true, naturalSide: 'credit' });
    expect(byCode.get('2105')).toMatchObject({ name: 'IVA trasladado no cobrado', satCode: '209.01' });
    expect(byCode.get('4400')).toMatchObject({ accountType: 'revenue', naturalSide: 'debit' });
    // A tree: every account but the five roots has a parent in the chart.
    const ids = new Set(chart.map((a) => a.id));
    expect(chart.filter((a) => a.parentId === null).map((a) => a.code)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(chart.every((a) => a.parentId === null || ids.has(a.parentId))).toBe(true);
  });

  it('takes new accounts under a group, and refuses a taken code', async () => {
    const rent = await s.ledger.createAccount(accountant.actor, { code: '6104', name: 'Renta del local', parentCode: '6', satCode: '601.84' });
    expect(rent).toMatchObject({ accountType: 'expense', naturalSide: 'debit', isGroup: false });
    await expect(s.ledger.createAccount(accountant.actor, { code: '6104', name: 'Otra', parentCode: '6', satCode: '601.84' })).rejects.toMatchObject({
      code: 'accounting.code_taken',
      statusCode: 422,
    });
  });

  it('is closed to veterinarians and receptionists', async () => {
    const vet = await StaffFactory(platform, 'veterinarian');
    const desk = await StaffFactory(platform, 'receptionist');
    await expect(s.ledger.listAccounts(vet.actor)).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.statements.trialBalance(desk.actor, { from: '2026-01-01', to: '2026-12-31' })).rejects.toMatchObject({ statusCode: 403 });
  });
});

describe('journal entries', () => {
  it('writes nothing when debits and credits differ by a centavo', async () => {
    const before = await platform.ctx.db.$count(journalEntries);
    await expect(
      s.ledger.createJournalEntry(accountant.actor, {
        date: '2026-03-10',
        lines: [
          { accountCode: '1101', debit: '100.00' },
          { accountCode: '4900', credit: '99.99' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'accounting.unbalanced', statusCode: 422 });
    await expect(
      s.ledger.createJournalEntry(accountant.actor, {
        date: '2026-03-10',
        lines: [
          { accountCode: '1', debit: '5.00' },
          { accountCode: '4900', credit: '5.00' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'accounting.account_not_postable' });
    expect(await platform.ctx.db.$count(journalEntries)).toBe(before);
  });

  it('edits a draft; posting numbers it and moves balances; a posted entry only reverses', async () => {
    const draft = await s.ledger.createJournalEntry(accountant.actor, sale('2026-03-10', '100.00'));
    expect(draft).toMatchObject({ status: 'draft', entryNumber: null });
    const cashBefore = await s.ledger.getAccountBalance(accountant.actor, draft.lines[0]!.accountId, '2026-03-31');
    const edited = await s.ledger.updateDraft(accountant.actor, draft.id, sale('2026-03-11', '250.50'));
    expect(edited.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ['1101', '250.50', '0.00'],
      ['4900', '0.00', '250.50'],
    ]);
    const posted = await s.ledger.postEntry(accountant.actor, draft.id);
    expect(posted).toMatchObject({ status: 'posted', total: '250.50', date: '2026-03-11' });
    expect(posted.entryNumber).toMatch(/^2026-\d{6}$/);
    expect(await s.ledger.getAccountBalance(accountant.actor, posted.lines[0]!.accountId, '2026-03-31')).toBe(money(cashBefore).plus('250.50').toFixed(2));

    await expect(s.ledger.updateDraft(accountant.actor, draft.id, sale('2026-03-11', '1.00'))).rejects.toMatchObject({ code: 'accounting.entry_posted' });
    await expect(s.ledger.postEntry(accountant.actor, draft.id)).rejects.toMatchObject({ code: 'accounting.entry_posted' });
    const reversal = await s.ledger.reverseEntry(accountant.actor, draft.id, { date: '2026-03-12' });
    expect(reversal).toMatchObject({ status: 'posted', entryType: 'reversal', reversesId: draft.id });
    expect(reversal.lines.map((l) => [l.accountCode, l.debit, l.credit])).toEqual([
      ['1101', '0.00', '250.50'],
      ['4900', '250.50', '0.00'],
    ]);
    expect(await s.ledger.getAccountBalance(accountant.actor, posted.lines[0]!.accountId, '2026-03-31')).toBe(money(cashBefore).toFixed(2));
    await expect(s.ledger.reverseEntry(accountant.actor, draft.id)).rejects.toMatchObject({ code: 'accounting.already_reversed' });
    // The original is untouched.
    const [original] = await platform.ctx.db.select().from(journalLines).where(eq(journalLines.entryId, draft.id));
    expect(original).toMatchObject({ debit: '250.50' });
  });

  it('posts nothing into a closed month; only an admin reopens it', async () => {
    const draft = await s.ledger.createJournalEntry(accountant.actor, sale('2026-01-20', '10.00'));
    await s.ledger.closePeriod(accountant.actor, 2026, 1);
    await expect(s.ledger.postEntry(accountant.actor, draft.id)).rejects.toMatchObject({ code: 'accounting.period_closed', statusCode: 409 });
    expect((await s.ledger.getEntry(accountant.actor, draft.id)).status).toBe('draft');
    const reason = { reason: 'Falta una venta de enero' };
    await expect(s.close.reopenMonth(accountant.actor, 2026, 1, reason)).rejects.toMatchObject({ statusCode: 403 });
    await s.close.reopenMonth(admin.actor, 2026, 1, reason);
    expect((await s.ledger.postEntry(accountant.actor, draft.id)).status).toBe('posted');
  });
});

describe('concurrent postings', () => {
  it('keep the trial balance at zero and the numbering of the year without gaps', async () => {
    const amounts = Array.from({ length: 30 }, (_, i) => `${(i + 1) * 7}.${String(i * 3).padStart(2, '0')}`);
    const drafts = await Promise.all(
      amounts.map((a, i) => s.ledger.createJournalEntry(accountant.actor, sale(`2026-02-${String((i % 27) + 1).padStart(2, '0')}`, a))),
    );
    // Half of them race to post while the other half race to reverse postings of their own.
    await Promise.all(drafts.map((d) => s.ledger.postEntry(accountant.actor, d.id)));
    await Promise.all(drafts.slice(0, 10).map((d) => s.ledger.reverseEntry(accountant.actor, d.id, { date: '2026-02-28' })));

    const trial = await s.statements.trialBalance(accountant.actor, { from: '2026-01-01', to: '2026-12-31' });
    expect(trial.totals.debit).toBe(trial.totals.credit);
    expect(trial.totals.closing).toBe('0.00');
    const posted = await platform.ctx.db.select({ n: journalEntries.entryNumber }).from(journalEntries).where(eq(journalEntries.status, 'posted'));
    const numbers = posted.map((p) => Number(p.n!.slice(5))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    // What the race posted, less what it reversed, is in the cash account's February.
    const february = await s.statements.trialBalance(accountant.actor, { from: '2026-02-01', to: '2026-02-28' });
    const cash = february.rows.find((r) => r.code === '1101')!;
    const expected = amounts.slice(10).reduce((sum, a) => sum.plus(a), money(0));
    expect(money(cash.debit).minus(cash.credit).toFixed(2)).toBe(expected.toFixed(2));
  });
});
