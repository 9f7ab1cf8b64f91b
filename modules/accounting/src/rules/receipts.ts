import { type EventPayload, money } from '@petfriendly/core';
import { LEDGER } from '../chart';
import type { EntryDraft } from '../ledger.service';
import type { receiptMatched } from '../payables.events';
import { credit, debit, lines } from './lines';

/**
 * A bill's line matched to a receipt: the receipt credited goods received (2102) at its cost, the bill's line
 * debited it at the billed amount; the difference goes to purchase price differences (5102), so goods
 * received is clear for this receipt. Nothing to book when they agree.
 */
export function receiptMatchedEntry(p: EventPayload<typeof receiptMatched>): EntryDraft | null {
  const difference = money(p.difference);
  if (difference.isZero()) return null;
  const what = `Diferencia factura ${p.billNumber || p.billId} · entrada ${p.movementId} · ${p.vendorName}`;
  return {
    date: p.billDate,
    entryType: 'bill',
    description: what,
    reference: `receipt-match:${p.matchId}`,
    lines: lines([debit(LEDGER.purchasePriceDifferences, difference, what), credit(LEDGER.goodsReceived, difference, what)]),
  };
}
