import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, type ModuleContext, money, outbox } from '@petfriendly/core';
import { toCsv } from '@petfriendly/reports/export-formats';
import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { accounts, journalEntries, journalLines, receivables } from './accounting.tables';
import { AGING_BUCKETS, agingReport } from './aging';
import { LEDGER } from './chart';
import { type LedgerService, requireBookkeeper } from './ledger.service';

const AGING_COLUMNS = [...AGING_BUCKETS, 'total'] as const;

/** Who owes: names of owners, from the accounts module's directory. */
export type OwnerDirectory = Pick<AccountsPort['directory'], 'namesOf'>;

/**
 * ReceivablesService: what owners owe, read from the books' own receivables subledger (kept by the ledger
 * consumer from billing's invoice and payment events, never from billing's tables) and from the lines the
 * receivables account carries per owner.
 */
export function createReceivablesService(ctx: ModuleContext, ledger: LedgerService, directory: OwnerDirectory) {
  const { db } = ctx;

  async function openReceivables() {
    return db.select().from(receivables).where(eq(receivables.status, 'open')).orderBy(asc(receivables.issuedOn), asc(receivables.invoiceId));
  }

  /**
   * What each invoice owed at the end of `day`, from the books: the receivables account's posted lines dated by
   * then, per invoice (each entry's source event names it: issued, discounted, paid, refunded, cancelled).
   */
  async function balancesOn(day: string) {
    const invoiceId = sql<number>`(${outbox.payload}->>'invoiceId')::int`;
    const cents = sql<string>`sum(${journalLines.debit} - ${journalLines.credit}) * 100`;
    const owed = db
      .select({ invoiceId: invoiceId.as('owed_invoice_id'), cents: cents.as('owed_cents') })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .innerJoin(accounts, eq(accounts.id, journalLines.accountId))
      .innerJoin(outbox, eq(outbox.id, journalEntries.sourceEventId))
      .where(
        and(eq(accounts.code, LEDGER.receivables), eq(journalEntries.status, 'posted'), lte(journalEntries.date, day), sql`${outbox.payload} ? 'invoiceId'`),
      )
      .groupBy(invoiceId)
      .as('owed');
    return db
      .select({ receivable: receivables, cents: owed.cents })
      .from(owed)
      .innerJoin(receivables, eq(receivables.invoiceId, owed.invoiceId))
      .where(sql`${owed.cents} <> 0`)
      .orderBy(asc(receivables.issuedOn), asc(receivables.invoiceId));
  }

  /** The invoices open at the end of `asOf` (today by default) and what each owed then. */
  async function openOn(actor: Actor, asOf?: string) {
    requireBookkeeper(actor);
    const rows = await balancesOn(asOf ?? ledger.today());
    return rows.map((r) => ({ ...r.receivable, balanceCents: Number(r.cents) }));
  }

  /** `get_aging_report`: what each owner owed at the end of `asOf` (today by default), by days past the invoices' due dates. */
  async function agingReportOf(actor: Actor, asOf?: string) {
    const day = asOf ?? ledger.today();
    const open = await openOn(actor, day);
    const names = await directory.namesOf([...new Set(open.flatMap((r) => (r.ownerId ? [r.ownerId] : [])))]);
    return agingReport(
      day,
      open.map((r) => ({
        key: r.ownerId ?? 'public',
        name: (r.ownerId && names.get(r.ownerId)) || '—',
        rfc: null,
        dueDate: r.dueDate ?? r.issuedOn,
        balanceCents: r.balanceCents,
      })),
    );
  }

  /** The AR aging as of a day as CSV (a spreadsheet's UTF-8, amounts as plain decimals), headed in the actor's language. */
  async function agingCsv(actor: Actor, asOf?: string) {
    const report = await agingReportOf(actor, asOf);
    const t = ctx.i18n.t(actor.language);
    const buckets = AGING_COLUMNS.map((b) => t(`accounting:aging.${b}`));
    const body = toCsv([
      {
        key: 'aging',
        title: `${t('accounting:receivables.title')} · ${report.asOf}`,
        head: [t('accounting:receivables.customer'), ...buckets],
        rows: [
          ...report.rows.map((r) => [r.key === 'public' ? t('accounting:receivables.publicName') : r.name, ...AGING_COLUMNS.map((b) => ({ money: r[b] }))]),
          [t('accounting:aging.total'), ...AGING_COLUMNS.map((b) => ({ money: report.totals[b] }))],
        ],
      },
    ]);
    return { filename: `cuentas-por-cobrar-${report.asOf}.csv`, body };
  }

  /** The open invoices, optionally one owner's. */
  async function openInvoices(actor: Actor, ownerId?: string) {
    requireBookkeeper(actor);
    const rows = await openReceivables();
    return rows.filter((r) => !ownerId || r.ownerId === ownerId);
  }

  /** `get_customer_balance`: what an owner owes on their open invoices. */
  async function customerBalance(actor: Actor, ownerId: string): Promise<string> {
    requireBookkeeper(actor);
    const [row] = await db
      .select({ balance: sql<string>`coalesce(sum(${receivables.balance}), 0)` })
      .from(receivables)
      .where(and(eq(receivables.ownerId, ownerId), eq(receivables.status, 'open')));
    return money(row!.balance).toFixed(2);
  }

  /**
   * An owner's statement of account: every invoice, payment, refund and cancellation the receivables
   * account booked for them in a period, with the opening balance and a running balance.
   */
  async function statementOfAccount(actor: Actor, ownerId: string, period: { from: string; to: string }) {
    requireBookkeeper(actor);
    const arAccounts = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.code, LEDGER.receivables));
    const posted = and(eq(journalLines.ownerId, ownerId), inArray(journalLines.accountId, arAccounts), eq(journalEntries.status, 'posted'));
    const [opening] = await db
      .select({ balance: sql<string>`coalesce(sum(${journalLines.debit} - ${journalLines.credit}), 0)` })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(and(posted, lt(journalEntries.date, period.from)));
    const lines = await db
      .select({
        date: journalEntries.date,
        entryNumber: journalEntries.entryNumber,
        entryType: journalEntries.entryType,
        reference: journalEntries.reference,
        description: journalLines.description,
        debit: journalLines.debit,
        credit: journalLines.credit,
      })
      .from(journalLines)
      .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
      .where(and(posted, gte(journalEntries.date, period.from), lte(journalEntries.date, period.to)))
      .orderBy(asc(journalEntries.date), asc(journalEntries.id), asc(journalLines.lineOrder));
    let balance = money(opening!.balance);
    const rows = lines.map((l) => {
      balance = balance.plus(l.debit).minus(l.credit);
      return { ...l, debit: money(l.debit).toFixed(2), credit: money(l.credit).toFixed(2), balance: balance.toFixed(2) };
    });
    const name = (await directory.namesOf([ownerId])).get(ownerId) ?? '';
    return {
      ownerId,
      ownerName: name,
      from: period.from,
      to: period.to,
      opening: money(opening!.balance).toFixed(2),
      closing: balance.toFixed(2),
      lines: rows,
      openInvoices: (await openInvoices(actor, ownerId)).map((r) => ({
        invoiceId: r.invoiceId,
        invoiceNumber: r.invoiceNumber,
        issuedOn: r.issuedOn,
        dueDate: r.dueDate,
        total: money(r.total).toFixed(2),
        balance: money(r.balance).toFixed(2),
      })),
    };
  }

  /** Owners with an open balance, largest first: who to send a statement to. */
  async function debtors(actor: Actor) {
    const report = await agingReportOf(actor);
    return report.rows.filter((r) => r.key !== 'public');
  }

  return { agingReport: agingReportOf, agingCsv, openOn, openInvoices, customerBalance, statementOfAccount, debtors };
}

export type ReceivablesService = ReturnType<typeof createReceivablesService>;
