import { type EventPayload, money } from '@petfriendly/core';
import type { EntryDraft } from '../ledger.service';
import type { bankFeeBooked } from '../payables.events';
import { credit, debit, lines } from './lines';

/** A statement line a rule recognised: money out debits the rule's account (a fee), money in credits it; the bank takes the other side. */
export function bankFeeEntry(p: EventPayload<typeof bankFeeBooked>): EntryDraft {
  const amount = money(p.amount);
  const what = p.description;
  return {
    date: p.date,
    entryType: 'bank',
    description: `${what} (${p.reference})`.slice(0, 500),
    reference: `bank-tx:${p.bankTransactionId}`,
    lines: lines(
      amount.isNegative()
        ? [debit(p.accountCode, amount.abs(), what), credit(p.bankLedgerAccountCode, amount.abs(), what)]
        : [debit(p.bankLedgerAccountCode, amount, what), credit(p.accountCode, amount, what)],
    ),
  };
}
