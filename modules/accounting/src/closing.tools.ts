import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import type { AccountingServices } from './services';

const year = z.number().int().min(2000).max(2100);
const month = z.number().int().min(1).max(12);

/** AI tools on budgets and the month's close for the people who keep the books (the services refuse everyone else). */
export function closingTools(s: AccountingServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'accounting_budget_vs_actual',
      description:
        'Accountants, managers, admins: budget against actual per budgeted account for a month (1–12) and the year to date, with the variance (actual − budget) in MXN and the expense accounts over budget. Without a month: the whole year.',
      input: z.object({ year, month: month.optional() }),
      permission: 'staff',
      handler: async ({ year, month }, actor) => {
        const report = await s.budgets.varianceReport(actor, { year, month });
        return {
          year: report.year,
          month: report.month,
          accounts: report.rows.map((r) => ({
            account: `${r.accountCode} ${r.name}`,
            type: r.accountType,
            month: r.month,
            yearToDate: r.yearToDate,
            overBudget: r.over,
          })),
          overBudget: report.rows.filter((r) => r.over).map((r) => r.accountCode),
        };
      },
    }),
    defineTool({
      name: 'accounting_month_close_status',
      description:
        'Accountants, managers, admins: whether a month of the books is closed and, if not, what blocks closing it (events not yet booked, draft entries, open bank reconciliations, unreconciled bank lines, an earlier month still open), and goods received still waiting for their supplier bill.',
      input: z.object({ year, month }),
      permission: 'staff',
      handler: async ({ year, month }, actor) => {
        const status = await s.close.monthStatus(actor, year, month);
        return { ...status, blockers: status.blockers.map((b) => ({ ...b, detail: b.detail.slice(0, 10) })) };
      },
    }),
  ];
}
