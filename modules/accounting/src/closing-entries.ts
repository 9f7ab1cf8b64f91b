import { type DbOrTx, money } from '@petfriendly/core';
import { and, eq, gte, like, lte, sql } from 'drizzle-orm';
import { journalEntries, journalLines } from './accounting.tables';
import type { Movement } from './balances';

/**
 * The year-end closing entries (and their reversals when a year was reopened: they share the `closing:YEAR`
 * reference), per month and account. A profit and loss, a budget's actuals and the SAT's December balanza
 * leave them out: they move the year's result to equity, they are not revenue or expense.
 */
export async function closingMovesByMonth(db: DbOrTx, range: { from?: string; to?: string }): Promise<Map<string, Map<number, Movement>>> {
  const month = sql<string>`to_char(${journalEntries.date}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, accountId: journalLines.accountId, debit: sql<string>`sum(${journalLines.debit})`, credit: sql<string>`sum(${journalLines.credit})` })
    .from(journalLines)
    .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
    .where(
      and(
        eq(journalEntries.status, 'posted'),
        like(journalEntries.reference, 'closing:%'),
        range.from ? gte(journalEntries.date, range.from) : undefined,
        range.to ? lte(journalEntries.date, range.to) : undefined,
      ),
    )
    .groupBy(month, journalLines.accountId);
  const byMonth = new Map<string, Map<number, Movement>>();
  for (const r of rows) {
    const m = byMonth.get(r.month) ?? new Map<number, Movement>();
    m.set(r.accountId, { debit: money(r.debit), credit: money(r.credit) });
    byMonth.set(r.month, m);
  }
  return byMonth;
}

/** The closing entries' moves of a range, all months together. */
export async function closingMoves(db: DbOrTx, range: { from?: string; to?: string }): Promise<Map<number, Movement>> {
  const total = new Map<number, Movement>();
  for (const moves of (await closingMovesByMonth(db, range)).values())
    for (const [id, m] of moves) {
      const sum = total.get(id) ?? { debit: money(0), credit: money(0) };
      total.set(id, { debit: sum.debit.plus(m.debit), credit: sum.credit.plus(m.credit) });
    }
  return total;
}

/** `a` less `b`, account by account. */
export function withoutMoves(a: Map<number, Movement>, b: Map<number, Movement>): Map<number, Movement> {
  const out = new Map(a);
  for (const [id, m] of b) {
    const x = out.get(id) ?? { debit: money(0), credit: money(0) };
    out.set(id, { debit: x.debit.minus(m.debit), credit: x.credit.minus(m.credit) });
  }
  return out;
}
