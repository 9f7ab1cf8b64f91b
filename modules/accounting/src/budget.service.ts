import { type Actor, type ModuleContext, money, NotFoundError, parseInput, roundMoney, ValidationError } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { accountDayTotals, accounts, journalEntries, journalLines } from './accounting.tables';
import { type Account, onTypeSide } from './balances';
import { budgetQuerySchema, copyBudgetSchema, setBudgetSchema, varianceQuerySchema } from './budget.schemas';
import { budgets } from './budgets.tables';
import { closingMovesByMonth } from './closing-entries';
import { requireBookkeeper } from './ledger.service';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const fixed = (d: Decimal) => d.toFixed(2);
const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

export interface BudgetWarning {
  accountCode: string;
  name: string;
  /** "2026-03" */
  month: string;
  budget: string;
  actual: string;
  over: string;
}

/**
 * BudgetService: a budgeted amount per account per month of a year, copied from last year's budget or
 * actuals with a percentage, the variance against the books by month and year to date, and the warning
 * when a posting takes an expense account over its month's budget (told, never refused).
 */
export function createBudgetService(ctx: ModuleContext) {
  const { db } = ctx;

  async function accountByCode(code: string): Promise<Account> {
    const [a] = await db.select().from(accounts).where(eq(accounts.code, code));
    if (!a) throw new NotFoundError('accounting.account_not_found', `Account ${code} not found.`);
    return a;
  }

  /** Posted movement per account and month of a year, on the account type's side (what a budget measures). */
  async function actuals(year: number, accountIds: number[]): Promise<Map<number, Decimal[]>> {
    if (accountIds.length === 0) return new Map();
    const month = sql<number>`extract(month from ${accountDayTotals.day})::int`;
    const rows = await db
      .select({
        accountId: accountDayTotals.accountId,
        month,
        debit: sql<string>`sum(${accountDayTotals.debit})`,
        credit: sql<string>`sum(${accountDayTotals.credit})`,
      })
      .from(accountDayTotals)
      .where(and(inArray(accountDayTotals.accountId, accountIds), gte(accountDayTotals.day, `${year}-01-01`), lte(accountDayTotals.day, `${year}-12-31`)))
      .groupBy(accountDayTotals.accountId, month);
    const closing = await closingMovesByMonth(db, { from: `${year}-12-01`, to: `${year}-12-31` });
    const types = new Map(
      (await db.select({ id: accounts.id, accountType: accounts.accountType }).from(accounts).where(inArray(accounts.id, accountIds))).map((a) => [a.id, a]),
    );
    const out = new Map<number, Decimal[]>(accountIds.map((id) => [id, MONTHS.map(() => money(0))]));
    for (const r of rows) {
      // December without the year-end closing entry, which empties every revenue and expense account.
      const closed = Number(r.month) === 12 ? closing.get(`${year}-12`)?.get(r.accountId) : undefined;
      const moved = { debit: money(r.debit).minus(closed?.debit ?? 0), credit: money(r.credit).minus(closed?.credit ?? 0) };
      out.get(r.accountId)![Number(r.month) - 1] = onTypeSide(types.get(r.accountId)!, moved);
    }
    return out;
  }

  /** `get_budget`: the year's budget per account (one account when asked). */
  async function getBudget(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const { year, accountCode } = parseInput(budgetQuerySchema, input);
    const rows = await db
      .select({
        accountId: budgets.accountId,
        month: budgets.month,
        amount: budgets.amount,
        code: accounts.code,
        name: accounts.name,
        accountType: accounts.accountType,
      })
      .from(budgets)
      .innerJoin(accounts, eq(accounts.id, budgets.accountId))
      .where(and(eq(budgets.year, year), accountCode ? eq(accounts.code, accountCode) : undefined))
      .orderBy(asc(accounts.code), asc(budgets.month));
    const byAccount = new Map<string, { accountCode: string; name: string; accountType: string; months: string[] }>();
    for (const r of rows) {
      const a = byAccount.get(r.code) ?? { accountCode: r.code, name: r.name, accountType: r.accountType, months: MONTHS.map(() => '0.00') };
      a.months[r.month - 1] = money(r.amount).toFixed(2);
      byAccount.set(r.code, a);
    }
    return { year, accounts: [...byAccount.values()].map((a) => ({ ...a, total: fixed(a.months.reduce((s, m) => s.plus(m), money(0))) })) };
  }

  async function write(year: number, accountId: number, months: Decimal.Value[]) {
    await db.transaction(async (tx) => {
      await tx.delete(budgets).where(and(eq(budgets.year, year), eq(budgets.accountId, accountId)));
      await tx.insert(budgets).values(MONTHS.map((m) => ({ year, month: m, accountId, amount: fixed(money(months[m - 1]!)) })));
    });
  }

  /** `set_budget`: twelve monthly amounts for a postable revenue or expense account. */
  async function setBudget(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(setBudgetSchema, input);
    const account = await accountByCode(data.accountCode);
    if (account.isGroup || (account.accountType !== 'expense' && account.accountType !== 'revenue'))
      throw ValidationError.forField(
        'accounting.budget_account',
        'accountCode',
        `Account ${account.code} is not a revenue or expense account that takes postings.`,
        {
          code: account.code,
        },
      );
    await write(data.year, account.id, data.months);
    return getBudget(actor, { year: data.year, accountCode: account.code });
  }

  /** Next year's budget from last year's budget (or actuals), each month more or less by `percent`; it replaces what the target year had for those accounts. */
  async function copyYear(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(copyBudgetSchema, input);
    const factor = money(100).plus(data.percent).div(100);
    let source: Map<number, Decimal[]>;
    if (data.source === 'budget') {
      const rows = await db.select().from(budgets).where(eq(budgets.year, data.fromYear));
      source = new Map();
      for (const r of rows) {
        const months = source.get(r.accountId) ?? MONTHS.map(() => money(0));
        months[r.month - 1] = money(r.amount);
        source.set(r.accountId, months);
      }
    } else {
      const leaves = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.isGroup, false), inArray(accounts.accountType, ['revenue', 'expense'])));
      source = new Map(
        [
          ...(await actuals(
            data.fromYear,
            leaves.map((l) => l.id),
          )),
        ].filter(([, months]) => months.some((m) => !m.isZero())),
      );
    }
    if (source.size === 0)
      throw ValidationError.forField(
        'accounting.budget_nothing_to_copy',
        'fromYear',
        `${data.fromYear} has no ${data.source === 'budget' ? 'budget' : 'postings'} to copy.`,
        {
          year: data.fromYear,
        },
      );
    for (const [accountId, months] of source)
      await write(
        data.toYear,
        accountId,
        months.map((m) => roundMoney(m.times(factor))),
      );
    return getBudget(actor, { year: data.toYear });
  }

  /** `get_variance_report`: budget, actual and variance (actual − budget) per budgeted account, by month, for the month and the year to date. */
  async function varianceReport(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const { year, month = 12 } = parseInput(varianceQuerySchema, input);
    const budget = await getBudget(actor, { year });
    const ids = new Map((await db.select({ id: accounts.id, code: accounts.code }).from(accounts)).map((a) => [a.code, a.id]));
    const actual = await actuals(
      year,
      budget.accounts.map((a) => ids.get(a.accountCode)!),
    );
    const cell = (b: Decimal, a: Decimal) => ({ budget: fixed(b), actual: fixed(a), variance: fixed(a.minus(b)) });
    const rows = budget.accounts.map((a) => {
      const done = actual.get(ids.get(a.accountCode)!)!;
      const months = MONTHS.map((m) => cell(money(a.months[m - 1]!), done[m - 1]!));
      const ytdBudget = a.months.slice(0, month).reduce((s, m) => s.plus(m), money(0));
      const ytdActual = done.slice(0, month).reduce((s, m) => s.plus(m), money(0));
      // Over budget is bad for an expense and good for revenue: `over` flags an expense over in the month or the year to date.
      const over = a.accountType === 'expense' && (done[month - 1]!.gt(a.months[month - 1]!) || ytdActual.gt(ytdBudget));
      return {
        accountCode: a.accountCode,
        name: a.name,
        accountType: a.accountType,
        months,
        month: months[month - 1]!,
        yearToDate: cell(ytdBudget, ytdActual),
        over,
      };
    });
    return { year, month, rows };
  }

  /** After a posting: each expense account it debited whose month is now over its budget. */
  async function warningsFor(actor: Actor, entryId: number): Promise<BudgetWarning[]> {
    requireBookkeeper(actor);
    const [entry] = await db.select().from(journalEntries).where(eq(journalEntries.id, entryId));
    if (entry?.status !== 'posted') return [];
    const year = Number(entry.date.slice(0, 4));
    const month = Number(entry.date.slice(5, 7));
    const debited = await db
      .select({ id: accounts.id, code: accounts.code, name: accounts.name, budget: budgets.amount })
      .from(journalLines)
      .innerJoin(accounts, eq(accounts.id, journalLines.accountId))
      .innerJoin(budgets, and(eq(budgets.accountId, accounts.id), eq(budgets.year, year), eq(budgets.month, month)))
      .where(and(eq(journalLines.entryId, entryId), eq(accounts.accountType, 'expense'), sql`${journalLines.debit} > 0`));
    if (debited.length === 0) return [];
    const actual = await actuals(year, [...new Set(debited.map((d) => d.id))]);
    const seen = new Set<number>();
    return debited.flatMap((d) => {
      if (seen.has(d.id)) return [];
      seen.add(d.id);
      const spent = actual.get(d.id)![month - 1]!;
      const over = spent.minus(d.budget);
      return over.isPositive()
        ? [{ accountCode: d.code, name: d.name, month: monthKey(year, month), budget: fixed(money(d.budget)), actual: fixed(spent), over: fixed(over) }]
        : [];
    });
  }

  return { getBudget, setBudget, copyYear, varianceReport, warningsFor };
}

export type BudgetService = ReturnType<typeof createBudgetService>;
