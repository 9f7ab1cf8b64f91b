import type { closeApproved } from '@petfriendly/cash-close';
import { type EventPayload, money } from '@petfriendly/core';
import { LEDGER } from '../chart';
import type { EntryDraft } from '../ledger.service';
import { credit, debit, lines } from './lines';

/**
 * A cash close approved: cash over goes to other income and cash short to general expenses; a card
 * terminal difference adjusts the card clearing account the same way; cash deposited to the bank moves
 * from the drawer to the bank.
 */
export function closeApprovedEntry(p: EventPayload<typeof closeApproved>): EntryDraft | null {
  const what = `Corte de caja ${p.day}`;
  const cash = money(p.cashDifference);
  const card = money(p.cardDifference);
  const difference = (account: string, amount: typeof cash, label: string) =>
    amount.isPositive()
      ? [debit(account, amount, `${what}: sobrante ${label}`), credit(LEDGER.otherRevenue, amount, `${what}: sobrante ${label}`)]
      : [debit(LEDGER.generalExpenses, amount.negated(), `${what}: faltante ${label}`), credit(account, amount.negated(), `${what}: faltante ${label}`)];
  const entry = lines([
    ...difference(LEDGER.cash, cash, 'de efectivo'),
    ...difference(LEDGER.cardClearing, card, 'de terminal'),
    debit(LEDGER.bank, p.deposited, `${what}: depósito`),
    credit(LEDGER.cash, p.deposited, `${what}: depósito`),
  ]);
  if (entry.length === 0) return null;
  return { date: p.day, entryType: 'adjustment', description: what, reference: `cash-close:${p.closeId}`, lines: entry };
}
