import {
  type Actor,
  addLocalDays,
  ConflictError,
  type EventContext,
  type EventPayload,
  type ModuleContext,
  NotFoundError,
  parseInput,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, desc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { accounts, journalEntries, journalLines } from './accounting.tables';
import { bankAccountInputSchema, bankRuleInputSchema, matchSchema, reconciliationStartSchema, statementImportSchema, unmatchSchema } from './bank.schemas';
import { bankAccounts, bankRules, bankTransactions, reconciliationMatches, reconciliations } from './bank.tables';
import { lineHash, readCsvStatement, readOfxStatement, type StatementLine } from './bank-statement';
import { fromCents, toCents } from './cents';
import { type LedgerService, requireBookkeeper } from './ledger.service';
import { bankFeeBooked, reconciliationCompleted } from './payables.events';
import { suggestMatches } from './reconciliation-matching';
import { bankFeeEntry } from './rules/bank';

const actorId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);
const lineCents = (l: { debit: string; credit: string }) => toCents(l.debit) - toCents(l.credit);
/** Journal lines dated this many days before or after a statement line may be its match. */
export const MATCH_WINDOW = { before: 7, after: 3 } as const;

/**
 * BankReconciliationService: the clinic's bank accounts tied to the chart, statements imported from CSV
 * (a saved column mapping per bank) or OFX without duplicates, and reconciliations: statement lines cleared
 * against the journal lines of the bank's account (suggested by amount, date and reference, one to many),
 * saved rules that book bank fees, the difference shown until it is zero, then completed and locked.
 */
export function createReconciliationService(ctx: ModuleContext, ledger: LedgerService) {
  const { db, events, clock } = ctx;

  // ---- bank accounts ----

  async function listBankAccounts(actor: Actor) {
    requireBookkeeper(actor);
    const rows = await db
      .select({ bank: bankAccounts, code: accounts.code, accountName: accounts.name })
      .from(bankAccounts)
      .innerJoin(accounts, eq(accounts.id, bankAccounts.ledgerAccountId))
      .orderBy(asc(bankAccounts.name));
    return Promise.all(
      rows.map(async (r) => ({
        id: r.bank.id,
        name: r.bank.name,
        bankName: r.bank.bankName,
        accountNumber: r.bank.accountNumber,
        ledgerAccountCode: r.code,
        ledgerAccountName: r.accountName,
        bookBalance: await ledger.getAccountBalance(actor, r.bank.ledgerAccountId),
        hasCsvMapping: r.bank.csvMapping !== null,
        csvMapping: r.bank.csvMapping,
      })),
    );
  }

  async function getBankAccount(reader: Pick<Tx, 'select'>, id: number) {
    const [row] = await reader
      .select({ bank: bankAccounts, code: accounts.code })
      .from(bankAccounts)
      .innerJoin(accounts, eq(accounts.id, bankAccounts.ledgerAccountId))
      .where(eq(bankAccounts.id, id));
    if (!row) throw new NotFoundError('accounting.bank_account_not_found', `Bank account ${id} not found.`);
    return { ...row.bank, ledgerAccountCode: row.code };
  }

  async function createBankAccount(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(bankAccountInputSchema, input);
    const ledgerAccount = await ledger.getAccount(actor, { code: data.ledgerAccountCode }).catch(() => null);
    if (!ledgerAccount?.isBank || ledgerAccount.isGroup)
      throw ValidationError.forField(
        'accounting.not_bank_account',
        'ledgerAccountCode',
        `Account ${data.ledgerAccountCode} is not a bank account of the chart.`,
        {
          code: data.ledgerAccountCode,
        },
      );
    const [taken] = await db.select({ id: bankAccounts.id }).from(bankAccounts).where(eq(bankAccounts.ledgerAccountId, ledgerAccount.id));
    if (taken)
      throw ValidationError.forField('accounting.bank_account_taken', 'ledgerAccountCode', `Account ${data.ledgerAccountCode} already has a bank account.`, {
        code: data.ledgerAccountCode,
      });
    const [row] = await db
      .insert(bankAccounts)
      .values({ name: data.name, bankName: data.bankName, accountNumber: data.accountNumber, ledgerAccountId: ledgerAccount.id, createdAt: clock.now() })
      .returning();
    return row!;
  }

  // ---- statements ----

  /** Imports a statement; a line already imported (same date, amount and reference) is skipped and counted. */
  async function importStatement(actor: Actor, bankAccountId: number, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(statementImportSchema, input);
    const bank = await getBankAccount(db, bankAccountId);
    let lines: StatementLine[];
    let balanceCents: number | null = null;
    if (data.format === 'ofx') ({ lines, balanceCents } = readOfxStatement(data.content));
    else {
      const mapping = data.mapping ?? bank.csvMapping;
      if (!mapping) throw ValidationError.forField('accounting.csv_mapping_missing', 'mapping', 'Say which columns of this bank’s CSV hold what.');
      lines = readCsvStatement(data.content, mapping);
      if (data.mapping) await db.update(bankAccounts).set({ csvMapping: data.mapping }).where(eq(bankAccounts.id, bankAccountId));
    }
    const rows = lines.map((l) => ({ ...l, bankAccountId, hash: lineHash(l), createdAt: clock.now() }));
    const inserted = rows.length
      ? await db
          .insert(bankTransactions)
          .values(rows)
          .onConflictDoNothing({ target: [bankTransactions.bankAccountId, bankTransactions.hash] })
          .returning({ id: bankTransactions.id })
      : [];
    return { imported: inserted.length, duplicates: rows.length - inserted.length, statementBalance: balanceCents === null ? null : fromCents(balanceCents) };
  }

  // ---- rules ----

  async function createRule(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(bankRuleInputSchema, input);
    const account = await ledger.getAccount(actor, { code: data.accountCode }).catch(() => null);
    if (!account || account.isGroup || !account.isActive)
      throw ValidationError.forField('accounting.account_not_postable', 'accountCode', `Account ${data.accountCode} takes no postings.`, {
        code: data.accountCode,
      });
    if (data.bankAccountId) await getBankAccount(db, data.bankAccountId);
    const [row] = await db
      .insert(bankRules)
      .values({
        bankAccountId: data.bankAccountId ?? null,
        pattern: data.pattern.toUpperCase(),
        accountId: account.id,
        description: data.description,
        createdAt: clock.now(),
      })
      .returning();
    return { id: row!.id, bankAccountId: row!.bankAccountId, pattern: row!.pattern, accountCode: account.code, description: row!.description };
  }

  async function listRules(actor: Actor) {
    requireBookkeeper(actor);
    const rows = await db
      .select({ rule: bankRules, code: accounts.code })
      .from(bankRules)
      .innerJoin(accounts, eq(accounts.id, bankRules.accountId))
      .orderBy(asc(bankRules.pattern));
    return rows.map((r) => ({
      id: r.rule.id,
      bankAccountId: r.rule.bankAccountId,
      pattern: r.rule.pattern,
      accountCode: r.code,
      description: r.rule.description,
    }));
  }

  async function deleteRule(actor: Actor, ruleId: number) {
    requireBookkeeper(actor);
    const [gone] = await db.delete(bankRules).where(eq(bankRules.id, ruleId)).returning({ id: bankRules.id });
    if (!gone) throw new NotFoundError('accounting.bank_rule_not_found', `Rule ${ruleId} not found.`);
  }

  // ---- reconciliations ----

  async function startReconciliation(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(reconciliationStartSchema, input);
    return db.transaction(async (tx) => {
      const bank = await getBankAccount(tx, data.bankAccountId);
      const [last] = await tx
        .select()
        .from(reconciliations)
        .where(eq(reconciliations.bankAccountId, bank.id))
        .orderBy(desc(reconciliations.statementDate), desc(reconciliations.id))
        .limit(1);
      if (last?.status === 'open')
        throw new ConflictError('accounting.reconciliation_open', 'This bank account has a reconciliation in progress.', { id: last.id });
      if (last && data.statementDate <= last.statementDate)
        throw ValidationError.forField('accounting.statement_date_order', 'statementDate', `The last statement reconciled is of ${last.statementDate}.`, {
          date: last.statementDate,
        });
      if (last && data.openingBalance !== undefined && toCents(data.openingBalance) !== last.statementBalanceCents)
        throw ValidationError.forField(
          'accounting.opening_balance',
          'openingBalance',
          `The opening balance is the last statement's, ${fromCents(last.statementBalanceCents)}.`,
          {
            balance: fromCents(last.statementBalanceCents),
          },
        );
      const [row] = await tx
        .insert(reconciliations)
        .values({
          bankAccountId: bank.id,
          statementDate: data.statementDate,
          openingBalanceCents: last ? last.statementBalanceCents : toCents(data.openingBalance ?? 0),
          statementBalanceCents: toCents(data.statementBalance),
          createdBy: actorId(actor),
          createdAt: clock.now(),
        })
        .returning();
      return row!;
    });
  }

  async function lockOpen(tx: Tx, reconciliationId: number) {
    const [rec] = await tx.select().from(reconciliations).where(eq(reconciliations.id, reconciliationId)).for('update');
    if (!rec) throw new NotFoundError('accounting.reconciliation_not_found', `Reconciliation ${reconciliationId} not found.`);
    if (rec.status !== 'open') throw new ConflictError('accounting.reconciliation_locked', 'The reconciliation is completed and locked.');
    return { rec, bank: await getBankAccount(tx, rec.bankAccountId) };
  }

  /** Statement lines up to the statement date that no completed reconciliation cleared. */
  async function statementLines(reader: Pick<Tx, 'select'>, rec: typeof reconciliations.$inferSelect) {
    return reader
      .select()
      .from(bankTransactions)
      .where(
        and(
          eq(bankTransactions.bankAccountId, rec.bankAccountId),
          lte(bankTransactions.date, rec.statementDate),
          or(isNull(bankTransactions.reconciliationId), eq(bankTransactions.reconciliationId, rec.id)),
        ),
      )
      .orderBy(asc(bankTransactions.date), asc(bankTransactions.id));
  }

  /** Posted lines on the bank's account, up to a few days after the statement, that no reconciliation cleared. */
  async function unclearedLines(reader: Pick<Tx, 'select'>, ledgerAccountId: number, until: string) {
    const cleared = reader.select({ id: reconciliationMatches.journalLineId }).from(reconciliationMatches);
    const rows = await reader
      .select({
        id: journalLines.id,
        date: journalEntries.date,
        entryNumber: journalEntries.entryNumber,
        entryDescription: journalEntries.description,
        reference: journalEntries.reference,
        description: journalLines.description,
        debit: journalLines.debit,
        credit: journalLines.credit,
      })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(
        and(
          eq(journalLines.accountId, ledgerAccountId),
          eq(journalEntries.status, 'posted'),
          lte(journalEntries.date, addLocalDays(until, MATCH_WINDOW.after)),
          notInArray(journalLines.id, cleared),
        ),
      )
      .orderBy(asc(journalEntries.date), asc(journalLines.id));
    return rows.map((r) => ({ ...r, amountCents: lineCents(r), text: `${r.entryDescription} ${r.reference} ${r.description}` }));
  }

  async function matchIn(tx: Tx, rec: typeof reconciliations.$inferSelect, ledgerAccountId: number, bankTransactionId: number, journalLineIds: number[]) {
    const [bankTx] = await tx.select().from(bankTransactions).where(eq(bankTransactions.id, bankTransactionId)).for('update');
    if (!bankTx || bankTx.bankAccountId !== rec.bankAccountId || bankTx.date > rec.statementDate)
      throw ValidationError.forField('accounting.bank_tx_not_in_statement', 'bankTransactionId', 'That line is not on this statement.');
    if (bankTx.reconciliationId !== null) throw new ConflictError('accounting.bank_tx_matched', 'That statement line is already matched.');
    const ids = [...new Set(journalLineIds)];
    const found = await tx
      .select({ id: journalLines.id, accountId: journalLines.accountId, debit: journalLines.debit, credit: journalLines.credit, status: journalEntries.status })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(inArray(journalLines.id, ids));
    if (found.length !== ids.length || found.some((l) => l.accountId !== ledgerAccountId || l.status !== 'posted'))
      throw ValidationError.forField('accounting.line_not_on_bank', 'journalLineIds', "Only posted lines of this bank's account can be matched.");
    const sum = found.reduce((s, l) => s + lineCents(l), 0);
    if (sum !== bankTx.amountCents)
      throw ValidationError.forField(
        'accounting.match_amount',
        'journalLineIds',
        `The lines add up to ${fromCents(sum)}, the statement line is ${fromCents(bankTx.amountCents)}.`,
        {
          lines: fromCents(sum),
          statement: fromCents(bankTx.amountCents),
        },
      );
    const inserted = await tx
      .insert(reconciliationMatches)
      .values(ids.map((journalLineId) => ({ reconciliationId: rec.id, bankTransactionId, journalLineId })))
      .onConflictDoNothing()
      .returning({ id: reconciliationMatches.id });
    if (inserted.length !== ids.length) throw new ConflictError('accounting.line_matched', 'One of those journal lines is already matched.');
    await tx.update(bankTransactions).set({ reconciliationId: rec.id }).where(eq(bankTransactions.id, bankTransactionId));
  }

  /** `match_transaction`: a statement line against one or more journal lines that add up to it. */
  async function match(actor: Actor, reconciliationId: number, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(matchSchema, input);
    await db.transaction(async (tx) => {
      const { rec, bank } = await lockOpen(tx, reconciliationId);
      await matchIn(tx, rec, bank.ledgerAccountId, data.bankTransactionId, data.journalLineIds);
    });
    return getReconciliation(actor, reconciliationId);
  }

  async function unmatch(actor: Actor, reconciliationId: number, input: unknown) {
    requireBookkeeper(actor);
    const data = parseInput(unmatchSchema, input);
    await db.transaction(async (tx) => {
      await lockOpen(tx, reconciliationId);
      await tx
        .delete(reconciliationMatches)
        .where(and(eq(reconciliationMatches.reconciliationId, reconciliationId), eq(reconciliationMatches.bankTransactionId, data.bankTransactionId)));
      await tx
        .update(bankTransactions)
        .set({ reconciliationId: null })
        .where(and(eq(bankTransactions.id, data.bankTransactionId), eq(bankTransactions.reconciliationId, reconciliationId)));
    });
    return getReconciliation(actor, reconciliationId);
  }

  /** Takes every suggestion the matcher has now. */
  async function acceptSuggestions(actor: Actor, reconciliationId: number) {
    requireBookkeeper(actor);
    await db.transaction(async (tx) => {
      const { rec, bank } = await lockOpen(tx, reconciliationId);
      const open = (await statementLines(tx, rec)).filter((t) => t.reconciliationId === null);
      for (const s of suggestMatches(open, await unclearedLines(tx, bank.ledgerAccountId, rec.statementDate), MATCH_WINDOW))
        await matchIn(tx, rec, bank.ledgerAccountId, s.bankTransactionId, s.journalLineIds);
    });
    return getReconciliation(actor, reconciliationId);
  }

  /**
   * Books the statement lines a saved rule recognises ("COMISION" → bank fees): each line is cleared on this
   * statement and announced (`bank_fee_booked`) in one transaction; the ledger consumer posts its entry and
   * ties the entry's bank line to it, like every other posting (replayable, exactly once).
   */
  async function applyRules(actor: Actor, reconciliationId: number) {
    requireBookkeeper(actor);
    const booked = await db.transaction(async (tx) => {
      const { rec, bank } = await lockOpen(tx, reconciliationId);
      const rules = await tx
        .select({ rule: bankRules, code: accounts.code })
        .from(bankRules)
        .innerJoin(accounts, eq(accounts.id, bankRules.accountId))
        .where(or(isNull(bankRules.bankAccountId), eq(bankRules.bankAccountId, bank.id)))
        .orderBy(sql`length(${bankRules.pattern}) desc`);
      let count = 0;
      for (const t of await statementLines(tx, rec)) {
        if (t.reconciliationId !== null) continue;
        const text = `${t.description} ${t.reference}`.toUpperCase();
        const hit = rules.find((r) => text.includes(r.rule.pattern));
        if (!hit) continue;
        await tx.update(bankTransactions).set({ reconciliationId: rec.id }).where(eq(bankTransactions.id, t.id));
        await events.emit(tx, bankFeeBooked, {
          bankTransactionId: t.id,
          reconciliationId: rec.id,
          ruleId: hit.rule.id,
          date: t.date,
          amount: fromCents(t.amountCents),
          accountCode: hit.code,
          bankLedgerAccountCode: bank.ledgerAccountCode,
          description: hit.rule.description || t.description,
          reference: t.reference || t.description,
        });
        count++;
      }
      return count;
    });
    return { booked, reconciliation: await getReconciliation(actor, reconciliationId) };
  }

  /** The ledger consumer: the rule's entry, its bank line cleared against the statement line that raised it. */
  async function onBankFeeBooked(p: EventPayload<typeof bankFeeBooked>, event: EventContext) {
    const entry = await ledger.postFromEvent(bankFeeEntry(p), event.eventId);
    const [bankLine] = await event.tx
      .select({ id: journalLines.id })
      .from(journalLines)
      .innerJoin(accounts, eq(accounts.id, journalLines.accountId))
      .where(and(eq(journalLines.entryId, entry.id), eq(accounts.code, p.bankLedgerAccountCode)));
    await event.tx
      .insert(reconciliationMatches)
      .values({ reconciliationId: p.reconciliationId, bankTransactionId: p.bankTransactionId, journalLineId: bankLine!.id })
      .onConflictDoNothing();
  }

  /** The statement against the books: lines and what they cleared, what is left, suggestions, and the difference. */
  async function getReconciliation(actor: Actor, reconciliationId: number) {
    requireBookkeeper(actor);
    const [rec] = await db.select().from(reconciliations).where(eq(reconciliations.id, reconciliationId));
    if (!rec) throw new NotFoundError('accounting.reconciliation_not_found', `Reconciliation ${reconciliationId} not found.`);
    const bank = await getBankAccount(db, rec.bankAccountId);
    const transactions = await statementLines(db, rec);
    const matches = await db.select().from(reconciliationMatches).where(eq(reconciliationMatches.reconciliationId, rec.id));
    const uncleared = rec.status === 'open' ? await unclearedLines(db, bank.ledgerAccountId, rec.statementDate) : [];
    const clearedCents = rec.openingBalanceCents + transactions.filter((t) => t.reconciliationId === rec.id).reduce((s, t) => s + t.amountCents, 0);
    const open = transactions.filter((t) => t.reconciliationId === null);
    return {
      id: rec.id,
      bankAccountId: bank.id,
      bankAccountName: bank.name,
      ledgerAccountCode: bank.ledgerAccountCode,
      statementDate: rec.statementDate,
      status: rec.status,
      openingBalance: fromCents(rec.openingBalanceCents),
      statementBalance: fromCents(rec.statementBalanceCents),
      clearedBalance: fromCents(clearedCents),
      difference: fromCents(rec.statementBalanceCents - clearedCents),
      transactions: transactions.map((t) => ({
        id: t.id,
        date: t.date,
        amount: fromCents(t.amountCents),
        description: t.description,
        reference: t.reference,
        journalLineIds: matches.filter((m) => m.bankTransactionId === t.id).map((m) => m.journalLineId),
      })),
      unmatchedLines: uncleared.map((l) => ({
        id: l.id,
        date: l.date,
        entryNumber: l.entryNumber,
        description: l.description || l.entryDescription,
        amount: fromCents(l.amountCents),
      })),
      suggestions: rec.status === 'open' ? suggestMatches(open, uncleared, MATCH_WINDOW) : [],
    };
  }

  async function listReconciliations(actor: Actor, bankAccountId?: number) {
    requireBookkeeper(actor);
    return db
      .select()
      .from(reconciliations)
      .where(bankAccountId ? eq(reconciliations.bankAccountId, bankAccountId) : undefined)
      .orderBy(desc(reconciliations.statementDate), desc(reconciliations.id))
      .limit(100);
  }

  /** `complete_reconciliation`: only at a difference of zero; then nothing in it changes. */
  async function completeReconciliation(actor: Actor, reconciliationId: number) {
    requireBookkeeper(actor);
    await db.transaction(async (tx) => {
      const { rec, bank } = await lockOpen(tx, reconciliationId);
      const cleared = await tx
        .select({ sum: sql<string>`coalesce(sum(${bankTransactions.amountCents}), 0)`, count: sql<number>`count(*)::int` })
        .from(bankTransactions)
        .where(eq(bankTransactions.reconciliationId, rec.id));
      const difference = rec.statementBalanceCents - rec.openingBalanceCents - Number(cleared[0]!.sum);
      if (difference !== 0)
        throw new ConflictError('accounting.reconciliation_difference', `The statement and the cleared lines differ by ${fromCents(difference)}.`, {
          difference: fromCents(difference),
        });
      await tx
        .update(reconciliations)
        .set({ status: 'completed', completedAt: clock.now(), completedBy: actorId(actor) })
        .where(eq(reconciliations.id, rec.id));
      await events.emit(tx, reconciliationCompleted, {
        reconciliationId: rec.id,
        bankAccountId: bank.id,
        ledgerAccountCode: bank.ledgerAccountCode,
        statementDate: rec.statementDate,
        statementBalance: fromCents(rec.statementBalanceCents),
        matchedTransactions: cleared[0]!.count,
        completedBy: actorId(actor),
      });
    });
    return getReconciliation(actor, reconciliationId);
  }

  return {
    listBankAccounts,
    createBankAccount,
    importStatement,
    createRule,
    listRules,
    deleteRule,
    startReconciliation,
    getReconciliation,
    listReconciliations,
    match,
    unmatch,
    acceptSuggestions,
    applyRules,
    onBankFeeBooked,
    completeReconciliation,
  };
}

export type ReconciliationService = ReturnType<typeof createReconciliationService>;
