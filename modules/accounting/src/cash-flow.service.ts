import { type Actor, addLocalDays, type ModuleContext, money, parseInput } from '@petfriendly/core';
import type Decimal from 'decimal.js';
import { periodSchema } from './accounting.schemas';
import { type Account, chartOf, type Movement, movements } from './balances';
import { requireBookkeeper } from './ledger.service';

export type CashFlowSection = 'cash' | 'result' | 'operating' | 'investing' | 'financing';

/**
 * Where an account sits in the cash flow, read from its código agrupador (Anexo 24): 101–103 cash and
 * equivalents; revenue, expenses and the results in equity (304, 305) make the net income; other assets up to
 * 150 and liabilities up to 250 are working capital (operating); long-lived assets (151+) investing; long-term
 * liabilities (251+) and the rest of equity financing.
 */
export function cashFlowSectionOf(account: Pick<Account, 'accountType' | 'satCode' | 'isCash' | 'isBank'>): CashFlowSection {
  const major = Number(account.satCode.slice(0, 3));
  if (account.accountType === 'revenue' || account.accountType === 'expense') return 'result';
  if (account.accountType === 'asset')
    return account.isCash || account.isBank || (major >= 101 && major <= 103) ? 'cash' : major >= 151 ? 'investing' : 'operating';
  if (account.accountType === 'liability') return major >= 251 ? 'financing' : 'operating';
  return major === 304 || major === 305 ? 'result' : 'financing';
}

const fixed = (d: Decimal) => d.toFixed(2);

/**
 * The cash flow statement, indirect method: the period's net income, then the change of every other
 * non-cash account as its effect on cash (credit − debit: an asset that grew took cash, a liability that
 * grew gave it), by section. Opening cash plus the three sections is closing cash, to the centavo.
 */
export function createCashFlowService(ctx: ModuleContext) {
  const { db } = ctx;

  async function cashFlow(actor: Actor, input: unknown) {
    requireBookkeeper(actor);
    const { from, to } = parseInput(periodSchema, input);
    const chart = await chartOf(db);
    const [before, during] = await Promise.all([movements(db, { to: addLocalDays(from, -1) }), movements(db, { from, to })]);
    const effect = (m: Movement | undefined) => (m ? m.credit.minus(m.debit) : money(0));
    const leaves = chart.accounts.filter((a) => !a.isGroup);
    const sections = { operating: [], investing: [], financing: [] } as Record<
      'operating' | 'investing' | 'financing',
      { code: string; name: string; amount: string }[]
    >;
    let netIncome = money(0);
    let openingCash = money(0);
    let closingCash = money(0);
    for (const a of leaves) {
      const section = cashFlowSectionOf(a);
      const moved = during.get(a.id);
      if (section === 'cash') {
        const open = before.get(a.id);
        const o = open ? open.debit.minus(open.credit) : money(0);
        openingCash = openingCash.plus(o);
        closingCash = closingCash.plus(o).minus(effect(moved));
      } else if (section === 'result') netIncome = netIncome.plus(effect(moved));
      else if (!effect(moved).isZero()) sections[section].push({ code: a.code, name: a.name, amount: fixed(effect(moved)) });
    }
    const total = (rows: { amount: string }[]) => rows.reduce((s, r) => s.plus(r.amount), money(0));
    const operatingTotal = netIncome.plus(total(sections.operating));
    const investingTotal = total(sections.investing);
    const financingTotal = total(sections.financing);
    return {
      from,
      to,
      netIncome: fixed(netIncome),
      operating: { rows: sections.operating, total: fixed(operatingTotal) },
      investing: { rows: sections.investing, total: fixed(investingTotal) },
      financing: { rows: sections.financing, total: fixed(financingTotal) },
      netChange: fixed(operatingTotal.plus(investingTotal).plus(financingTotal)),
      openingCash: fixed(openingCash),
      closingCash: fixed(closingCash),
    };
  }

  return { cashFlow };
}

export type CashFlowService = ReturnType<typeof createCashFlowService>;
