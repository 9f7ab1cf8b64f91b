import { type Actor, type ModuleContext, parseInput } from '@petfriendly/core';
import { toCsv, toPdf, toXlsx } from '@petfriendly/reports/export-formats';
import type { Cell, ReportTable } from '@petfriendly/reports/report-tables';
import { z } from 'zod';
import { asOfSchema, periodSchema } from './accounting.schemas';
import type { CashFlowService } from './cash-flow.service';
import type { StatementService } from './statements.service';

export const STATEMENTS = ['trial-balance', 'profit-and-loss', 'balance-sheet', 'cash-flow'] as const;
export type StatementKind = (typeof STATEMENTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export const exportParams = z.object({ statement: z.enum(STATEMENTS), format: z.enum(EXPORT_FORMATS) });
export const exportQuerySchema = z.object({ from: z.string().optional(), to: z.string().optional(), asOf: z.string().optional() });

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
const TITLES: Record<StatementKind, string> = {
  'trial-balance': 'accounting:nav.trialBalance',
  'profit-and-loss': 'accounting:nav.profitAndLoss',
  'balance-sheet': 'accounting:nav.balanceSheet',
  'cash-flow': 'accounting:cashFlow.title',
};

type Row = { code: string; name: string; depth: number; isGroup: boolean };
const m = (money: string): Cell => ({ money });
const named = (r: Row) => `${'  '.repeat(r.depth)}${r.code} ${r.name}`;

/** Each statement as CSV, XLSX and PDF: the tables the page shows, in the reader's language. */
export function createStatementExports(ctx: ModuleContext, statements: StatementService, cashFlow: CashFlowService) {
  async function tablesOf(actor: Actor, kind: StatementKind, query: unknown): Promise<{ tables: ReportTable[]; range: string }> {
    const t = ctx.i18n.t(actor.language);
    const title = t(TITLES[kind]);
    const account = t('accounting:col.account');
    if (kind === 'balance-sheet') {
      const bs = await statements.balanceSheet(actor, parseInput(asOfSchema, query));
      const section = (key: string, s: typeof bs.assets): ReportTable => ({
        key,
        title: t(`accounting:bs.${key}`),
        head: [account, bs.asOf, bs.priorAsOf],
        rows: [
          ...s.rows.map((r) => [named(r), m(r.balance), m(r.prior)]),
          [t('accounting:col.total', { what: t(`accounting:bs.${key}`) }), m(s.total), m(s.prior)],
        ],
      });
      const result: ReportTable = {
        key: 'result',
        title: t('accounting:bs.liabilitiesAndEquity'),
        head: [account, bs.asOf, bs.priorAsOf],
        rows: [
          [t('accounting:bs.result'), m(bs.result.balance), m(bs.result.prior)],
          [t('accounting:bs.liabilitiesAndEquity'), m(bs.liabilitiesAndEquity.total), m(bs.liabilitiesAndEquity.prior)],
        ],
      };
      return { tables: [section('assets', bs.assets), section('liabilities', bs.liabilities), section('equity', bs.equity), result], range: bs.asOf };
    }
    const period = parseInput(periodSchema, query);
    const range = `${period.from} – ${period.to}`;
    if (kind === 'trial-balance') {
      const tb = await statements.trialBalance(actor, period);
      const head = [account, ...['opening', 'debit', 'credit', 'closing'].map((c) => t(`accounting:col.${c}`))];
      const rows: Cell[][] = tb.rows.map((r) => [named(r), m(r.opening), m(r.debit), m(r.credit), m(r.closing)]);
      rows.push([t('accounting:col.totals'), null, m(tb.totals.debit), m(tb.totals.credit), m(tb.totals.closing)]);
      return { tables: [{ key: 'trial-balance', title, head, rows }], range };
    }
    if (kind === 'profit-and-loss') {
      const pnl = await statements.profitAndLoss(actor, period);
      const head = [account, ...pnl.months, t('accounting:col.period'), t('accounting:col.prior', { from: pnl.priorFrom, to: pnl.priorTo })];
      const section = (key: 'revenue' | 'expenses', s: typeof pnl.revenue): ReportTable => ({
        key,
        title: t(`accounting:pnl.${key}`),
        head,
        rows: [
          ...s.rows.map((r) => [named(r), ...r.months.map(m), m(r.total), m(r.prior)]),
          [t('accounting:col.total', { what: t(`accounting:pnl.${key}`) }), ...s.months.map(m), m(s.total), m(s.prior)],
        ],
      });
      const net: ReportTable = {
        key: 'net',
        title: t('accounting:pnl.netIncome'),
        head,
        rows: [[t('accounting:pnl.netIncome'), ...pnl.netIncome.months.map(m), m(pnl.netIncome.total), m(pnl.netIncome.prior)]],
      };
      return { tables: [section('revenue', pnl.revenue), section('expenses', pnl.expenses), net], range };
    }
    const cf = await cashFlow.cashFlow(actor, period);
    const amount = t('accounting:cashFlow.amount');
    const section = (key: 'operating' | 'investing' | 'financing', s: typeof cf.operating, first: Cell[][] = []): ReportTable => ({
      key,
      title: t(`accounting:cashFlow.${key}`),
      head: [account, amount],
      rows: [
        ...first,
        ...s.rows.map((r) => [`${r.code} ${r.name}`, m(r.amount)]),
        [t('accounting:col.total', { what: t(`accounting:cashFlow.${key}`) }), m(s.total)],
      ],
    });
    return {
      tables: [
        section('operating', cf.operating, [[t('accounting:cashFlow.netIncome'), m(cf.netIncome)]]),
        section('investing', cf.investing),
        section('financing', cf.financing),
        {
          key: 'cash',
          title: t('accounting:cashFlow.netChange'),
          head: [account, amount],
          rows: [
            [t('accounting:cashFlow.netChange'), m(cf.netChange)],
            [t('accounting:cashFlow.openingCash'), m(cf.openingCash)],
            [t('accounting:cashFlow.closingCash'), m(cf.closingCash)],
          ],
        },
      ],
      range,
    };
  }

  async function exportStatement(actor: Actor, kind: StatementKind, format: (typeof EXPORT_FORMATS)[number], query: unknown) {
    const { tables, range } = await tablesOf(actor, kind, query);
    const title = ctx.i18n.t(actor.language)(TITLES[kind]);
    const filename = `${kind}-${range.replace(/ – /, '_')}.${format}`;
    const body =
      format === 'csv'
        ? toCsv(tables)
        : format === 'xlsx'
          ? await toXlsx(tables, title)
          : await toPdf(tables, { title: `${ctx.clinic.NAME} · ${title}`, subtitle: range, locale: actor.language === 'es' ? 'es-MX' : actor.language });
    return { filename, contentType: TYPES[format], body };
  }

  return { exportStatement };
}

export type StatementExports = ReturnType<typeof createStatementExports>;
