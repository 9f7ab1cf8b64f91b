import { fileResponse, type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import { periodSchema } from './accounting.schemas';
import {
  bankAccountInputSchema,
  bankAccountOut,
  bankRuleInputSchema,
  bankRuleOut,
  importOut,
  matchSchema,
  reconciliationOut,
  reconciliationStartSchema,
  statementImportSchema,
  unmatchSchema,
} from './bank.schemas';
import {
  agingOut,
  agingQuerySchema,
  billDetailOut,
  billFromCfdiSchema,
  billInputSchema,
  billListQuerySchema,
  billOut,
  billPaymentOut,
  billPaymentSchema,
  vendorInputSchema,
  vendorOut,
} from './payables.schemas';
import type { AccountingServices } from './services';

const tags = ['accounting'];
const ownerParams = z.object({ ownerId: z.uuid() });
const amount = z.string();
const reconciliationRow = z.object({
  id: z.number().int(),
  bankAccountId: z.number().int(),
  statementDate: z.string(),
  status: z.enum(['open', 'completed']),
  statementBalanceCents: z.number().int(),
  openingBalanceCents: z.number().int(),
  completedAt: z.date().nullable(),
});
const statementOut = z.object({
  ownerId: z.string(),
  ownerName: z.string(),
  from: z.string(),
  to: z.string(),
  opening: amount,
  closing: amount,
  lines: z.array(
    z.object({
      date: z.string(),
      entryNumber: z.string().nullable(),
      entryType: z.string(),
      reference: z.string(),
      description: z.string(),
      debit: amount,
      credit: amount,
      balance: amount,
    }),
  ),
  openInvoices: z.array(
    z.object({ invoiceId: z.number().int(), invoiceNumber: z.string(), issuedOn: z.string(), dueDate: z.string().nullable(), total: amount, balance: amount }),
  ),
});

/** `/api/v1/accounting`: payables, receivables and the bank (accountants, managers and admins; the services check). */
export async function payablesRoutes(app: HttpApp, s: AccountingServices) {
  const base = '/api/v1/accounting';

  app.get(
    `${base}/vendors`,
    { schema: { tags, summary: 'Suppliers, with what the clinic owes each', response: { 200: z.array(vendorOut.extend({ balance: amount })) } } },
    (req) => s.payables.listVendors(req.actor),
  );
  app.post(
    `${base}/vendors`,
    { schema: { tags, summary: 'Add a supplier (RFC, DIOT third-party and operation types)', body: vendorInputSchema, response: { 201: vendorOut } } },
    async (req, reply) => reply.status(201).send(await s.payables.createVendor(req.actor, req.body)),
  );
  app.put(
    `${base}/vendors/:id`,
    { schema: { tags, summary: 'Change a supplier', params: idParams, body: vendorInputSchema, response: { 200: vendorOut } } },
    (req) => s.payables.updateVendor(req.actor, req.params.id, req.body),
  );

  app.get(
    `${base}/bills`,
    { schema: { tags, summary: 'Supplier bills, by due date', querystring: billListQuerySchema, response: { 200: z.array(billOut) } } },
    (req) => s.payables.listBills(req.actor, req.query),
  );
  app.get(
    `${base}/bills/:id`,
    { schema: { tags, summary: 'A supplier bill with its lines and payments', params: idParams, response: { 200: billDetailOut } } },
    (req) => s.payables.getBill(req.actor, req.params.id),
  );
  app.post(
    `${base}/bills`,
    {
      schema: {
        tags,
        summary: 'Book a supplier bill typed by hand (lines before IVA, each at its rate)',
        body: billInputSchema,
        response: { 201: billDetailOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.payables.createBill(req.actor, req.body)),
  );
  app.post(
    `${base}/bills/cfdi`,
    {
      schema: {
        tags,
        summary: 'Book a supplier bill from its CFDI 4.0 XML (409 accounting.bill_duplicate_uuid when the UUID is already booked)',
        body: billFromCfdiSchema,
        response: { 201: billDetailOut.extend({ vendorCreated: z.boolean() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await s.payables.createBillFromCfdi(req.actor, req.body)),
  );
  app.post(
    `${base}/bills/:id/payments`,
    {
      schema: {
        tags,
        summary: 'Pay a bill in part or in full from a bank or cash account (422 accounting.overpayment beyond its balance)',
        params: idParams,
        body: billPaymentSchema,
        response: { 201: billPaymentOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.payables.payBill(req.actor, req.params.id, req.body)),
  );
  app.get(
    `${base}/payables/aging`,
    {
      schema: { tags, summary: 'AP aging per supplier: current, 1–30, 31–60, 61–90, over 90 days', querystring: agingQuerySchema, response: { 200: agingOut } },
    },
    (req) => s.payables.agingReport(req.actor, req.query.asOf),
  );

  app.get(
    `${base}/receivables/aging`,
    {
      schema: {
        tags,
        summary: 'AR aging per owner: what each open invoice owed at the end of `asOf` (today by default), from the books',
        querystring: agingQuerySchema,
        response: { 200: agingOut },
      },
    },
    (req) => s.receivables.agingReport(req.actor, req.query.asOf),
  );
  app.get(
    `${base}/receivables/aging.csv`,
    {
      schema: {
        tags,
        summary: 'AR aging per owner as of a day (today by default), as CSV',
        querystring: agingQuerySchema,
        response: { 200: fileResponse('The AR aging as CSV', 'text/csv') },
      },
    },
    async (req, reply) => {
      const file = await s.receivables.agingCsv(req.actor, req.query.asOf);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    },
  );
  app.get(
    `${base}/receivables/:ownerId/balance`,
    { schema: { tags, summary: "An owner's outstanding balance", params: ownerParams, response: { 200: z.object({ ownerId: z.string(), balance: amount }) } } },
    async (req) => ({ ownerId: req.params.ownerId, balance: await s.receivables.customerBalance(req.actor, req.params.ownerId) }),
  );
  app.get(
    `${base}/receivables/:ownerId/statement`,
    {
      schema: {
        tags,
        summary: "An owner's statement of account for a period",
        params: ownerParams,
        querystring: periodSchema,
        response: { 200: statementOut },
      },
    },
    (req) => s.receivables.statementOfAccount(req.actor, req.params.ownerId, req.query),
  );

  app.get(
    `${base}/bank-accounts`,
    { schema: { tags, summary: "The clinic's bank accounts with their book balance", response: { 200: z.array(bankAccountOut) } } },
    (req) => s.bank.listBankAccounts(req.actor),
  );
  app.post(
    `${base}/bank-accounts`,
    {
      schema: {
        tags,
        summary: 'Add a bank account, tied to a bank account of the chart',
        body: bankAccountInputSchema,
        response: { 201: z.object({ id: z.number().int(), name: z.string() }) },
      },
    },
    async (req, reply) => {
      const row = await s.bank.createBankAccount(req.actor, req.body);
      return reply.status(201).send({ id: row.id, name: row.name });
    },
  );
  app.post(
    `${base}/bank-accounts/:id/statements`,
    {
      schema: {
        tags,
        summary: 'Import a statement (CSV with a column mapping, saved per bank; or OFX); lines already imported are skipped',
        params: idParams,
        body: statementImportSchema,
        response: { 200: importOut },
      },
    },
    (req) => s.bank.importStatement(req.actor, req.params.id, req.body),
  );
  app.get(`${base}/bank-rules`, { schema: { tags, summary: 'Saved rules that book statement lines', response: { 200: z.array(bankRuleOut) } } }, (req) =>
    s.bank.listRules(req.actor),
  );
  app.post(
    `${base}/bank-rules`,
    {
      schema: {
        tags,
        summary: 'Save a rule: a line whose text contains the pattern is booked to the account',
        body: bankRuleInputSchema,
        response: { 201: bankRuleOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.bank.createRule(req.actor, req.body)),
  );
  app.delete(`${base}/bank-rules/:id`, { schema: { tags, summary: 'Delete a rule', params: idParams, response: { 204: z.null() } } }, async (req, reply) => {
    await s.bank.deleteRule(req.actor, req.params.id);
    return reply.status(204).send(null);
  });

  app.get(`${base}/reconciliations`, { schema: { tags, summary: 'Reconciliations, newest first', response: { 200: z.array(reconciliationRow) } } }, (req) =>
    s.bank.listReconciliations(req.actor),
  );
  app.post(
    `${base}/reconciliations`,
    { schema: { tags, summary: 'Start reconciling a bank account with a statement', body: reconciliationStartSchema, response: { 201: reconciliationRow } } },
    async (req, reply) => reply.status(201).send(await s.bank.startReconciliation(req.actor, req.body)),
  );
  app.get(
    `${base}/reconciliations/:id`,
    {
      schema: {
        tags,
        summary: 'A reconciliation: statement lines, uncleared book lines, suggestions, difference',
        params: idParams,
        response: { 200: reconciliationOut },
      },
    },
    (req) => s.bank.getReconciliation(req.actor, req.params.id),
  );
  app.post(
    `${base}/reconciliations/:id/matches`,
    {
      schema: {
        tags,
        summary: 'Match a statement line with journal lines that add up to it (one to many)',
        params: idParams,
        body: matchSchema,
        response: { 200: reconciliationOut },
      },
    },
    (req) => s.bank.match(req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/reconciliations/:id/unmatch`,
    { schema: { tags, summary: 'Undo the match of a statement line', params: idParams, body: unmatchSchema, response: { 200: reconciliationOut } } },
    (req) => s.bank.unmatch(req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/reconciliations/:id/accept-suggestions`,
    { schema: { tags, summary: 'Take every suggested match', params: idParams, response: { 200: reconciliationOut } } },
    (req) => s.bank.acceptSuggestions(req.actor, req.params.id),
  );
  app.post(
    `${base}/reconciliations/:id/apply-rules`,
    {
      schema: {
        tags,
        summary: 'Book and match the statement lines the saved rules recognise',
        params: idParams,
        response: { 200: z.object({ booked: z.number().int(), reconciliation: reconciliationOut }) },
      },
    },
    (req) => s.bank.applyRules(req.actor, req.params.id),
  );
  app.post(
    `${base}/reconciliations/:id/complete`,
    {
      schema: {
        tags,
        summary: 'Complete and lock (409 accounting.reconciliation_difference until the difference is zero)',
        params: idParams,
        response: { 200: reconciliationOut },
      },
    },
    (req) => s.bank.completeReconciliation(req.actor, req.params.id),
  );
}
