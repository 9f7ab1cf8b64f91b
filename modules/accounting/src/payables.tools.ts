import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import type { AccountingServices } from './services';

const localDate = z.iso.date();

/** AI tools on payables and receivables for the people who keep the books (the services refuse everyone else). */
export function payablesTools(s: AccountingServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'accounting_overdue_bills',
      description:
        'Accountants, managers, admins: supplier bills past their due date and not fully paid (supplier, number, due date, balance in MXN), oldest first.',
      input: z.object({ asOf: localDate.optional() }),
      permission: 'staff',
      handler: async ({ asOf }, actor) => {
        const bills = await s.payables.overdueBills(actor, asOf);
        return {
          count: bills.length,
          bills: bills
            .slice(0, 50)
            .map((b) => ({ id: b.id, supplier: b.vendorName, rfc: b.vendorRfc, number: b.billNumber, dueDate: b.dueDate, balance: b.balance })),
        };
      },
    }),
    defineTool({
      name: 'accounting_ar_aging',
      description:
        'Accountants, managers, admins: what customers owe on open invoices by days past due (current, 1–30, 31–60, 61–90, over 90), in MXN, with the largest debtors.',
      input: z.object({ asOf: localDate.optional() }),
      permission: 'staff',
      handler: async ({ asOf }, actor) => {
        const aging = await s.receivables.agingReport(actor, asOf);
        return { asOf: aging.asOf, totals: aging.totals, debtors: aging.rows.slice(0, 20) };
      },
    }),
  ];
}
