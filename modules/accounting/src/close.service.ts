import { type Actor, ConflictError, type ModuleContext, money, PermissionDeniedError, parseInput, requireStaff, type Tx } from '@petfriendly/core';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { periodClosed } from './accounting.events';
import { accounts, fiscalPeriods, journalEntries } from './accounting.tables';
import { movements, onTypeSide } from './balances';
import { closeYearSchema, reopenSchema } from './close.schemas';
import { periodReopenings } from './close.tables';
import { type LedgerService, requireBookkeeper } from './ledger.service';
import { credit, debit, lines } from './rules/lines';

/** Where a closed year's result goes: resultados de ejercicios anteriores (código agrupador 304.01). */
export const RETAINED_EARNINGS = '3201';

const actorId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

/**
 * Closing the books: a month (no more postings into it), a year (the closing entry moves every revenue and
 * expense balance to retained earnings, dated 31 December, and locks the twelve months), and reopening either,
 * only by an admin with a reason that stays in `period_reopenings`.
 */
export function createCloseService(ctx: ModuleContext, ledger: LedgerService) {
  const { db, clock, events } = ctx;

  /** The year's twelve months locked for update, in order (the order keeps two closers from waiting on each other in a circle). */
  async function lockYear(tx: Tx, year: number) {
    await tx
      .insert(fiscalPeriods)
      .values(Array.from({ length: 12 }, (_, i) => ({ year, month: i + 1 })))
      .onConflictDoNothing();
    return tx.select().from(fiscalPeriods).where(eq(fiscalPeriods.year, year)).orderBy(asc(fiscalPeriods.month)).for('update');
  }

  /** The year's closing entry still standing (posted and not reversed), if any. */
  async function standingClosing(tx: Pick<Tx, 'select'>, year: number) {
    const reversal = alias(journalEntries, 'reversal');
    const [row] = await tx
      .select({ entry: journalEntries })
      .from(journalEntries)
      .leftJoin(reversal, eq(reversal.reversesId, journalEntries.id))
      .where(and(eq(journalEntries.entryType, 'closing'), eq(journalEntries.reference, `closing:${year}`), isNull(reversal.id)));
    return row?.entry ?? null;
  }

  /** Closes a month: the ledger locks it and announces `period_closed`. */
  function closeMonth(actor: Actor, year: number, month: number) {
    return ledger.closePeriod(actor, year, month);
  }

  /**
   * Closes a year: every revenue and expense account's balance to date goes to retained earnings in one
   * closing entry on 31 December, and every month still open is closed. The entry is posted while this
   * transaction holds the year's months, so nothing lands in the year between the figures and the lock.
   */
  async function closeYear(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const { year } = parseInput(closeYearSchema, input);
    const by = actorId(actor);
    return db.transaction(async (tx) => {
      const months = await lockYear(tx, year);
      if (await standingClosing(tx, year)) throw new ConflictError('accounting.year_already_closed', `${year} is already closed.`, { year });
      const december = months[11]!;
      // December may already be closed: the entry goes in while this transaction holds every month, then it closes again.
      if (december.status === 'closed') await tx.update(fiscalPeriods).set({ status: 'open' }).where(eq(fiscalPeriods.id, december.id));
      const moves = await movements(tx, { to: `${year}-12-31` });
      const results = await tx.select().from(accounts).where(eq(accounts.isGroup, false));
      const what = `Cierre del ejercicio ${year}`;
      let net = money(0);
      const closingLines = results
        .filter((a) => a.accountType === 'revenue' || a.accountType === 'expense')
        .flatMap((a) => {
          const m = moves.get(a.id);
          if (!m) return [];
          const balance = onTypeSide(a, m);
          net = a.accountType === 'revenue' ? net.plus(balance) : net.minus(balance);
          return [a.accountType === 'revenue' ? debit(a.code, balance, what) : credit(a.code, balance, what)];
        });
      const entryLines = lines([...closingLines, credit(RETAINED_EARNINGS, net, what)]);
      const entry =
        entryLines.length >= 2
          ? await ledger.postDraft(
              tx,
              { date: `${year}-12-31`, entryType: 'closing', description: what, reference: `closing:${year}`, lines: entryLines },
              { by },
            )
          : null;
      const now = clock.now();
      for (const m of months) {
        await tx
          .update(fiscalPeriods)
          .set({ status: 'closed', closedAt: m.status === 'closed' ? m.closedAt : now, closedBy: m.status === 'closed' ? m.closedBy : by })
          .where(eq(fiscalPeriods.id, m.id));
        if (m.status !== 'closed') await events.emit(tx, periodClosed, { year, month: m.month, closedBy: by });
      }
      return { year, netIncome: net.toFixed(2), entryId: entry?.id ?? null, entryNumber: entry?.entryNumber ?? null };
    });
  }

  function requireAdmin(actor: Actor) {
    if (actor.kind !== 'system' && requireStaff(actor).role !== 'admin')
      throw new PermissionDeniedError('accounting.admin_reopens', 'Only an administrator can reopen a closed month.');
  }

  /** Reopens a closed month (an admin, with the reason kept). A month of a closed year reopens with the year. */
  async function reopenMonth(actor: Actor, year: number, month: number, input: unknown) {
    requireAdmin(actor);
    const { reason } = parseInput(reopenSchema, input);
    return db.transaction(async (tx) => {
      const [period] = await tx
        .select()
        .from(fiscalPeriods)
        .where(and(eq(fiscalPeriods.year, year), eq(fiscalPeriods.month, month)))
        .for('update');
      if (period?.status !== 'closed') throw new ConflictError('accounting.period_not_closed', `${year}-${month} is not closed.`, { year, month });
      if (await standingClosing(tx, year)) throw new ConflictError('accounting.year_closed', `${year} is closed: reopen the year first.`, { year });
      await tx.update(fiscalPeriods).set({ status: 'open', closedAt: null, closedBy: null }).where(eq(fiscalPeriods.id, period.id));
      const [audit] = await tx
        .insert(periodReopenings)
        .values({ year, month, reason, reopenedBy: actorId(actor), reopenedAt: clock.now() })
        .returning();
      return audit!;
    });
  }

  /** Reopens a closed year (an admin, with the reason): its closing entry is reversed and December opens again. */
  async function reopenYear(actor: Actor, year: number, input: unknown) {
    requireAdmin(actor);
    const { reason } = parseInput(reopenSchema, input);
    return db.transaction(async (tx) => {
      const months = await lockYear(tx, year);
      const closing = await standingClosing(tx, year);
      if (!closing) throw new ConflictError('accounting.year_not_closed', `${year} is not closed.`, { year });
      const december = months[11]!;
      await tx.update(fiscalPeriods).set({ status: 'open', closedAt: null, closedBy: null }).where(eq(fiscalPeriods.id, december.id));
      await ledger.insertReversal(tx, closing, `${year}-12-31`, `Reapertura del ejercicio ${year}: ${reason}`.slice(0, 500), actorId(actor));
      // Month 13 in the trail: the year-end closing itself.
      const [audit] = await tx
        .insert(periodReopenings)
        .values({ year, month: 13, reason, reopenedBy: actorId(actor), reopenedAt: clock.now() })
        .returning();
      return audit!;
    });
  }

  /** The months with their state, and the trail of reopenings, newest first. */
  async function overview(actor: Actor) {
    requireBookkeeper(actor);
    const [periods, reopenings] = await Promise.all([
      db.select().from(fiscalPeriods).orderBy(desc(fiscalPeriods.year), desc(fiscalPeriods.month)),
      db.select().from(periodReopenings).orderBy(desc(periodReopenings.reopenedAt), desc(periodReopenings.id)),
    ]);
    const years = [...new Set(periods.map((p) => p.year))];
    const closedYears = (await Promise.all(years.map(async (y) => ((await standingClosing(db, y)) ? y : null)))).filter((y): y is number => y !== null);
    return { periods, reopenings, closedYears };
  }

  return { closeMonth, closeYear, reopenMonth, reopenYear, overview };
}

export type CloseService = ReturnType<typeof createCloseService>;
