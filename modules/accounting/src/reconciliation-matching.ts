import { daysBetween } from '@petfriendly/core';

export interface BankLine {
  id: number;
  date: string;
  amountCents: number;
  description: string;
  reference: string;
}
export interface BookLine {
  id: number;
  date: string;
  amountCents: number;
  /** The entry's and the line's texts: where an invoice folio or a SPEI reference shows. */
  text: string;
}
export interface Suggestion {
  bankTransactionId: number;
  journalLineIds: number[];
  reason: 'reference' | 'amount' | 'combination';
}

/** More candidates than this are not searched for a combination (2^n subsets). */
const MAX_COMBINATION_CANDIDATES = 14;

/** Words of a statement line worth looking for in the books: folios like F-0012, SPEI keys, cheque numbers. */
function tokensOf(line: BankLine): string[] {
  return `${line.reference} ${line.description}`
    .toUpperCase()
    .split(/[^A-Z0-9-]+/)
    .filter((t) => t.length >= 4 && /\d/.test(t));
}

/**
 * Suggests which journal lines each statement line clears: the same amount with a reference both share,
 * then the same amount nearest in date, then the fewest lines in the date window that add up to it (a
 * card terminal's payout for a day's sales). A journal line is suggested once.
 */
export function suggestMatches(bank: BankLine[], book: BookLine[], window: { before: number; after: number }): Suggestion[] {
  const used = new Set<number>();
  const out: Suggestion[] = [];
  const inWindow = (t: BankLine, l: BookLine) => {
    const days = daysBetween(l.date, t.date);
    return !used.has(l.id) && days <= window.before && -days <= window.after && Math.sign(l.amountCents) === Math.sign(t.amountCents);
  };
  const take = (t: BankLine, ids: number[], reason: Suggestion['reason']) => {
    for (const id of ids) used.add(id);
    out.push({ bankTransactionId: t.id, journalLineIds: ids, reason });
  };
  const nearest = (t: BankLine) => (a: BookLine, b: BookLine) => Math.abs(daysBetween(a.date, t.date)) - Math.abs(daysBetween(b.date, t.date)) || a.id - b.id;

  const pending: BankLine[] = [];
  for (const t of bank) {
    const tokens = tokensOf(t);
    const byReference = book.find((l) => inWindow(t, l) && l.amountCents === t.amountCents && tokens.some((tok) => l.text.toUpperCase().includes(tok)));
    if (byReference) take(t, [byReference.id], 'reference');
    else pending.push(t);
  }
  const rest: BankLine[] = [];
  for (const t of pending) {
    const [same] = book.filter((l) => inWindow(t, l) && l.amountCents === t.amountCents).sort(nearest(t));
    if (same) take(t, [same.id], 'amount');
    else rest.push(t);
  }
  for (const t of rest) {
    const candidates = book
      .filter((l) => inWindow(t, l))
      .sort(nearest(t))
      .slice(0, MAX_COMBINATION_CANDIDATES);
    let best: BookLine[] | null = null;
    for (let mask = 1; mask < 1 << candidates.length; mask++) {
      const pick = candidates.filter((_, i) => mask & (1 << i));
      if (pick.length < 2 || (best && pick.length >= best.length)) continue;
      if (pick.reduce((s, l) => s + l.amountCents, 0) === t.amountCents) best = pick;
    }
    if (best)
      take(
        t,
        best.map((l) => l.id).sort((a, b) => a - b),
        'combination',
      );
  }
  return out;
}
