import { type Actor, addLocalDays, type ModuleContext, money, NotFoundError, parseInput } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { asOfSchema, periodSchema } from './accounting.schemas';
import { type AccountType, accountDayTotals, accounts, journalEntries, journalLines } from './accounting.tables';
import { type Account, chartOf, type Movement, movements, onNaturalSide, onTypeSide, rolledUp } from './balances';
import { toBeancount } from './beancount';
import { closingMoves, closingMovesByMonth, withoutMoves } from './closing-entries';
import { toHledger } from './hledger';
import { requireBookkeeper } from './ledger.service';

export interface StatementRow {
  code: string;
  name: string;
  satCode: string;
  depth: number;
  isGroup: boolean;
}

const fixed = (d: Decimal) => d.toFixed(2);
const zero = (): Movement => ({ debit: money(0), credit: money(0) });
const shiftYear = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');

/** The months a period touches, "2026-01" … */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = `${y}-${String(m).padStart(2, '0')}`) {
    months.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/**
 * FinancialStatementService: trial balance, profit and loss (by month, with the same period a year
 * before), balance sheet (with a year before), the general ledger of an account with its running
 * balance, and the journal as an hledger file. Everything is added up from the day totals.
 */
export function createStatementService(ctx: ModuleContext) {
  const { db } = ctx;

  function depthOf(account: Account, byId: Map<number, Account>): number {
    let depth = 0;
    for (let a = account; a.parentId; a = byId.get(a.parentId)!) depth++;
    return depth;
  }

  function rowOf(a: Account, byId: Map<number, Account>): StatementRow {
    return { code: a.code, name: a.name, satCode: a.satCode, depth: depthOf(a, byId), isGroup: a.isGroup };
  }

  /** Every account with its opening balance, the period's debits and credits and its closing balance (debit positive). */
  async function trialBalance(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const { from, to } = parseInput(periodSchema, input);
    const chart = await chartOf(db);
    const byId = new Map(chart.accounts.map((a) => [a.id, a]));
    const [before, during] = await Promise.all([movements(db, { to: addLocalDays(from, -1) }), movements(db, { from, to })]);
    const rows = chart.accounts.map((a) => {
      const opening = rolledUp(a, chart, before);
      const moved = rolledUp(a, chart, during);
      const open = opening.debit.minus(opening.credit);
      return {
        ...rowOf(a, byId),
        opening: fixed(open),
        debit: fixed(moved.debit),
        credit: fixed(moved.credit),
        closing: fixed(open.plus(moved.debit).minus(moved.credit)),
      };
    });
    const leaves = rows.filter((r) => !r.isGroup);
    const sum = (k: 'debit' | 'credit' | 'closing') => fixed(leaves.reduce((s, r) => s.plus(r[k]), money(0)));
    return { from, to, rows, totals: { debit: sum('debit'), credit: sum('credit'), closing: sum('closing') } };
  }

  async function monthlyMovements(from: string, to: string): Promise<Map<string, Map<number, Movement>>> {
    const month = sql<string>`to_char(${accountDayTotals.day}, 'YYYY-MM')`;
    const rows = await db
      .select({
        month,
        accountId: accountDayTotals.accountId,
        debit: sql<string>`sum(${accountDayTotals.debit})`,
        credit: sql<string>`sum(${accountDayTotals.credit})`,
      })
      .from(accountDayTotals)
      .where(and(gte(accountDayTotals.day, from), lte(accountDayTotals.day, to)))
      .groupBy(month, accountDayTotals.accountId);
    const byMonth = new Map<string, Map<number, Movement>>();
    for (const r of rows) {
      const m = byMonth.get(r.month) ?? new Map<number, Movement>();
      m.set(r.accountId, { debit: money(r.debit), credit: money(r.credit) });
      byMonth.set(r.month, m);
    }
    return byMonth;
  }

  /** Revenue and expenses per account, by month, with the period's total and the same period a year before. */
  async function profitAndLoss(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const { from, to } = parseInput(periodSchema, input);
    const chart = await chartOf(db);
    const byId = new Map(chart.accounts.map((a) => [a.id, a]));
    const months = monthsOf(from, to);
    const priorRange = { from: shiftYear(from, -1), to: shiftYear(to, -1) };
    // Year-end closing entries move the result to equity: they are no revenue or expense of the period.
    const [byMonthAll, totalAll, priorAll, closingByMonth, priorClosing] = await Promise.all([
      monthlyMovements(from, to),
      movements(db, { from, to }),
      movements(db, priorRange),
      closingMovesByMonth(db, { from, to }),
      closingMoves(db, priorRange),
    ]);
    const byMonth = new Map([...byMonthAll].map(([m, moves]) => [m, withoutMoves(moves, closingByMonth.get(m) ?? new Map())]));
    const total = withoutMoves(totalAll, await closingMoves(db, { from, to }));
    const prior = withoutMoves(priorAll, priorClosing);
    const section = (type: AccountType) => {
      const rows = chart.accounts
        .filter((a) => a.accountType === type)
        .map((a) => ({
          ...rowOf(a, byId),
          months: months.map((m) => fixed(onTypeSide(a, rolledUp(a, chart, byMonth.get(m) ?? new Map())))),
          total: fixed(onTypeSide(a, rolledUp(a, chart, total))),
          prior: fixed(onTypeSide(a, rolledUp(a, chart, prior))),
        }));
      const sumOf = (pick: (r: (typeof rows)[number]) => string) => rows.filter((r) => !r.isGroup).reduce((s, r) => s.plus(pick(r)), money(0));
      return {
        rows,
        months: months.map((_, i) => fixed(sumOf((r) => r.months[i]!))),
        total: fixed(sumOf((r) => r.total)),
        prior: fixed(sumOf((r) => r.prior)),
      };
    };
    const revenue = section('revenue');
    const expenses = section('expense');
    const net = (pick: (s: typeof revenue) => string) => fixed(money(pick(revenue)).minus(pick(expenses)));
    return {
      from,
      to,
      priorFrom: shiftYear(from, -1),
      priorTo: shiftYear(to, -1),
      months,
      revenue,
      expenses,
      netIncome: { months: months.map((_, i) => net((s) => s.months[i]!)), total: net((s) => s.total), prior: net((s) => s.prior) },
    };
  }

  /** Assets, liabilities and equity on a day (and a year before); the result not yet closed into equity shows as its own line. */
  async function balanceSheet(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const { asOf } = parseInput(asOfSchema, input);
    const priorAsOf = shiftYear(asOf, -1);
    const chart = await chartOf(db);
    const byId = new Map(chart.accounts.map((a) => [a.id, a]));
    const [now, before] = await Promise.all([movements(db, { to: asOf }), movements(db, { to: priorAsOf })]);
    const resultOf = (moves: Map<number, Movement>) =>
      chart.accounts
        .filter((a) => !a.isGroup && (a.accountType === 'revenue' || a.accountType === 'expense'))
        .reduce(
          (s, a) => (a.accountType === 'revenue' ? s.plus(onTypeSide(a, moves.get(a.id) ?? zero())) : s.minus(onTypeSide(a, moves.get(a.id) ?? zero()))),
          money(0),
        );
    const section = (type: AccountType) => {
      const rows = chart.accounts
        .filter((a) => a.accountType === type)
        .map((a) => ({ ...rowOf(a, byId), balance: fixed(onTypeSide(a, rolledUp(a, chart, now))), prior: fixed(onTypeSide(a, rolledUp(a, chart, before))) }));
      const leaves = rows.filter((r) => !r.isGroup);
      return { rows, total: fixed(leaves.reduce((s, r) => s.plus(r.balance), money(0))), prior: fixed(leaves.reduce((s, r) => s.plus(r.prior), money(0))) };
    };
    const assets = section('asset');
    const liabilities = section('liability');
    const equity = section('equity');
    const result = { balance: fixed(resultOf(now)), prior: fixed(resultOf(before)) };
    const liabilitiesAndEquity = (k: 'total' | 'prior', r: 'balance' | 'prior') => fixed(money(liabilities[k]).plus(equity[k]).plus(result[r]));
    return {
      asOf,
      priorAsOf,
      assets,
      liabilities,
      equity,
      result,
      liabilitiesAndEquity: { total: liabilitiesAndEquity('total', 'balance'), prior: liabilitiesAndEquity('prior', 'prior') },
    };
  }

  /** One account's (and its sub-accounts') posted lines of a period with the running balance on its natural side. */
  async function generalLedger(actor: Actor, accountCode: string, input: unknown) {
    requireBookkeeper(actor);
    const { from, to } = parseInput(periodSchema, input);
    const chart = await chartOf(db);
    const account = chart.accounts.find((a) => a.code === accountCode);
    if (!account) throw new NotFoundError('accounting.account_not_found', `Account ${accountCode} not found.`);
    const ids = chart.descendants.get(account.id)!;
    const opening = onNaturalSide(account, rolledUp(account, chart, await movements(db, { to: addLocalDays(from, -1) })));
    const rows = await db
      .select({
        date: journalEntries.date,
        entryId: journalEntries.id,
        entryNumber: journalEntries.entryNumber,
        entryDescription: journalEntries.description,
        accountCode: accounts.code,
        description: journalLines.description,
        debit: journalLines.debit,
        credit: journalLines.credit,
      })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .innerJoin(accounts, eq(accounts.id, journalLines.accountId))
      .where(and(inArray(journalLines.accountId, ids), eq(journalEntries.status, 'posted'), gte(journalEntries.date, from), lte(journalEntries.date, to)))
      .orderBy(asc(journalEntries.date), asc(journalEntries.entryNumber), asc(journalLines.lineOrder));
    let running = opening;
    const lines = rows.map((r) => {
      running = running.plus(onNaturalSide(account, { debit: money(r.debit), credit: money(r.credit) }));
      return { ...r, debit: fixed(money(r.debit)), credit: fixed(money(r.credit)), balance: fixed(running) };
    });
    return { account, from, to, opening: fixed(opening), lines, closing: fixed(running) };
  }

  /** The posted journal (of a period, or all of it) as an hledger journal or a beancount ledger. */
  async function exportJournal(actor: Actor, format: JournalFormat, range: { from?: string; to?: string } = {}): Promise<string> {
    requireBookkeeper(actor);
    const chart = await chartOf(db);
    const where = and(
      eq(journalEntries.status, 'posted'),
      range.from ? gte(journalEntries.date, range.from) : undefined,
      range.to ? lte(journalEntries.date, range.to) : undefined,
    );
    const entries = await db.select().from(journalEntries).where(where).orderBy(asc(journalEntries.date), asc(journalEntries.entryNumber));
    const lines = await db
      .select({
        entryId: journalLines.entryId,
        accountId: journalLines.accountId,
        debit: journalLines.debit,
        credit: journalLines.credit,
        description: journalLines.description,
      })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(where)
      .orderBy(asc(journalLines.entryId), asc(journalLines.lineOrder));
    const byEntry = new Map<number, typeof lines>();
    for (const l of lines) byEntry.set(l.entryId, [...(byEntry.get(l.entryId) ?? []), l]);
    return (format === 'beancount' ? toBeancount : toHledger)(
      chart.accounts,
      entries.map((e) => ({
        date: e.date,
        entryNumber: e.entryNumber!,
        description: e.description,
        reference: e.reference,
        lines: (byEntry.get(e.id) ?? []).map((l) => ({ ...l, debit: money(l.debit).toFixed(2), credit: money(l.credit).toFixed(2) })),
      })),
    );
  }

  return { trialBalance, profitAndLoss, balanceSheet, generalLedger, exportJournal };
}

/** The ledger tools the books export to. */
export const JOURNAL_FORMATS = ['hledger', 'beancount'] as const;
export type JournalFormat = (typeof JOURNAL_FORMATS)[number];

export type StatementService = ReturnType<typeof createStatementService>;
