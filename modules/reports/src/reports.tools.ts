import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import type { ReportsServices } from './services';

const period = z.enum(['today', 'week', 'month']).describe('today, this week (from Monday) or this month (from the 1st)');

/** AI tools for managers and admins, answered from the same report service as the dashboard (it refuses everyone else). */
export function reportsTools(s: ReportsServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'reports_how_did_we_do',
      description:
        'Managers, admins: how the clinic did in a period (default this week) against the period before and the same days last year: revenue before IVA, invoices, average transaction, new and returning clients, appointments, no-shows, cancellations, receivables; amounts in MXN.',
      input: z.object({ period: period.default('week') }),
      permission: 'staff',
      handler: async ({ period }, actor) => {
        const d = await s.reports.dashboard(actor, { period });
        return {
          period: d.period,
          previous: d.previous,
          lastYear: d.lastYear,
          revenue: d.revenue,
          invoices: d.invoices,
          averageTransaction: d.averageTransaction,
          newOwners: d.newOwners,
          returningOwners: d.returningOwners,
          appointments: d.appointments,
          receivables: d.receivables,
          summary: s.exports.summaryLines(actor, d),
        };
      },
    }),
    defineTool({
      name: 'reports_top_services',
      description: 'Managers, admins: the best-selling services and products of a period (default this month), by revenue before IVA in MXN, with units sold.',
      input: z.object({ period: period.default('month') }),
      permission: 'staff',
      handler: async ({ period }, actor) => {
        const d = await s.reports.dashboard(actor, { period });
        return { period: d.period, topServices: d.topServices, topProducts: d.topProducts, revenueByCategory: d.revenueByCategory };
      },
    }),
  ];
}
