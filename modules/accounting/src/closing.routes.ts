import { fileResponse, type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import { periodOut, periodParams, periodSchema } from './accounting.schemas';
import { budgetOut, budgetQuerySchema, budgetWarningOut, copyBudgetSchema, setBudgetSchema, varianceOut, varianceQuerySchema } from './budget.schemas';
import { reopenSchema, yearParams } from './close.schemas';
import type { AccountingServices } from './services';
import { exportParams, exportQuerySchema } from './statement-exports.service';

const tags = ['accounting'];
const amount = z.string().describe('Decimal amount, two places');
const flowSection = z.object({ rows: z.array(z.object({ code: z.string(), name: z.string(), amount })), total: amount });
const cashFlowOut = z.object({
  from: z.string(),
  to: z.string(),
  netIncome: amount,
  operating: flowSection,
  investing: flowSection,
  financing: flowSection,
  netChange: amount,
  openingCash: amount,
  closingCash: amount,
});
const reopeningOut = z.object({
  id: z.number().int(),
  year: z.number().int(),
  month: z.number().int(),
  reason: z.string(),
  reopenedBy: z.string().nullable(),
  reopenedAt: z.date(),
});
const closeYearOut = z.object({ year: z.number().int(), netIncome: amount, entryId: z.number().int().nullable(), entryNumber: z.string().nullable() });

/** `/api/v1/accounting`: period close, budgets, the cash flow and the statements as files (the services check who). */
export async function closingRoutes(app: HttpApp, s: AccountingServices) {
  const base = '/api/v1/accounting';
  app.post(
    `${base}/periods/:year/:month/reopen`,
    {
      schema: {
        tags,
        summary: 'Reopen a closed month (admins only, with the reason kept)',
        params: periodParams,
        body: reopenSchema,
        response: { 200: reopeningOut },
      },
    },
    (req) => s.close.reopenMonth(req.actor, req.params.year, req.params.month, req.body),
  );
  app.post(
    `${base}/years/:year/close`,
    {
      schema: {
        tags,
        summary: 'Close a year: revenue and expenses to retained earnings on 31 December, every month locked',
        params: yearParams,
        response: { 200: closeYearOut },
      },
    },
    (req) => s.close.closeYear(req.actor, req.params),
  );
  app.post(
    `${base}/years/:year/reopen`,
    {
      schema: {
        tags,
        summary: 'Reopen a closed year (admins only): its closing entry is reversed',
        params: yearParams,
        body: reopenSchema,
        response: { 200: reopeningOut },
      },
    },
    (req) => s.close.reopenYear(req.actor, req.params.year, req.body),
  );
  app.get(
    `${base}/periods`,
    {
      schema: {
        tags,
        summary: 'The months with their state, the closed years and the trail of reopenings',
        response: { 200: z.object({ periods: z.array(periodOut), closedYears: z.array(z.number().int()), reopenings: z.array(reopeningOut) }) },
      },
    },
    (req) => s.close.overview(req.actor),
  );
  app.get(
    `${base}/budgets`,
    { schema: { tags, summary: "A year's budget per account", querystring: budgetQuerySchema, response: { 200: budgetOut } } },
    (req) => s.budgets.getBudget(req.actor, req.query),
  );
  app.put(
    `${base}/budgets`,
    { schema: { tags, summary: 'Twelve monthly amounts for a revenue or expense account', body: setBudgetSchema, response: { 200: budgetOut } } },
    (req) => s.budgets.setBudget(req.actor, req.body),
  );
  app.post(
    `${base}/budgets/copy`,
    { schema: { tags, summary: "A year's budget from another's budget or actuals, ± a percentage", body: copyBudgetSchema, response: { 200: budgetOut } } },
    (req) => s.budgets.copyYear(req.actor, req.body),
  );
  app.get(
    `${base}/budgets/variance`,
    { schema: { tags, summary: 'Budget against actual by month and year to date', querystring: varianceQuerySchema, response: { 200: varianceOut } } },
    (req) => s.budgets.varianceReport(req.actor, req.query),
  );
  app.get(
    `${base}/entries/:id/budget-warnings`,
    {
      schema: {
        tags,
        summary: 'The expense accounts a posted entry took over their month’s budget (a warning: the posting stands)',
        params: idParams,
        response: { 200: z.array(budgetWarningOut) },
      },
    },
    (req) => s.budgets.warningsFor(req.actor, req.params.id),
  );
  app.get(
    `${base}/cash-flow`,
    { schema: { tags, summary: 'Cash flow statement (indirect method) of a period', querystring: periodSchema, response: { 200: cashFlowOut } } },
    (req) => s.cashFlow.cashFlow(req.actor, req.query),
  );
  app.get(
    `${base}/statements/:statement/export/:format`,
    {
      schema: {
        tags,
        summary: 'A statement as CSV, XLSX or PDF (from/to, or asOf for the balance sheet)',
        params: exportParams,
        querystring: exportQuerySchema,
        response: {
          200: fileResponse('The statement as a file', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'),
        },
      },
    },
    async (req, reply) => {
      const file = await s.exports.exportStatement(req.actor, req.params.statement, req.params.format, req.query);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    },
  );
}
