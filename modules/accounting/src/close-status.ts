import type { Actor, ModuleContext } from '@petfriendly/core';
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import { fiscalPeriods, journalEntries } from './accounting.tables';
import { bankAccounts, bankTransactions, reconciliations } from './bank.tables';
import { fromCents } from './cents';
import { LEDGER_CONSUMER } from './consumers';
import { requireBookkeeper } from './ledger.service';
import { firstDay, lastDay } from './month';
import { purchaseReceipts, receiptMatches } from './receipts.tables';

/** What stands between a month and its close: each blocker with how many and which. */
export interface CloseBlocker {
  code: 'events_unbooked' | 'draft_entries' | 'open_reconciliation' | 'unreconciled_bank_lines' | 'earlier_month_open';
  count: number;
  detail: string[];
}

/**
 * A month's close status: whether it is closed, and what should be settled before it is — events the books
 * have not booked yet, draft entries dated in it, bank lines of the month not yet reconciled, an earlier month
 * still open — and what to look at (receipts still waiting for their supplier's bill, in goods received).
 */
export function createCloseStatus(ctx: ModuleContext) {
  const { db } = ctx;

  async function monthStatus(actor: Actor, year: number, month: number) {
    requireBookkeeper(actor);
    const from = firstDay(year, month);
    const to = lastDay(year, month);
    const [period] = await db
      .select()
      .from(fiscalPeriods)
      .where(and(eq(fiscalPeriods.year, year), eq(fiscalPeriods.month, month)));
    const ledger = (await ctx.events.status()).find((c) => c.name === LEDGER_CONSUMER);
    const [drafts, openRecs, unreconciled, earlier, unbilled] = await Promise.all([
      db
        .select({ id: journalEntries.id, date: journalEntries.date, description: journalEntries.description })
        .from(journalEntries)
        .where(and(eq(journalEntries.status, 'draft'), gte(journalEntries.date, from), lte(journalEntries.date, to)))
        .orderBy(asc(journalEntries.date), asc(journalEntries.id)),
      db
        .select({ id: reconciliations.id, bank: bankAccounts.name, statementDate: reconciliations.statementDate })
        .from(reconciliations)
        .innerJoin(bankAccounts, eq(bankAccounts.id, reconciliations.bankAccountId))
        .where(and(eq(reconciliations.status, 'open'), lte(reconciliations.statementDate, to))),
      db
        .select({ id: bankTransactions.id, bank: bankAccounts.name, date: bankTransactions.date, amountCents: bankTransactions.amountCents })
        .from(bankTransactions)
        .innerJoin(bankAccounts, eq(bankAccounts.id, bankTransactions.bankAccountId))
        .where(and(isNull(bankTransactions.reconciliationId), gte(bankTransactions.date, from), lte(bankTransactions.date, to)))
        .orderBy(asc(bankTransactions.date), asc(bankTransactions.id)),
      db
        .select({ month: fiscalPeriods.month })
        .from(fiscalPeriods)
        .where(and(eq(fiscalPeriods.year, year), eq(fiscalPeriods.status, 'open'), lte(fiscalPeriods.month, month - 1)))
        .orderBy(asc(fiscalPeriods.month)),
      db
        .select({ id: purchaseReceipts.id, supplier: purchaseReceipts.supplier, costCents: purchaseReceipts.costCents })
        .from(purchaseReceipts)
        .leftJoin(receiptMatches, eq(receiptMatches.receiptId, purchaseReceipts.id))
        .where(and(isNull(receiptMatches.id), lte(purchaseReceipts.receivedOn, to))),
    ]);
    const blockers: CloseBlocker[] = [];
    const behind = ledger?.behind ?? 0;
    if (behind > 0 || ledger?.lastError)
      blockers.push({ code: 'events_unbooked', count: behind, detail: ledger?.lastError ? [ledger.lastError.slice(0, 300)] : [] });
    if (drafts.length) blockers.push({ code: 'draft_entries', count: drafts.length, detail: drafts.map((d) => `#${d.id} ${d.date} ${d.description}`) });
    if (openRecs.length) blockers.push({ code: 'open_reconciliation', count: openRecs.length, detail: openRecs.map((r) => `${r.bank} · ${r.statementDate}`) });
    if (unreconciled.length)
      blockers.push({
        code: 'unreconciled_bank_lines',
        count: unreconciled.length,
        detail: unreconciled.map((t) => `${t.bank} · ${t.date} · ${fromCents(t.amountCents)}`),
      });
    if (earlier.length)
      blockers.push({ code: 'earlier_month_open', count: earlier.length, detail: earlier.map((e) => `${year}-${String(e.month).padStart(2, '0')}`) });
    const status = period?.status ?? 'open';
    return {
      year,
      month,
      status,
      canClose: status === 'open' && blockers.length === 0,
      blockers,
      /** Goods received by the month's end that no supplier bill has matched yet (they stay in 2102). */
      receiptsAwaitingBill: { count: unbilled.length, amount: fromCents(unbilled.reduce((s, r) => s + r.costCents, 0)) },
    };
  }

  return { monthStatus };
}
