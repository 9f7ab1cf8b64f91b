import { formatMoney, optionalDay } from '@petfriendly/core';
import type { PageContext } from '@petfriendly/ui';
import { z } from 'zod';

const LINKS = [
  ['/admin/accounting', 'accounting:nav.chart'],
  ['/admin/accounting/journal', 'accounting:nav.journal'],
  ['/admin/accounting/trial-balance', 'accounting:nav.trialBalance'],
  ['/admin/accounting/profit-and-loss', 'accounting:nav.profitAndLoss'],
  ['/admin/accounting/balance-sheet', 'accounting:nav.balanceSheet'],
  ['/admin/accounting/payables', 'accounting:nav.payables'],
  ['/admin/accounting/receivables', 'accounting:nav.receivables'],
  ['/admin/accounting/bank', 'accounting:nav.bank'],
  ['/admin/accounting/cash-flow', 'accounting:cashFlow.title'],
] as const;
/** Planning and closing the books, a row of their own. */
const CLOSING_LINKS = [
  ['/admin/accounting/budgets', 'accounting:budgets.title'],
  ['/admin/accounting/close', 'accounting:close.title'],
  ['/admin/accounting/sat', 'accounting:sat.title'],
] as const;

/** The books' own tabs. */
export function BooksTabs({ ctx }: { ctx: PageContext }) {
  const tab = ([href, key]: readonly [string, string]) => (
    <a href={href} class={ctx.path === href ? 'active' : undefined} aria-current={ctx.path === href ? 'page' : undefined}>
      {ctx.t(key)}
    </a>
  );
  return (
    <>
      <nav class="tabs" aria-label={ctx.t('accounting:nav.books')}>
        {LINKS.map(tab)}
      </nav>
      <nav class="tabs" aria-label={ctx.t('accounting:closingTabs')}>
        {CLOSING_LINKS.map(tab)}
      </nav>
    </>
  );
}

/** The period picker: a GET form, so a period is a link. */
export function PeriodPicker(props: { ctx: PageContext; action: string; from?: string; to?: string; asOf?: string }) {
  const { t } = props.ctx;
  return (
    <form method="get" action={props.action} class="row period-picker">
      {props.asOf !== undefined ? (
        <div class="field">
          <label for="f-asOf">{t('accounting:period.asOf')}</label>
          <input id="f-asOf" type="date" name="asOf" value={props.asOf} required />
        </div>
      ) : (
        <>
          <div class="field">
            <label for="f-from">{t('accounting:period.from')}</label>
            <input id="f-from" type="date" name="from" value={props.from} required />
          </div>
          <div class="field">
            <label for="f-to">{t('accounting:period.to')}</label>
            <input id="f-to" type="date" name="to" value={props.to} required />
          </div>
        </>
      )}
      <button type="submit">{t('accounting:period.show')}</button>
    </form>
  );
}

/** Amounts in statements: pesos with centavos, negative in parentheses as accountants write them. */
export function Amount({ value, lang }: { value: string; lang: string }) {
  const negative = value.startsWith('-');
  const text = formatMoney(negative ? value.slice(1) : value, 'MXN', lang === 'es' ? 'es-MX' : lang);
  return <span class={negative ? 'neg' : undefined}>{negative ? `(${text})` : text}</span>;
}

/** Indentation by depth in the chart, groups in bold. */
export function AccountName({ row }: { row: { code: string; name: string; depth: number; isGroup: boolean } }) {
  return (
    <span style={`padding-left:${row.depth * 0.9}rem`}>
      {row.isGroup ? (
        <b>
          {row.code} {row.name}
        </b>
      ) : (
        <>
          <span class="meta">{row.code}</span> {row.name}
        </>
      )}
    </span>
  );
}

/** `?from=&to=`: a period's first and last days (see `defaultPeriod`). */
export const periodQuery = z.object({ from: optionalDay, to: optionalDay });

/** `?year=&month=`: a year and a month of it, each optional. */
export const yearMonthQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  month: z
    .string()
    .regex(/^(0?[1-9]|1[0-2])$/)
    .optional(),
});

/** This month to today: the period a page opens with. */
export function defaultPeriod(today: string, q: { from?: string; to?: string }) {
  return { from: q.from ?? `${today.slice(0, 8)}01`, to: q.to ?? today };
}
