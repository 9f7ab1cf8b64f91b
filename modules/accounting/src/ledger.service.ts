import {
  type Actor,
  ConflictError,
  clinicToday,
  type ModuleContext,
  money,
  NotFoundError,
  parseInput,
  requireStaff,
  type StaffRole,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import type Decimal from 'decimal.js';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { journalPosted, periodClosed } from './accounting.events';
import { accountInputSchema, type EntryInput, entrySchema, type LineInput, reverseSchema } from './accounting.schemas';
import { accountDayTotals, accounts, type EntryType, entrySequences, fiscalPeriods, journalEntries, journalLines } from './accounting.tables';
import { chartOf, movements, onNaturalSide, rolledUp } from './balances';
import { DEFAULT_CHART, naturalSideOf } from './chart';

/** Who keeps the books: accountants, managers and admins. Nobody else sees them. */
export const BOOKKEEPERS: readonly StaffRole[] = ['accountant', 'manager', 'admin'];
export const requireBookkeeper = (actor: Actor) => (actor.kind === 'system' ? actor : requireStaff(actor, BOOKKEEPERS));

export type Account = typeof accounts.$inferSelect;
export type JournalEntry = typeof journalEntries.$inferSelect;
export type JournalLine = typeof journalLines.$inferSelect;
export type EntryWithLines = JournalEntry & { lines: (JournalLine & { accountCode: string; accountName: string })[] };

/** What a posting rule hands the ledger: an entry, its source, its lines by account code. */
export interface EntryDraft {
  date: string;
  entryType: EntryType;
  description: string;
  reference: string;
  lines: LineInput[];
}

const actorId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

/**
 * GeneralLedgerService: the chart of accounts and the journal. A draft can be edited; posting checks that
 * debits equal credits to the centavo and that the month is open, numbers the entry without gaps within
 * its year, and adds it to the day totals, all in one transaction. A posted entry never changes: it is
 * corrected by a reversal and a new entry.
 */
export function createLedgerService(ctx: ModuleContext) {
  const { db, clock, events } = ctx;
  const today = () => clinicToday(clock, ctx.clinic.TIME_ZONE);

  /** Fills an empty chart with the default Mexican clinic chart (idempotent). */
  async function installChart(): Promise<void> {
    await db.transaction(async (tx) => {
      const ids = new Map((await tx.select({ id: accounts.id, code: accounts.code }).from(accounts)).map((a) => [a.code, a.id]));
      for (const a of DEFAULT_CHART) {
        if (ids.has(a.code)) continue;
        const [row] = await tx
          .insert(accounts)
          .values({
            code: a.code,
            name: a.name,
            accountType: a.type,
            parentId: a.parent ? ids.get(a.parent)! : null,
            satCode: a.sat,
            naturalSide: a.side ?? naturalSideOf(a.type),
            isGroup: a.group ?? false,
            isBank: a.bank ?? false,
            isCash: a.cash ?? false,
            isAr: a.ar ?? false,
            isAp: a.ap ?? false,
          })
          .returning({ id: accounts.id });
        ids.set(a.code, row!.id);
      }
    });
  }

  async function listAccounts(actor: Actor): Promise<Account[]> {
    requireBookkeeper(actor);
    return db.select().from(accounts).orderBy(asc(accounts.code));
  }

  async function getAccount(actor: Actor, key: { id?: number; code?: string }): Promise<Account> {
    requireBookkeeper(actor);
    const [row] = await db
      .select()
      .from(accounts)
      .where(key.id !== undefined ? eq(accounts.id, key.id) : eq(accounts.code, key.code ?? ''));
    if (!row) throw new NotFoundError('accounting.account_not_found', `Account ${key.id ?? key.code} not found.`);
    return row;
  }

  /** `get_account_balance`: posted to date (today by default), with its sub-accounts, on its natural side. */
  async function getAccountBalance(actor: Actor, accountId: number, asOf?: string): Promise<string> {
    const account = await getAccount(actor, { id: accountId });
    const chart = await chartOf(db);
    return onNaturalSide(account, rolledUp(account, chart, await movements(db, { to: asOf ?? today() }))).toFixed(2);
  }

  /** Staff add accounts under a group of the chart; the type and natural side come from the parent. */
  async function createAccount(actor: Actor, input: unknown): Promise<Account> {
    requireBookkeeper(actor);
    const data = parseInput(accountInputSchema, input);
    const [parent] = await db.select().from(accounts).where(eq(accounts.code, data.parentCode));
    if (!parent)
      throw ValidationError.forField('accounting.account_unknown', 'parentCode', `There is no account ${data.parentCode}.`, { code: data.parentCode });
    const [taken] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.code, data.code));
    if (taken) throw ValidationError.forField('accounting.code_taken', 'code', `Account ${data.code} already exists.`, { code: data.code });
    return db.transaction(async (tx) => {
      const [used] = await tx.select({ id: journalLines.id }).from(journalLines).where(eq(journalLines.accountId, parent.id)).limit(1);
      if (used && !parent.isGroup)
        throw ValidationError.forField('accounting.parent_has_lines', 'parentCode', `Account ${parent.code} already has postings.`, { code: parent.code });
      if (!parent.isGroup) await tx.update(accounts).set({ isGroup: true }).where(eq(accounts.id, parent.id));
      const [row] = await tx
        .insert(accounts)
        .values({
          code: data.code,
          name: data.name,
          accountType: parent.accountType,
          parentId: parent.id,
          satCode: data.satCode,
          naturalSide: parent.naturalSide,
          isBank: data.isBank,
          isCash: data.isCash,
        })
        .returning();
      return row!;
    });
  }

  /** The lines checked against the chart: known, postable accounts, one side each, debits = credits. */
  async function resolveLines(reader: Pick<Tx, 'select'>, lines: LineInput[]) {
    const codes = [...new Set(lines.map((l) => l.accountCode))];
    const found = await reader.select().from(accounts).where(inArray(accounts.code, codes));
    const byCode = new Map(found.map((a) => [a.code, a]));
    let debits = money(0);
    let credits = money(0);
    const resolved = lines.map((l, i) => {
      const account = byCode.get(l.accountCode);
      const field = `lines.${i}.accountCode`;
      if (!account) throw ValidationError.forField('accounting.account_unknown', field, `There is no account ${l.accountCode}.`, { code: l.accountCode });
      if (account.isGroup || !account.isActive)
        throw ValidationError.forField('accounting.account_not_postable', field, `Account ${l.accountCode} takes no postings.`, { code: l.accountCode });
      const debit = money(l.debit || 0);
      const credit = money(l.credit || 0);
      if (debit.isZero() === credit.isZero() || debit.isNegative() || credit.isNegative())
        throw ValidationError.forField('accounting.one_side', `lines.${i}.debit`, 'A line has a debit or a credit, not both.');
      if (debit.decimalPlaces() > 2 || credit.decimalPlaces() > 2)
        throw ValidationError.forField('accounting.cents', `lines.${i}.debit`, 'Amounts are in centavos.');
      debits = debits.plus(debit);
      credits = credits.plus(credit);
      return { account, debit, credit, line: l };
    });
    if (!debits.eq(credits))
      throw ValidationError.forField('accounting.unbalanced', 'lines', `Debits ${debits.toFixed(2)} and credits ${credits.toFixed(2)} differ.`, {
        debits: debits.toFixed(2),
        credits: credits.toFixed(2),
      });
    return { resolved, total: debits };
  }

  async function writeLines(tx: Tx, entryId: number, resolved: Awaited<ReturnType<typeof resolveLines>>['resolved']) {
    await tx.delete(journalLines).where(eq(journalLines.entryId, entryId));
    await tx.insert(journalLines).values(
      resolved.map((r, i) => ({
        entryId,
        accountId: r.account.id,
        debit: r.debit.toFixed(2),
        credit: r.credit.toFixed(2),
        description: r.line.description ?? '',
        ownerId: r.line.ownerId ?? null,
        vendorId: r.line.vendorId ?? null,
        petId: r.line.petId ?? null,
        lineOrder: i,
      })),
    );
  }

  /** `create_journal_entry`: a balanced draft. */
  async function createJournalEntry(actor: Actor, input: EntryInput | unknown): Promise<EntryWithLines> {
    requireBookkeeper(actor);
    const data = parseInput(entrySchema, input);
    const id = await db.transaction(async (tx) => {
      const { resolved, total } = await resolveLines(tx, data.lines);
      const [entry] = await tx
        .insert(journalEntries)
        .values({
          date: data.date,
          description: data.description,
          reference: data.reference,
          entryType: 'manual',
          total: total.toFixed(2),
          createdBy: actorId(actor),
          createdAt: clock.now(),
        })
        .returning({ id: journalEntries.id });
      await writeLines(tx, entry!.id, resolved);
      return entry!.id;
    });
    return getEntry(actor, id);
  }

  async function lockEntry(tx: Tx, entryId: number): Promise<JournalEntry> {
    const [entry] = await tx.select().from(journalEntries).where(eq(journalEntries.id, entryId)).for('update');
    if (!entry) throw new NotFoundError('accounting.entry_not_found', `Journal entry ${entryId} not found.`);
    return entry;
  }

  /** A draft changes as a whole (date, texts, lines); a posted entry never does. */
  async function updateDraft(actor: Actor, entryId: number, input: unknown): Promise<EntryWithLines> {
    requireBookkeeper(actor);
    const data = parseInput(entrySchema, input);
    await db.transaction(async (tx) => {
      const entry = await lockEntry(tx, entryId);
      if (entry.status === 'posted') throw new ConflictError('accounting.entry_posted', `Entry ${entry.entryNumber} is posted: reverse it instead.`);
      const { resolved, total } = await resolveLines(tx, data.lines);
      await tx
        .update(journalEntries)
        .set({ date: data.date, description: data.description, reference: data.reference, total: total.toFixed(2) })
        .where(eq(journalEntries.id, entryId));
      await writeLines(tx, entryId, resolved);
    });
    return getEntry(actor, entryId);
  }

  async function deleteDraft(actor: Actor, entryId: number): Promise<void> {
    requireBookkeeper(actor);
    await db.transaction(async (tx) => {
      const entry = await lockEntry(tx, entryId);
      if (entry.status === 'posted') throw new ConflictError('accounting.entry_posted', `Entry ${entry.entryNumber} is posted: reverse it instead.`);
      await tx.delete(journalEntries).where(eq(journalEntries.id, entryId));
    });
  }

  /** The month's row, locked for sharing: a month being closed waits for postings in flight, and the other way round. */
  async function periodStatus(tx: Tx, date: string): Promise<'open' | 'closed'> {
    const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
    await tx.insert(fiscalPeriods).values({ year, month }).onConflictDoNothing();
    const [row] = await tx
      .select({ status: fiscalPeriods.status })
      .from(fiscalPeriods)
      .where(and(eq(fiscalPeriods.year, year), eq(fiscalPeriods.month, month)))
      .for('share');
    return row!.status;
  }

  async function nextNumber(tx: Tx, year: number): Promise<string> {
    const [row] = await tx
      .insert(entrySequences)
      .values({ year, last: 1 })
      .onConflictDoUpdate({ target: entrySequences.year, set: { last: sql`${entrySequences.last} + 1` } })
      .returning({ last: entrySequences.last });
    return `${year}-${String(row!.last).padStart(6, '0')}`;
  }

  /** Posts a draft in `tx`: balanced, into an open month, numbered, added to the day totals, announced. */
  async function postIn(tx: Tx, entryId: number, by: string | null): Promise<JournalEntry> {
    const entry = await lockEntry(tx, entryId);
    if (entry.status === 'posted') throw new ConflictError('accounting.entry_posted', `Entry ${entry.entryNumber} is already posted.`);
    const lines = await tx
      .select({ line: journalLines, code: accounts.code })
      .from(journalLines)
      .innerJoin(accounts, eq(accounts.id, journalLines.accountId))
      .where(eq(journalLines.entryId, entryId))
      .orderBy(asc(journalLines.lineOrder));
    const { total } = await resolveLines(
      tx,
      lines.map(({ line, code }) => ({ accountCode: code, debit: line.debit, credit: line.credit })),
    );
    if ((await periodStatus(tx, entry.date)) === 'closed')
      throw new ConflictError('accounting.period_closed', `The month of ${entry.date} is closed.`, { date: entry.date });
    const entryNumber = await nextNumber(tx, Number(entry.date.slice(0, 4)));
    const [posted] = await tx
      .update(journalEntries)
      .set({ status: 'posted', entryNumber, total: total.toFixed(2), postedAt: clock.now(), postedBy: by })
      .where(eq(journalEntries.id, entryId))
      .returning();
    const byAccount = new Map<number, { debit: Decimal; credit: Decimal }>();
    for (const { line } of lines) {
      const sum = byAccount.get(line.accountId) ?? { debit: money(0), credit: money(0) };
      byAccount.set(line.accountId, { debit: sum.debit.plus(line.debit), credit: sum.credit.plus(line.credit) });
    }
    // In account order, so two postings never wait on each other's rows in a circle.
    for (const [accountId, sum] of [...byAccount].sort(([a], [b]) => a - b)) {
      await tx
        .insert(accountDayTotals)
        .values({ accountId, day: entry.date, debit: sum.debit.toFixed(2), credit: sum.credit.toFixed(2) })
        .onConflictDoUpdate({
          target: [accountDayTotals.accountId, accountDayTotals.day],
          set: { debit: sql`${accountDayTotals.debit} + excluded.debit`, credit: sql`${accountDayTotals.credit} + excluded.credit` },
        });
    }
    await events.emit(tx, journalPosted, {
      entryId,
      entryNumber,
      date: entry.date,
      entryType: entry.entryType,
      reference: entry.reference,
      reversesId: entry.reversesId,
      total: total.toFixed(2),
      lines: lines.map(({ line, code }) => ({ accountCode: code, debit: money(line.debit).toFixed(2), credit: money(line.credit).toFixed(2) })),
    });
    return posted!;
  }

  /** `post_entry`. */
  async function postEntry(actor: Actor, entryId: number): Promise<EntryWithLines> {
    requireBookkeeper(actor);
    await db.transaction((tx) => postIn(tx, entryId, actorId(actor)));
    return getEntry(actor, entryId);
  }

  /** A posted entry's mirror image, posted on `date` (today by default): the way to correct the books. */
  async function reverseEntry(actor: Actor, entryId: number, input: unknown = {}): Promise<EntryWithLines> {
    requireBookkeeper(actor);
    const data = parseInput(reverseSchema, input);
    const id = await db.transaction(async (tx) => {
      const original = await lockEntry(tx, entryId);
      if (original.status !== 'posted') throw new ConflictError('accounting.entry_not_posted', 'Only a posted entry is reversed; edit or delete a draft.');
      const [already] = await tx.select({ id: journalEntries.id }).from(journalEntries).where(eq(journalEntries.reversesId, entryId));
      if (already) throw new ConflictError('accounting.already_reversed', `Entry ${original.entryNumber} is already reversed.`);
      return insertReversal(tx, original, data.date ?? today(), data.description ?? `Reversa de ${original.entryNumber}`, actorId(actor));
    });
    return getEntry(actor, id);
  }

  async function insertReversal(tx: Tx, original: JournalEntry, date: string, description: string, by: string | null): Promise<number> {
    const lines = await tx.select().from(journalLines).where(eq(journalLines.entryId, original.id)).orderBy(asc(journalLines.lineOrder));
    const [entry] = await tx
      .insert(journalEntries)
      .values({
        date,
        description,
        reference: original.reference,
        entryType: 'reversal',
        reversesId: original.id,
        createdBy: by,
        createdAt: clock.now(),
      })
      .returning({ id: journalEntries.id });
    await tx
      .insert(journalLines)
      .values(lines.map((l) => ({ ...l, id: undefined, entryId: entry!.id, debit: l.credit, credit: l.debit, description: l.description })));
    await postIn(tx, entry!.id, by);
    return entry!.id;
  }

  /**
   * Posts what a rule made of an event, in the event's transaction. An event dated in a closed month is
   * booked on the first day of the next open month (the books never change a closed month), saying so.
   */
  async function postFromEvent(draft: EntryDraft, eventId: string): Promise<JournalEntry> {
    return db.transaction(async (tx) => {
      let date = draft.date;
      let description = draft.description;
      while ((await periodStatus(tx, date)) === 'closed') date = firstOfNextMonth(date);
      if (date !== draft.date) description = `${description} (${draft.date})`;
      return postDraft(tx, { ...draft, date, description }, { eventId, by: null });
    });
  }

  /** Writes and posts an entry in the caller's transaction: from an event, or made by a rule of the books (a bank fee). */
  async function postDraft(tx: Tx, draft: EntryDraft, source: { eventId?: string; by: string | null }): Promise<JournalEntry> {
    const { resolved, total } = await resolveLines(tx, draft.lines);
    const [entry] = await tx
      .insert(journalEntries)
      .values({
        date: draft.date,
        description: draft.description,
        reference: draft.reference,
        entryType: draft.entryType,
        sourceEventId: source.eventId ?? null,
        total: total.toFixed(2),
        createdBy: source.by,
        createdAt: clock.now(),
      })
      .returning({ id: journalEntries.id });
    await writeLines(tx, entry!.id, resolved);
    return postIn(tx, entry!.id, source.by);
  }

  /** The posted entries that booked one reference (`invoice:12`), oldest first. */
  async function entriesFor(tx: Tx, reference: string): Promise<JournalEntry[]> {
    return tx
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.reference, reference), eq(journalEntries.status, 'posted')))
      .orderBy(asc(journalEntries.id));
  }

  async function getEntry(actor: Actor, entryId: number): Promise<EntryWithLines> {
    requireBookkeeper(actor);
    const [entry] = await db.select().from(journalEntries).where(eq(journalEntries.id, entryId));
    if (!entry) throw new NotFoundError('accounting.entry_not_found', `Journal entry ${entryId} not found.`);
    const [withLines] = await withLinesOf([entry]);
    return withLines!;
  }

  async function withLinesOf(entries: JournalEntry[]): Promise<EntryWithLines[]> {
    if (entries.length === 0) return [];
    const lines = await db
      .select({ line: journalLines, accountCode: accounts.code, accountName: accounts.name })
      .from(journalLines)
      .innerJoin(accounts, eq(accounts.id, journalLines.accountId))
      .where(
        inArray(
          journalLines.entryId,
          entries.map((e) => e.id),
        ),
      )
      .orderBy(asc(journalLines.entryId), asc(journalLines.lineOrder));
    return entries.map((e) => ({
      ...e,
      lines: lines.filter((l) => l.line.entryId === e.id).map((l) => ({ ...l.line, accountCode: l.accountCode, accountName: l.accountName })),
    }));
  }

  /** The journal: entries of a period with their lines, newest first (drafts too). */
  async function listEntries(actor: Actor, q: { from?: string; to?: string; page: number; pageSize: number }) {
    requireBookkeeper(actor);
    const rows = await db
      .select()
      .from(journalEntries)
      .where(and(q.from ? gte(journalEntries.date, q.from) : undefined, q.to ? lte(journalEntries.date, q.to) : undefined))
      .orderBy(desc(journalEntries.date), desc(journalEntries.id))
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    return { items: await withLinesOf(rows.slice(0, q.pageSize)), page: q.page, pageSize: q.pageSize, hasNext: rows.length > q.pageSize };
  }

  /** Closes a month: no posting goes into it any more. */
  async function closePeriod(actor: Actor, year: number, month: number) {
    requireBookkeeper(actor);
    return db.transaction(async (tx) => {
      await tx.insert(fiscalPeriods).values({ year, month }).onConflictDoNothing();
      const [row] = await tx
        .select()
        .from(fiscalPeriods)
        .where(and(eq(fiscalPeriods.year, year), eq(fiscalPeriods.month, month)))
        .for('update');
      if (row!.status === 'closed') throw new ConflictError('accounting.period_already_closed', `${year}-${month} is already closed.`);
      const [closed] = await tx
        .update(fiscalPeriods)
        .set({ status: 'closed', closedAt: clock.now(), closedBy: actorId(actor) })
        .where(eq(fiscalPeriods.id, row!.id))
        .returning();
      await events.emit(tx, periodClosed, { year, month, closedBy: actorId(actor) });
      return closed!;
    });
  }

  async function listPeriods(actor: Actor) {
    requireBookkeeper(actor);
    return db.select().from(fiscalPeriods).orderBy(desc(fiscalPeriods.year), desc(fiscalPeriods.month));
  }

  return {
    installChart,
    listAccounts,
    getAccount,
    getAccountBalance,
    createAccount,
    createJournalEntry,
    updateDraft,
    deleteDraft,
    postEntry,
    reverseEntry,
    insertReversal,
    postFromEvent,
    postDraft,
    entriesFor,
    getEntry,
    listEntries,
    closePeriod,
    listPeriods,
    today,
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;

function firstOfNextMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
