import type { invoiceCancelled, invoiceDiscounted, invoiceIssued, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import type { closeApproved } from '@petfriendly/cash-close';
import { type Actor, type EventContext, type EventPayload, localDate, type ModuleContext, money, NotFoundError, parseInput, type Tx } from '@petfriendly/core';
import type { stockMoved, stockReceived } from '@petfriendly/store';
import { and, eq, sql } from 'drizzle-orm';
import { revenueMappingSchema } from './accounting.schemas';
import { accounts, receivables, revenueAccounts } from './accounting.tables';
import { REVENUE_BY_KIND } from './chart';
import { type EntryDraft, type LedgerService, requireBookkeeper } from './ledger.service';
import { saveReceipt } from './receipts.service';
import { closeApprovedEntry } from './rules/cash-close';
import {
  invoiceCancelledEntry,
  invoiceDiscountedEntry,
  invoiceIssuedEntry,
  paymentReceivedEntry,
  paymentRefundedEntry,
  type Receivable,
  type RevenueAccountOf,
} from './rules/invoices';
import { stockMovedEntry, stockReceivedEntry } from './rules/stock';

/**
 * The books from the events: each handler runs in the ledger consumer's transaction (once per event, in
 * commit order, replayable from position 0), asks its rule what to post and posts it. What the rules need
 * to remember between events (an invoice's balance and IVA collected) is kept in `receivables`.
 */
export function createPostingService(ctx: ModuleContext, ledger: LedgerService) {
  const { db } = ctx;
  let chartReady: Promise<void> | null = null;
  const dayOf = (instant: string | Date) => localDate(new Date(instant), ctx.clinic.TIME_ZONE);

  async function post(draft: EntryDraft | null, event: EventContext) {
    chartReady ??= ledger.installChart();
    await chartReady;
    if (draft) await ledger.postFromEvent(draft, event.eventId);
  }

  /** Revenue accounts by kind and category, falling back to the kind's default. */
  async function revenueAccountOf(tx: Tx): Promise<RevenueAccountOf> {
    const rows = await tx
      .select({ kind: revenueAccounts.kind, categoryId: revenueAccounts.categoryId, code: accounts.code })
      .from(revenueAccounts)
      .innerJoin(accounts, eq(accounts.id, revenueAccounts.accountId));
    const map = new Map(rows.map((r) => [`${r.kind}:${r.categoryId ?? ''}`, r.code]));
    return (kind, categoryId) => map.get(`${kind}:${categoryId ?? ''}`) ?? map.get(`${kind}:`) ?? REVENUE_BY_KIND[kind];
  }

  async function receivableOf(tx: Tx, invoiceId: number): Promise<Receivable> {
    const [row] = await tx.select().from(receivables).where(eq(receivables.invoiceId, invoiceId)).for('update');
    // The books hear of every invoice when it is issued; a payment of one they never heard of is a gap in the history.
    if (!row) throw new NotFoundError('accounting.receivable_unknown', `The books have no issued invoice ${invoiceId}.`);
    return row;
  }

  async function saveReceivable(tx: Tx, r: Receivable, status?: 'cancelled') {
    await tx
      .update(receivables)
      .set({ total: r.total, tax: r.tax, taxCollected: r.taxCollected, balance: r.balance, status: status ?? (money(r.balance).gt(0) ? 'open' : 'paid') })
      .where(eq(receivables.invoiceId, r.invoiceId));
  }

  async function onInvoiceIssued(p: EventPayload<typeof invoiceIssued>, event: EventContext) {
    const { entry, receivable } = invoiceIssuedEntry(p, await revenueAccountOf(event.tx));
    await post(entry, event);
    if (p.kind === 'global') return;
    await event.tx.insert(receivables).values({
      ...receivable,
      invoiceNumber: p.invoiceNumber,
      ownerId: p.ownerId,
      issuedOn: p.date,
      dueDate: p.dueDate,
      status: money(receivable.balance).gt(0) ? 'open' : 'paid',
    });
  }

  async function onInvoiceDiscounted(p: EventPayload<typeof invoiceDiscounted>, event: EventContext) {
    const { entry, receivable } = invoiceDiscountedEntry(p, await receivableOf(event.tx, p.invoiceId), dayOf(event.occurredAt));
    await post(entry, event);
    await saveReceivable(event.tx, receivable);
  }

  async function onPaymentReceived(p: EventPayload<typeof paymentReceived>, event: EventContext) {
    const { entry, receivable } = paymentReceivedEntry(p, await receivableOf(event.tx, p.invoiceId));
    await post(entry, event);
    await saveReceivable(event.tx, receivable);
  }

  async function onPaymentRefunded(p: EventPayload<typeof paymentRefunded>, event: EventContext) {
    const { entry, receivable } = paymentRefundedEntry(p, await receivableOf(event.tx, p.invoiceId));
    await post(entry, event);
    await saveReceivable(event.tx, receivable);
  }

  async function onInvoiceCancelled(p: EventPayload<typeof invoiceCancelled>, event: EventContext) {
    const receivable = await receivableOf(event.tx, p.invoiceId);
    await post(invoiceCancelledEntry(p, receivable, await revenueAccountOf(event.tx)), event);
    await saveReceivable(event.tx, { ...receivable, balance: '0.00' }, 'cancelled');
  }

  async function onStockReceived(p: EventPayload<typeof stockReceived>, event: EventContext) {
    await post(stockReceivedEntry(p, dayOf(p.at)), event);
    await saveReceipt(event.tx, p, dayOf(p.at));
  }

  async function onStockMoved(p: EventPayload<typeof stockMoved>, event: EventContext) {
    await post(stockMovedEntry(p, dayOf(p.at)), event);
  }

  async function onCloseApproved(p: EventPayload<typeof closeApproved>, event: EventContext) {
    await post(closeApprovedEntry(p), event);
  }

  /** Sends a kind of line (or one category of it) to a revenue account, for the invoices booked from now on. */
  async function mapRevenue(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(revenueMappingSchema, input);
    const account = await ledger.getAccount(actor, { code: data.accountCode });
    if (account.accountType !== 'revenue' || account.isGroup)
      throw new NotFoundError('accounting.account_not_revenue', `Account ${data.accountCode} is not a revenue account that takes postings.`);
    return db.transaction(async (tx) => {
      // One mapping per kind and category (a null category is the kind's default).
      await tx
        .delete(revenueAccounts)
        .where(and(eq(revenueAccounts.kind, data.kind), sql`coalesce(${revenueAccounts.categoryId}, 0) = ${data.categoryId ?? 0}`));
      const [row] = await tx.insert(revenueAccounts).values({ kind: data.kind, categoryId: data.categoryId, accountId: account.id }).returning();
      return row!;
    });
  }

  return {
    onInvoiceIssued,
    onInvoiceDiscounted,
    onPaymentReceived,
    onPaymentRefunded,
    onInvoiceCancelled,
    onStockReceived,
    onStockMoved,
    onCloseApproved,
    mapRevenue,
  };
}

export type PostingService = ReturnType<typeof createPostingService>;
