import { describe, expect, it } from 'vitest';
import { suggestMatches } from './reconciliation-matching';

const window = { before: 7, after: 3 };
const bank = (id: number, date: string, amountCents: number, description = '', reference = '') => ({ id, date, amountCents, description, reference });
const book = (id: number, date: string, amountCents: number, text = '') => ({ id, date, amountCents, text });

describe('suggested matches', () => {
  it('prefers the line that shares a reference over one with the same amount nearer in date', () => {
    const s = suggestMatches(
      [bank(1, '2026-03-10', 20000, 'SPEI RECIBIDO F-000012')],
      [book(10, '2026-03-10', 20000, 'Cobro F-000011'), book(11, '2026-03-08', 20000, 'Cobro F-000012')],
      window,
    );
    expect(s).toEqual([{ bankTransactionId: 1, journalLineIds: [11], reason: 'reference' }]);
  });

  it('takes the same amount nearest in date, on the same side, within the window, each book line once', () => {
    const s = suggestMatches(
      [bank(1, '2026-03-10', -58000), bank(2, '2026-03-10', -58000), bank(3, '2026-03-10', -58000)],
      [book(10, '2026-03-01', -58000), book(11, '2026-03-09', -58000), book(12, '2026-03-10', 58000), book(13, '2026-03-12', -58000)],
      window,
    );
    expect(s).toEqual([
      { bankTransactionId: 1, journalLineIds: [11], reason: 'amount' },
      { bankTransactionId: 2, journalLineIds: [13], reason: 'amount' },
    ]);
  });

  it('finds the fewest lines that add up to a deposit (a terminal payout of several card payments)', () => {
    const s = suggestMatches(
      [bank(1, '2026-03-11', 100000, 'LIQUIDACION TPV')],
      [
        book(10, '2026-03-10', 38200),
        book(11, '2026-03-10', 61800),
        book(12, '2026-03-10', 30000),
        book(13, '2026-03-10', 31800),
        book(14, '2026-03-10', 7000),
      ],
      window,
    );
    expect(s).toEqual([{ bankTransactionId: 1, journalLineIds: [10, 11], reason: 'combination' }]);
  });

  it('suggests nothing when nothing adds up', () => {
    expect(suggestMatches([bank(1, '2026-03-10', 1000)], [book(10, '2026-03-10', 999), book(11, '2026-02-01', 1000)], window)).toEqual([]);
  });
});
