import { type DbOrTx, money } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import { and, asc, gte, lte, sql } from 'drizzle-orm';
import { accountDayTotals, accounts } from './accounting.tables';

export type Account = typeof accounts.$inferSelect;

export interface Movement {
  debit: Decimal;
  credit: Decimal;
}

/** Posted debits and credits per account over a range of days (either end open), from the day totals. */
export async function movements(db: DbOrTx, range: { from?: string; to?: string }): Promise<Map<number, Movement>> {
  const rows = await db
    .select({
      accountId: accountDayTotals.accountId,
      debit: sql<string>`sum(${accountDayTotals.debit})`,
      credit: sql<string>`sum(${accountDayTotals.credit})`,
    })
    .from(accountDayTotals)
    .where(and(range.from ? gte(accountDayTotals.day, range.from) : undefined, range.to ? lte(accountDayTotals.day, range.to) : undefined))
    .groupBy(accountDayTotals.accountId);
  return new Map(rows.map((r) => [r.accountId, { debit: money(r.debit), credit: money(r.credit) }]));
}

/** The chart with each account's descendants, to roll postings up into groups. */
export async function chartOf(db: DbOrTx): Promise<{ accounts: Account[]; descendants: Map<number, number[]> }> {
  const all = await db.select().from(accounts).orderBy(asc(accounts.code));
  const children = new Map<number, number[]>();
  for (const a of all) if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  const descendants = new Map<number, number[]>();
  const walk = (id: number): number[] => {
    const known = descendants.get(id);
    if (known) return known;
    const ids = [id, ...(children.get(id) ?? []).flatMap(walk)];
    descendants.set(id, ids);
    return ids;
  };
  for (const a of all) walk(a.id);
  return { accounts: all, descendants };
}

/** An account's movement with its descendants'. */
export function rolledUp(account: Account, chart: { descendants: Map<number, number[]> }, moves: Map<number, Movement>): Movement {
  return (chart.descendants.get(account.id) ?? [account.id]).reduce<Movement>(
    (sum, id) => {
      const m = moves.get(id);
      return m ? { debit: sum.debit.plus(m.debit), credit: sum.credit.plus(m.credit) } : sum;
    },
    { debit: money(0), credit: money(0) },
  );
}

/** A balance on the account's natural side: positive when it sits where it should. */
export function onNaturalSide(account: Pick<Account, 'naturalSide'>, m: Movement): Decimal {
  return account.naturalSide === 'debit' ? m.debit.minus(m.credit) : m.credit.minus(m.debit);
}

/** A balance on the side of the account's type (a contra account shows negative): what statements add up. */
export function onTypeSide(account: Pick<Account, 'accountType'>, m: Movement): Decimal {
  return account.accountType === 'asset' || account.accountType === 'expense' ? m.debit.minus(m.credit) : m.credit.minus(m.debit);
}
