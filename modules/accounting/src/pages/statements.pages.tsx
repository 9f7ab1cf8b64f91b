import { type HttpApp, isServiceError, optionalDay } from '@petfriendly/core';
import { Layout, pageContext, ScrollRegion, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireBookkeeper } from '../ledger.service';
import type { AccountingServices } from '../services';
import { ExportLinks } from './export-links';
import { AccountName, Amount, BooksTabs, defaultPeriod, PeriodPicker, periodQuery } from './parts';

type Row = { code: string; name: string; depth: number; isGroup: boolean };

/** Trial balance, profit and loss and balance sheet, each for the period in its picker. */
export async function statementPages(app: HttpApp, s: AccountingServices) {
  /** Renders a statement; a bad period in the picker falls back to this month, as a 422 would only annoy. */
  async function statement<T>(
    req: FastifyRequest,
    reply: FastifyReply,
    titleKey: string,
    load: () => Promise<T>,
    body: (data: T, lang: string) => unknown,
    picker: unknown,
  ) {
    requireBookkeeper(req.actor);
    const page = pageContext(req, reply);
    const { t } = page;
    let data: T;
    try {
      data = await load();
    } catch (error) {
      if (!isServiceError(error) || error.statusCode !== 422) throw error;
      return reply.redirect(req.url.split('?')[0]!, 303);
    }
    return sendPage(
      reply,
      <Layout ctx={page} title={t(titleKey)} area="admin">
        <h1>{t(titleKey)}</h1>
        <BooksTabs ctx={page} />
        {picker as never}
        <ScrollRegion label={t(titleKey)}>{body(data, page.lang) as never}</ScrollRegion>
      </Layout>,
    );
  }

  const name = (r: Row) => (
    <td>
      <AccountName row={r} />
    </td>
  );

  app.get('/admin/accounting/trial-balance', { schema: { querystring: periodQuery } }, (req, reply) => {
    const period = defaultPeriod(s.ledger.today(), req.query);
    const t = req.t;
    return statement(
      req,
      reply,
      'accounting:nav.trialBalance',
      () => s.statements.trialBalance(req.actor, period),
      (tb, lang) => (
        <table class="data ledger">
          <thead>
            <tr>
              <th>{t('accounting:col.account')}</th>
              <th class="num">{t('accounting:col.opening')}</th>
              <th class="num">{t('accounting:col.debit')}</th>
              <th class="num">{t('accounting:col.credit')}</th>
              <th class="num">{t('accounting:col.closing')}</th>
            </tr>
          </thead>
          <tbody>
            {tb.rows
              .filter((r) => r.isGroup || r.opening !== '0.00' || r.debit !== '0.00' || r.credit !== '0.00')
              .map((r) => (
                <tr class={r.isGroup ? 'group' : undefined}>
                  {name(r)}
                  <td class="num">
                    <Amount value={r.opening} lang={lang} />
                  </td>
                  <td class="num">
                    <Amount value={r.debit} lang={lang} />
                  </td>
                  <td class="num">
                    <Amount value={r.credit} lang={lang} />
                  </td>
                  <td class="num">
                    <Amount value={r.closing} lang={lang} />
                  </td>
                </tr>
              ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t('accounting:col.totals')}</th>
              <th />
              <th class="num">
                <Amount value={tb.totals.debit} lang={lang} />
              </th>
              <th class="num">
                <Amount value={tb.totals.credit} lang={lang} />
              </th>
              <th class="num">
                <Amount value={tb.totals.closing} lang={lang} />
              </th>
            </tr>
          </tfoot>
        </table>
      ),
      <>
        <PeriodPicker ctx={pageContext(req, reply)} action="/admin/accounting/trial-balance" {...period} />
        <ExportLinks ctx={pageContext(req, reply)} statement="trial-balance" query={period} />
      </>,
    );
  });

  app.get('/admin/accounting/profit-and-loss', { schema: { querystring: periodQuery } }, (req, reply) => {
    const period = defaultPeriod(s.ledger.today(), req.query);
    const t = req.t;
    return statement(
      req,
      reply,
      'accounting:nav.profitAndLoss',
      () => s.statements.profitAndLoss(req.actor, period),
      (pnl, lang) => {
        const section = (label: string, sec: typeof pnl.revenue) => (
          <>
            <tr class="section">
              <th colSpan={pnl.months.length + 3}>{label}</th>
            </tr>
            {sec.rows
              .filter((r) => r.isGroup || r.total !== '0.00' || r.prior !== '0.00')
              .map((r) => (
                <tr class={r.isGroup ? 'group' : undefined}>
                  {name(r)}
                  {r.months.map((m) => (
                    <td class="num">{r.isGroup ? null : <Amount value={m} lang={lang} />}</td>
                  ))}
                  <td class="num">
                    <Amount value={r.total} lang={lang} />
                  </td>
                  <td class="num">
                    <Amount value={r.prior} lang={lang} />
                  </td>
                </tr>
              ))}
            <tr class="subtotal">
              <th>{t('accounting:col.total', { what: label })}</th>
              {sec.months.map((m) => (
                <th class="num">
                  <Amount value={m} lang={lang} />
                </th>
              ))}
              <th class="num">
                <Amount value={sec.total} lang={lang} />
              </th>
              <th class="num">
                <Amount value={sec.prior} lang={lang} />
              </th>
            </tr>
          </>
        );
        return (
          <table class="data ledger">
            <thead>
              <tr>
                <th>{t('accounting:col.account')}</th>
                {pnl.months.map((m) => (
                  <th class="num">{m}</th>
                ))}
                <th class="num">{t('accounting:col.period')}</th>
                <th class="num">{t('accounting:col.prior', { from: pnl.priorFrom, to: pnl.priorTo })}</th>
              </tr>
            </thead>
            <tbody>
              {section(t('accounting:pnl.revenue'), pnl.revenue)}
              {section(t('accounting:pnl.expenses'), pnl.expenses)}
            </tbody>
            <tfoot>
              <tr>
                <th>{t('accounting:pnl.netIncome')}</th>
                {pnl.netIncome.months.map((m) => (
                  <th class="num">
                    <Amount value={m} lang={lang} />
                  </th>
                ))}
                <th class="num">
                  <Amount value={pnl.netIncome.total} lang={lang} />
                </th>
                <th class="num">
                  <Amount value={pnl.netIncome.prior} lang={lang} />
                </th>
              </tr>
            </tfoot>
          </table>
        );
      },
      <>
        <PeriodPicker ctx={pageContext(req, reply)} action="/admin/accounting/profit-and-loss" {...period} />
        <ExportLinks ctx={pageContext(req, reply)} statement="profit-and-loss" query={period} />
      </>,
    );
  });

  app.get('/admin/accounting/balance-sheet', { schema: { querystring: z.object({ asOf: optionalDay }) } }, (req, reply) => {
    const asOf = req.query.asOf ?? s.ledger.today();
    const t = req.t;
    return statement(
      req,
      reply,
      'accounting:nav.balanceSheet',
      () => s.statements.balanceSheet(req.actor, { asOf }),
      (bs, lang) => {
        const section = (label: string, sec: typeof bs.assets) => (
          <>
            <tr class="section">
              <th colSpan={3}>{label}</th>
            </tr>
            {sec.rows
              .filter((r) => r.isGroup || r.balance !== '0.00' || r.prior !== '0.00')
              .map((r) => (
                <tr class={r.isGroup ? 'group' : undefined}>
                  {name(r)}
                  <td class="num">
                    <Amount value={r.balance} lang={lang} />
                  </td>
                  <td class="num">
                    <Amount value={r.prior} lang={lang} />
                  </td>
                </tr>
              ))}
            <tr class="subtotal">
              <th>{t('accounting:col.total', { what: label })}</th>
              <th class="num">
                <Amount value={sec.total} lang={lang} />
              </th>
              <th class="num">
                <Amount value={sec.prior} lang={lang} />
              </th>
            </tr>
          </>
        );
        return (
          <table class="data ledger">
            <thead>
              <tr>
                <th>{t('accounting:col.account')}</th>
                <th class="num">{bs.asOf}</th>
                <th class="num">{bs.priorAsOf}</th>
              </tr>
            </thead>
            <tbody>
              {section(t('accounting:bs.assets'), bs.assets)}
              {section(t('accounting:bs.liabilities'), bs.liabilities)}
              {section(t('accounting:bs.equity'), bs.equity)}
              <tr>
                <td>{t('accounting:bs.result')}</td>
                <td class="num">
                  <Amount value={bs.result.balance} lang={lang} />
                </td>
                <td class="num">
                  <Amount value={bs.result.prior} lang={lang} />
                </td>
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th>{t('accounting:bs.liabilitiesAndEquity')}</th>
                <th class="num">
                  <Amount value={bs.liabilitiesAndEquity.total} lang={lang} />
                </th>
                <th class="num">
                  <Amount value={bs.liabilitiesAndEquity.prior} lang={lang} />
                </th>
              </tr>
            </tfoot>
          </table>
        );
      },
      <>
        <PeriodPicker ctx={pageContext(req, reply)} action="/admin/accounting/balance-sheet" asOf={asOf} />
        <ExportLinks ctx={pageContext(req, reply)} statement="balance-sheet" query={{ asOf }} />
      </>,
    );
  });
}
