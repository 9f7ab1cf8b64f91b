import type { invoiceCancelled, invoiceDiscounted, invoiceIssued, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { type EventPayload, money, roundMoney } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import type { RevenueKind } from '../accounting.tables';
import { LEDGER } from '../chart';
import type { EntryDraft } from '../ledger.service';
import { credit, debit, type Line, lines } from './lines';

type Issued = EventPayload<typeof invoiceIssued>;
type Breakdown = Issued['breakdown'];

/** Which revenue account a line goes to: by its kind and category (`RevenueMap`). */
export type RevenueAccountOf = (kind: RevenueKind, categoryId: number | null) => string;

/** What the books remember of an invoice between its events (see `receivables`). */
export interface Receivable {
  invoiceId: number;
  total: string;
  tax: string;
  taxCollected: string;
  balance: string;
}

/** How the money came or went back, and where it sits until the bank has it. */
export const MONEY_ACCOUNT = {
  cash: LEDGER.cash,
  card_terminal: LEDGER.cardClearing,
  card_online: LEDGER.onlineClearing,
  transfer: LEDGER.bank,
  account_credit: LEDGER.customerCredit,
} as const;

/**
 * The revenue of a breakdown per account: each line's base (six decimals) summed per account and
 * rounded to centavos; what rounding leaves between them and subtotal − discount goes to the largest.
 */
export function revenueByAccount(breakdown: Breakdown, accountOf: RevenueAccountOf): Map<string, Decimal> {
  const byAccount = new Map<string, Decimal>();
  for (const line of breakdown.lines) {
    const kind: RevenueKind = line.kind === 'sales' ? 'other' : line.kind;
    const code = accountOf(kind, line.categoryId);
    byAccount.set(code, (byAccount.get(code) ?? money(0)).plus(line.base));
  }
  for (const [code, amount] of byAccount) byAccount.set(code, roundMoney(amount));
  const net = money(breakdown.total).minus(breakdown.tax);
  const rounding = net.minus([...byAccount.values()].reduce((a, b) => a.plus(b), money(0)));
  if (!rounding.isZero()) {
    const [largest] = [...byAccount].sort(([, a], [, b]) => b.cmp(a));
    if (largest) byAccount.set(largest[0], largest[1].plus(rounding));
    else byAccount.set(LEDGER.otherRevenue, rounding);
  }
  return byAccount;
}

/** The IVA an invoice has collected once `paid` of its `total` came in: all of it when paid in full. */
export function ivaCollected(r: Pick<Receivable, 'total' | 'tax'>, paid: Decimal.Value): Decimal {
  const total = money(r.total);
  if (total.isZero() || money(paid).gte(total)) return money(r.tax);
  return roundMoney(money(r.tax).times(paid).div(total));
}

/** Moves IVA between not-collected and collected so that `target` is collected. */
function ivaTransfer(from: Decimal.Value, target: Decimal, description: string): Line[] {
  const delta = target.minus(from);
  if (delta.isZero()) return [];
  return delta.isPositive()
    ? [debit(LEDGER.ivaPending, delta, description), credit(LEDGER.ivaCollected, delta, description)]
    : [debit(LEDGER.ivaCollected, delta.negated(), description), credit(LEDGER.ivaPending, delta.negated(), description)];
}

/**
 * Invoice issued: the customer owes the total; revenue per account; IVA trasladado not collected yet
 * (PPD), or collected when the invoice is paid as it is issued (PUE). A global invoice re-reports sales
 * already booked: nothing to post.
 */
export function invoiceIssuedEntry(p: Issued, accountOf: RevenueAccountOf): { entry: EntryDraft | null; receivable: Receivable } {
  const receivable = { invoiceId: p.invoiceId, total: p.total, tax: p.breakdown.tax, taxCollected: '0.00', balance: p.total };
  if (p.kind === 'global' || money(p.total).isZero()) return { entry: null, receivable };
  const what = `Factura ${p.invoiceNumber}`;
  const tax = money(p.breakdown.tax);
  const pue = p.cfdiPaymentMethod === 'PUE';
  const entry: EntryDraft = {
    date: p.date,
    entryType: 'invoice',
    description: what,
    reference: `invoice:${p.invoiceId}`,
    lines: lines([
      debit(LEDGER.receivables, p.total, what, p.ownerId),
      ...[...revenueByAccount(p.breakdown, accountOf)].map(([code, amount]) => credit(code, amount, what)),
      credit(pue ? LEDGER.ivaCollected : LEDGER.ivaPending, tax, `IVA ${what}`),
    ]),
  };
  return { entry, receivable: { ...receivable, taxCollected: pue ? tax.toFixed(2) : '0.00' } };
}

/** The cash discount taken on an issued invoice: a sales discount, less IVA not collected, less receivable. */
export function invoiceDiscountedEntry(
  p: EventPayload<typeof invoiceDiscounted>,
  r: Receivable,
  date: string,
): { entry: EntryDraft | null; receivable: Receivable } {
  const total = money(p.previous.total).minus(p.breakdown.total);
  const tax = money(p.previous.tax).minus(p.breakdown.tax);
  const receivable = { ...r, total: p.breakdown.total, tax: p.breakdown.tax, balance: money(r.balance).minus(total).toFixed(2) };
  if (total.isZero()) return { entry: null, receivable };
  const what = `Descuento por pago en efectivo ${p.invoiceNumber}`;
  const entry: EntryDraft = {
    date,
    entryType: 'invoice',
    description: what,
    reference: `invoice:${p.invoiceId}`,
    lines: lines([debit('4400', total.minus(tax), what), debit(LEDGER.ivaPending, tax, `IVA ${what}`), credit(LEDGER.receivables, total, what, p.ownerId)]),
  };
  return { entry, receivable };
}

/**
 * Payment received: the money where it came in (cash, terminal clearing, online clearing, bank, the
 * owner's credit) against the receivable; the processor's fee when known; and the invoice's IVA moves
 * from not collected to collected in proportion to what has been paid (cash-basis IVA).
 */
export function paymentReceivedEntry(p: EventPayload<typeof paymentReceived>, r: Receivable): { entry: EntryDraft; receivable: Receivable } {
  const what = `Cobro ${p.invoiceNumber}`;
  const into = MONEY_ACCOUNT[p.method];
  const fee = money(p.fee ?? 0);
  const collected = ivaCollected(r, money(p.total).minus(p.balance));
  const entry: EntryDraft = {
    date: p.date,
    entryType: 'payment',
    description: what,
    reference: `payment:${p.paymentId}`,
    lines: lines([
      debit(into, p.amount, what),
      credit(LEDGER.receivables, p.amount, what, p.ownerId),
      ...(fee.isPositive() ? [debit(LEDGER.bankFees, fee, `Comisión ${what}`), credit(into, fee, `Comisión ${what}`)] : []),
      ...ivaTransfer(r.taxCollected, collected, `IVA cobrado ${p.invoiceNumber}`),
    ]),
  };
  return { entry, receivable: { ...r, taxCollected: collected.toFixed(2), balance: p.balance } };
}

/** Payment refunded: the invoice is owed again and the money goes back the way it leaves; its IVA is no longer collected. */
export function paymentRefundedEntry(p: EventPayload<typeof paymentRefunded>, r: Receivable): { entry: EntryDraft; receivable: Receivable } {
  const what = `Reembolso ${p.invoiceNumber}`;
  const collected = ivaCollected(r, money(p.total).minus(p.balance));
  const entry: EntryDraft = {
    date: p.date,
    entryType: 'refund',
    description: what,
    reference: `payment:${p.paymentId}`,
    lines: lines([
      debit(LEDGER.receivables, p.amount, what, p.ownerId),
      credit(MONEY_ACCOUNT[p.method], p.amount, what),
      ...ivaTransfer(r.taxCollected, collected, `IVA devuelto ${p.invoiceNumber}`),
    ]),
  };
  return { entry, receivable: { ...r, taxCollected: collected.toFixed(2), balance: p.balance } };
}

/** Invoice cancelled (only unpaid ones are): revenue, IVA and the receivable it booked go back. */
export function invoiceCancelledEntry(p: EventPayload<typeof invoiceCancelled>, r: Receivable, accountOf: RevenueAccountOf): EntryDraft | null {
  if (money(p.total).isZero()) return null;
  const what = `Cancelación factura ${p.invoiceNumber} (motivo ${p.motive})`;
  const collected = money(r.taxCollected);
  return {
    date: p.date,
    entryType: 'cancellation',
    description: what,
    reference: `invoice:${p.invoiceId}`,
    lines: lines([
      ...[...revenueByAccount(p.breakdown, accountOf)].map(([code, amount]) => debit(code, amount, what)),
      debit(LEDGER.ivaPending, money(p.breakdown.tax).minus(collected), `IVA ${what}`),
      debit(LEDGER.ivaCollected, collected, `IVA ${what}`),
      credit(LEDGER.receivables, p.total, what, p.ownerId),
    ]),
  };
}
