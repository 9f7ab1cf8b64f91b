import { type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import {
  accountInputSchema,
  accountOut,
  asOfSchema,
  balanceOut,
  balanceQuerySchema,
  balanceSheetOut,
  entryOut,
  entryPageOut,
  entrySchema,
  exportRangeSchema,
  journalQuerySchema,
  ledgerOut,
  periodOut,
  periodParams,
  periodSchema,
  profitAndLossOut,
  reverseSchema,
  trialBalanceOut,
} from './accounting.schemas';
import type { AccountingServices } from './services';
import { JOURNAL_FORMATS } from './statements.service';

const tags = ['accounting'];
const codeParams = z.object({ code: z.string().min(1).max(20) });

/** `/api/v1/accounting`: accountants, managers and admins (the services check). */
export async function accountingRoutes(app: HttpApp, s: AccountingServices) {
  const base = '/api/v1/accounting';
  app.get(`${base}/accounts`, { schema: { tags, summary: 'The chart of accounts, by code', response: { 200: z.array(accountOut) } } }, (req) =>
    s.ledger.listAccounts(req.actor),
  );
  app.post(
    `${base}/accounts`,
    { schema: { tags, summary: 'Add an account under a group of the chart', body: accountInputSchema, response: { 201: accountOut } } },
    async (req, reply) => reply.status(201).send(await s.ledger.createAccount(req.actor, req.body)),
  );
  app.get(
    `${base}/accounts/:code/balance`,
    {
      schema: {
        tags,
        summary: "An account's balance on its natural side (with sub-accounts)",
        params: codeParams,
        querystring: balanceQuerySchema,
        response: { 200: balanceOut },
      },
    },
    async (req) => {
      const account = await s.ledger.getAccount(req.actor, { code: req.params.code });
      const asOf = req.query.asOf ?? s.ledger.today();
      return { accountCode: account.code, asOf, balance: await s.ledger.getAccountBalance(req.actor, account.id, asOf) };
    },
  );
  app.get(
    `${base}/accounts/:code/ledger`,
    {
      schema: {
        tags,
        summary: 'General ledger of an account: lines of a period with the running balance',
        params: codeParams,
        querystring: periodSchema,
        response: { 200: ledgerOut },
      },
    },
    (req) => s.statements.generalLedger(req.actor, req.params.code, req.query),
  );
  app.get(
    `${base}/entries`,
    { schema: { tags, summary: 'The journal, newest first (drafts too)', querystring: journalQuerySchema, response: { 200: entryPageOut } } },
    (req) => s.ledger.listEntries(req.actor, req.query),
  );
  app.get(`${base}/entries/:id`, { schema: { tags, summary: 'One journal entry with its lines', params: idParams, response: { 200: entryOut } } }, (req) =>
    s.ledger.getEntry(req.actor, req.params.id),
  );
  app.post(
    `${base}/entries`,
    {
      schema: {
        tags,
        summary: 'A manual entry, as a draft (422 accounting.unbalanced when debits and credits differ)',
        body: entrySchema,
        response: { 201: entryOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.ledger.createJournalEntry(req.actor, req.body)),
  );
  app.put(
    `${base}/entries/:id`,
    { schema: { tags, summary: 'Change a draft (409 accounting.entry_posted once posted)', params: idParams, body: entrySchema, response: { 200: entryOut } } },
    (req) => s.ledger.updateDraft(req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/entries/:id/post`,
    { schema: { tags, summary: 'Post a draft: numbered, into an open month (409 accounting.period_closed)', params: idParams, response: { 200: entryOut } } },
    (req) => s.ledger.postEntry(req.actor, req.params.id),
  );
  app.post(
    `${base}/entries/:id/reverse`,
    { schema: { tags, summary: 'Reverse a posted entry with its mirror image', params: idParams, body: reverseSchema, response: { 201: entryOut } } },
    async (req, reply) => reply.status(201).send(await s.ledger.reverseEntry(req.actor, req.params.id, req.body)),
  );
  app.get(
    `${base}/trial-balance`,
    { schema: { tags, summary: 'Trial balance of a period', querystring: periodSchema, response: { 200: trialBalanceOut } } },
    (req) => s.statements.trialBalance(req.actor, req.query),
  );
  app.get(
    `${base}/profit-and-loss`,
    {
      schema: { tags, summary: 'Profit and loss by month, with the same period a year before', querystring: periodSchema, response: { 200: profitAndLossOut } },
    },
    (req) => s.statements.profitAndLoss(req.actor, req.query),
  );
  app.get(
    `${base}/balance-sheet`,
    { schema: { tags, summary: 'Balance sheet on a day, with a year before', querystring: asOfSchema, response: { 200: balanceSheetOut } } },
    (req) => s.statements.balanceSheet(req.actor, req.query),
  );
  app.get(
    `${base}/export/:format`,
    {
      schema: {
        tags,
        summary: 'The posted journal as an hledger journal or a beancount ledger (text)',
        params: z.object({ format: z.enum(JOURNAL_FORMATS) }),
        querystring: exportRangeSchema,
        response: { 200: z.string() },
      },
    },
    async (req, reply) => reply.type('text/plain; charset=utf-8').send(await s.statements.exportJournal(req.actor, req.params.format, req.query)),
  );
  app.post(
    `${base}/periods/:year/:month/close`,
    { schema: { tags, summary: 'Close a month: no more postings into it', params: periodParams, response: { 200: periodOut } } },
    (req) => s.ledger.closePeriod(req.actor, req.params.year, req.params.month),
  );
}
