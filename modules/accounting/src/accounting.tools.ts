import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import { closingTools } from './closing.tools';
import { payablesTools } from './payables.tools';
import type { AccountingServices } from './services';

const localDate = z.iso.date();

/** AI tools for the people who keep the books; the services refuse everyone else, as on the pages. */
export function accountingTools(s: AccountingServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'accounting_account_balance',
      description: 'Accountants, managers, admins: the balance of an account of the chart (by code, e.g. 1101 Caja, 1103 Clientes) on a day, in MXN.',
      input: z.object({ accountCode: z.string().min(1), asOf: localDate.optional() }),
      permission: 'staff',
      handler: async ({ accountCode, asOf }, actor) => {
        const account = await s.ledger.getAccount(actor, { code: accountCode });
        const day = asOf ?? s.ledger.today();
        return { account: `${account.code} ${account.name}`, asOf: day, balance: await s.ledger.getAccountBalance(actor, account.id, day) };
      },
    }),
    defineTool({
      name: 'accounting_profit_and_loss',
      description:
        'Accountants, managers, admins: revenue, expenses and net income of a period (dates YYYY-MM-DD), with the same period a year before, in MXN.',
      input: z.object({ from: localDate, to: localDate }),
      permission: 'staff',
      handler: async (period, actor) => {
        const pnl = await s.statements.profitAndLoss(actor, period);
        return {
          from: pnl.from,
          to: pnl.to,
          revenue: pnl.revenue.total,
          expenses: pnl.expenses.total,
          netIncome: pnl.netIncome.total,
          prior: pnl.netIncome.prior,
        };
      },
    }),
    ...payablesTools(s),
    ...closingTools(s),
  ];
}
