import { money } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import type { LineInput } from '../accounting.schemas';

/** A rule's line before it is checked: an account, a signed amount on one side. */
export interface Line {
  accountCode: string;
  side: 'debit' | 'credit';
  amount: Decimal;
  description: string;
  ownerId?: string | null;
}

export const debit = (accountCode: string, amount: Decimal.Value, description: string, ownerId?: string | null): Line => ({
  accountCode,
  side: 'debit',
  amount: money(amount),
  description,
  ownerId,
});
export const credit = (accountCode: string, amount: Decimal.Value, description: string, ownerId?: string | null): Line => ({
  accountCode,
  side: 'credit',
  amount: money(amount),
  description,
  ownerId,
});

/** The ledger's lines: zero amounts dropped, a negative amount booked on the other side. */
export function lines(list: Line[]): LineInput[] {
  return list
    .filter((l) => !l.amount.isZero())
    .map((l) => {
      const side = l.amount.isNegative() ? (l.side === 'debit' ? 'credit' : 'debit') : l.side;
      const amount = l.amount.abs().toFixed(2);
      return { accountCode: l.accountCode, [side]: amount, description: l.description.slice(0, 200), ownerId: l.ownerId ?? null };
    });
}
