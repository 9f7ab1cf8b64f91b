import { formatMoney, type HttpApp, isServiceError, textForm } from '@petfriendly/core';
import { Badge, Card, Empty, Field, Form, flash, formErrors, Layout, pageContext, redirect, ScrollRegion, Select, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import { requireBookkeeper } from '../ledger.service';
import type { AccountingServices } from '../services';
import { exportParams } from '../statement-exports.service';
import { ExportLinks } from './export-links';
import { Amount, BooksTabs, defaultPeriod, PeriodPicker, periodQuery, yearMonthQuery } from './parts';

const yearOf = (q: { year?: string }, today: string) => Number(q.year ?? today.slice(0, 4));
const yearParams = z.object({ year: z.coerce.number().int().min(1900).max(9999) });
const monthParams = yearParams.extend({ month: z.coerce.number().int().min(1).max(12) });
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const mm = (m: number) => String(m).padStart(2, '0');

/** Cash flow, statements as files, budgets and the close. */
export async function closingPages(app: HttpApp, s: AccountingServices) {
  app.get('/admin/accounting/export/:statement/:format', { schema: { params: exportParams } }, async (req, reply) => {
    const { statement, format } = req.params;
    const file = await s.exports.exportStatement(req.actor, statement, format, req.query);
    return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
  });

  app.get('/admin/accounting/cash-flow', { schema: { querystring: periodQuery } }, async (req, reply) => {
    requireBookkeeper(req.actor);
    const period = defaultPeriod(s.ledger.today(), req.query);
    let cf: Awaited<ReturnType<typeof s.cashFlow.cashFlow>>;
    try {
      cf = await s.cashFlow.cashFlow(req.actor, period);
    } catch (error) {
      if (!isServiceError(error) || error.statusCode !== 422) throw error;
      return reply.redirect('/admin/accounting/cash-flow', 303);
    }
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const section = (key: 'operating' | 'investing' | 'financing', sec: typeof cf.operating) => (
      <>
        <tr class="section">
          <th colSpan={2}>{t(`accounting:cashFlow.${key}`)}</th>
        </tr>
        {key === 'operating' ? (
          <tr>
            <td>{t('accounting:cashFlow.netIncome')}</td>
            <td class="num">
              <Amount value={cf.netIncome} lang={lang} />
            </td>
          </tr>
        ) : null}
        {sec.rows.map((r) => (
          <tr>
            <td>
              <span class="meta">{r.code}</span> {r.name}
            </td>
            <td class="num">
              <Amount value={r.amount} lang={lang} />
            </td>
          </tr>
        ))}
        <tr class="subtotal">
          <th>{t('accounting:col.total', { what: t(`accounting:cashFlow.${key}`) })}</th>
          <th class="num">
            <Amount value={sec.total} lang={lang} />
          </th>
        </tr>
      </>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:cashFlow.title')} area="admin">
        <h1>{t('accounting:cashFlow.title')}</h1>
        <BooksTabs ctx={page} />
        <PeriodPicker ctx={page} action="/admin/accounting/cash-flow" {...period} />
        <ExportLinks ctx={page} statement="cash-flow" query={period} />
        <p class="meta">{t('accounting:cashFlow.help')}</p>
        <ScrollRegion label={t('accounting:cashFlow.title')}>
          {/* Two columns: the names wrap so the amounts stay in sight on a phone. */}
          <table class="data ledger" style="white-space:normal">
            <thead>
              <tr>
                <th>{t('accounting:col.account')}</th>
                <th class="num">{t('accounting:cashFlow.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {section('operating', cf.operating)}
              {section('investing', cf.investing)}
              {section('financing', cf.financing)}
            </tbody>
            <tfoot>
              <tr>
                <th>{t('accounting:cashFlow.netChange')}</th>
                <th class="num">
                  <Amount value={cf.netChange} lang={lang} />
                </th>
              </tr>
              <tr>
                <td>{t('accounting:cashFlow.openingCash')}</td>
                <td class="num">
                  <Amount value={cf.openingCash} lang={lang} />
                </td>
              </tr>
              <tr>
                <th>{t('accounting:cashFlow.closingCash')}</th>
                <th class="num">
                  <Amount value={cf.closingCash} lang={lang} />
                </th>
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
      </Layout>,
    );
  });

  app.get('/admin/accounting/budgets', { schema: { querystring: yearMonthQuery } }, async (req, reply) => {
    requireBookkeeper(req.actor);
    const q = req.query;
    const today = s.ledger.today();
    const year = yearOf(q, today);
    const month = q.month ? Number(q.month) : year === Number(today.slice(0, 4)) ? Number(today.slice(5, 7)) : 12;
    const [report, accounts] = await Promise.all([s.budgets.varianceReport(req.actor, { year, month }), s.ledger.listAccounts(req.actor)]);
    const budgetable = accounts.filter((a) => !a.isGroup && (a.accountType === 'expense' || a.accountType === 'revenue'));
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const cells = (c: { budget: string; actual: string; variance: string }) => (
      <>
        <td class="num">
          <Amount value={c.budget} lang={lang} />
        </td>
        <td class="num">
          <Amount value={c.actual} lang={lang} />
        </td>
        <td class="num">
          <Amount value={c.variance} lang={lang} />
        </td>
      </>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:budgets.title')} area="admin">
        <h1>{t('accounting:budgets.title')}</h1>
        <BooksTabs ctx={page} />
        <form method="get" action="/admin/accounting/budgets" class="row period-picker">
          <Field name="year" label={t('accounting:budgets.year')} type="number" min="2000" max="2100" value={year} required />
          <Select
            name="month"
            label={t('accounting:budgets.month')}
            value={String(month)}
            options={MONTHS.map((m) => ({ value: String(m), label: `${year}-${mm(m)}` }))}
          />
          <button type="submit">{t('accounting:budgets.show')}</button>
        </form>
        <p class="meta">{t('accounting:budgets.help')}</p>
        {report.rows.length === 0 ? (
          <Empty>{t('accounting:budgets.none')}</Empty>
        ) : (
          <ScrollRegion label={t('accounting:budgets.title')}>
            <table class="data ledger">
              <thead>
                <tr>
                  <th rowSpan={2}>{t('accounting:col.account')}</th>
                  <th colSpan={3}>{`${year}-${mm(month)}`}</th>
                  <th colSpan={3}>{t('accounting:budgets.ytd')}</th>
                </tr>
                <tr>
                  {[1, 2].map(() => (
                    <>
                      <th class="num">{t('accounting:budgets.budget')}</th>
                      <th class="num">{t('accounting:budgets.actual')}</th>
                      <th class="num">{t('accounting:budgets.variance')}</th>
                    </>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr>
                    <td>
                      <span class="meta">{r.accountCode}</span> {r.name} {r.over ? <Badge tone="danger">{t('accounting:budgets.over')}</Badge> : null}
                    </td>
                    {cells(r.month)}
                    {cells(r.yearToDate)}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <datalist id="budget-accounts">
          {budgetable.map((a) => (
            <option value={a.code}>{a.name}</option>
          ))}
        </datalist>
        <div class="grid-2">
          <Card title={t('accounting:budgets.set')}>
            <Form ctx={page} action={`/admin/accounting/budgets?year=${year}`} class="stack">
              <input type="hidden" name="year" value={String(year)} />
              <div class="field">
                <label for="f-budget-account">{t('accounting:budgets.account')}</label>
                <input id="f-budget-account" name="accountCode" list="budget-accounts" required />
              </div>
              <Field name="months" label={t('accounting:budgets.months')} placeholder="1000.00" required />
              <button type="submit">{t('accounting:budgets.save')}</button>
            </Form>
          </Card>
          <Card title={t('accounting:budgets.copy')}>
            <Form ctx={page} action={`/admin/accounting/budgets/copy?year=${year}`} class="stack">
              <input type="hidden" name="toYear" value={String(year)} />
              <Field name="fromYear" label={t('accounting:budgets.fromYear')} type="number" min="2000" max="2100" value={year - 1} required />
              <Select
                name="source"
                label={t('accounting:budgets.source')}
                options={[
                  { value: 'budget', label: t('accounting:budgets.sourceBudget') },
                  { value: 'actual', label: t('accounting:budgets.sourceActual') },
                ]}
              />
              <Field name="percent" label={t('accounting:budgets.percent')} type="number" step="0.1" value="0" />
              <button type="submit">{t('accounting:budgets.copy')}</button>
            </Form>
          </Card>
        </div>
      </Layout>,
    );
  });

  app.post('/admin/accounting/budgets', { schema: { body: textForm } }, async (req, reply) => {
    const { body } = req;
    const amounts = (body.months ?? '')
      .split(/[,;\s]+/)
      .map((v) => v.trim())
      .filter(Boolean);
    try {
      await s.budgets.setBudget(req.actor, {
        year: body.year,
        accountCode: body.accountCode,
        months: amounts.length === 1 ? MONTHS.map(() => amounts[0]) : amounts,
      });
      flash(reply, 'success', req.t('accounting:budgets.saved'));
    } catch (error) {
      flash(reply, 'error', errorText(error, req.t));
    }
    return redirect(reply, `/admin/accounting/budgets?year=${Number(body.year) || ''}`);
  });

  app.post('/admin/accounting/budgets/copy', { schema: { body: textForm } }, async (req, reply) => {
    const { body } = req;
    try {
      await s.budgets.copyYear(req.actor, body);
      flash(reply, 'success', req.t('accounting:budgets.copied'));
    } catch (error) {
      flash(reply, 'error', errorText(error, req.t));
    }
    return redirect(reply, `/admin/accounting/budgets?year=${Number(body.toYear) || ''}`);
  });

  app.get('/admin/accounting/close', { schema: { querystring: yearMonthQuery } }, async (req, reply) => {
    requireBookkeeper(req.actor);
    const year = yearOf(req.query, s.ledger.today());
    const overview = await s.close.overview(req.actor);
    const page = pageContext(req, reply);
    const { t } = page;
    const isAdmin = page.user?.role === 'admin';
    const yearClosed = overview.closedYears.includes(year);
    const statusOf = (m: number) => overview.periods.find((p) => p.year === year && p.month === m)?.status ?? 'open';
    const reopenForm = (action: string, label: string) => (
      <Form ctx={page} action={action} class="row inline">
        <Field name="reason" label={t('accounting:close.reason')} required />
        <button type="submit" class="btn-secondary">
          {label}
        </button>
      </Form>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:close.title')} area="admin">
        <h1>{t('accounting:close.title')}</h1>
        <BooksTabs ctx={page} />
        <form method="get" action="/admin/accounting/close" class="row period-picker">
          <Field name="year" label={t('accounting:close.year')} type="number" min="2000" max="2100" value={year} required />
          <button type="submit">{t('accounting:close.show')}</button>
        </form>
        <p class="meta">{t('accounting:close.help')}</p>
        <table class="data">
          <thead>
            <tr>
              <th>{t('accounting:close.month')}</th>
              <th>{t('accounting:close.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {MONTHS.map((m) => {
              const status = statusOf(m);
              return (
                <tr>
                  <td>{`${year}-${mm(m)}`}</td>
                  <td>
                    <Badge tone={status === 'closed' ? 'muted' : 'ok'}>{t(`accounting:close.${status}`)}</Badge>
                  </td>
                  <td>
                    {status === 'open' ? (
                      <Form ctx={page} action={`/admin/accounting/close/${year}/${m}`} class="inline">
                        <button type="submit" class="btn-small">
                          {t('accounting:close.closeMonth')}
                        </button>
                      </Form>
                    ) : isAdmin && !yearClosed ? (
                      reopenForm(`/admin/accounting/close/${year}/${m}/reopen`, t('accounting:close.reopen'))
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Card title={t('accounting:close.closeYear', { year })}>
          {yearClosed ? (
            <>
              <p>{t('accounting:close.yearClosed', { year })}</p>
              {isAdmin ? reopenForm(`/admin/accounting/close/${year}/reopen`, t('accounting:close.reopenYear')) : null}
            </>
          ) : (
            <Form ctx={page} action={`/admin/accounting/close/${year}`} class="inline">
              <button type="submit">{t('accounting:close.closeYear', { year })}</button>
            </Form>
          )}
        </Card>
        <Card title={t('accounting:close.trail')}>
          {overview.reopenings.length === 0 ? (
            <Empty>{t('accounting:close.none')}</Empty>
          ) : (
            <ScrollRegion label={t('accounting:close.trail')}>
              <table class="data">
                <thead>
                  <tr>
                    <th>{t('accounting:close.when')}</th>
                    <th>{t('accounting:close.period')}</th>
                    <th>{t('accounting:close.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.reopenings.map((r) => (
                    <tr>
                      <td>{page.fmt.dateTime(r.reopenedAt)}</td>
                      <td>{r.month === 13 ? `${r.year} (${t('accounting:close.yearEnd')})` : `${r.year}-${mm(r.month)}`}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </Card>
      </Layout>,
    );
  });

  const back = (year: number) => `/admin/accounting/close?year=${year}`;
  app.post('/admin/accounting/close/:year/:month', { schema: { params: monthParams } }, async (req, reply) => {
    const { year, month } = req.params;
    try {
      await s.close.closeMonth(req.actor, year, month);
      flash(reply, 'success', req.t('accounting:close.monthClosed'));
    } catch (error) {
      flash(reply, 'error', errorText(error, req.t));
    }
    return redirect(reply, back(year));
  });
  app.post('/admin/accounting/close/:year', { schema: { params: yearParams } }, async (req, reply) => {
    const { year } = req.params;
    try {
      const done = await s.close.closeYear(req.actor, { year });
      flash(
        reply,
        'success',
        req.t('accounting:close.yearDone', { year: done.year, amount: formatMoney(done.netIncome, 'MXN', req.lang === 'es' ? 'es-MX' : req.lang) }),
      );
    } catch (error) {
      flash(reply, 'error', errorText(error, req.t));
    }
    return redirect(reply, back(year));
  });
  app.post('/admin/accounting/close/:year/:month/reopen', { schema: { params: monthParams } }, async (req, reply) => {
    const { year, month } = req.params;
    try {
      await s.close.reopenMonth(req.actor, year, month, req.body ?? {});
      flash(reply, 'success', req.t('accounting:close.reopened'));
    } catch (error) {
      flash(reply, 'error', errorText(error, req.t));
    }
    return redirect(reply, back(year));
  });
  app.post('/admin/accounting/close/:year/reopen', { schema: { params: yearParams } }, async (req, reply) => {
    const { year } = req.params;
    try {
      await s.close.reopenYear(req.actor, year, req.body ?? {});
      flash(reply, 'success', req.t('accounting:close.reopened'));
    } catch (error) {
      flash(reply, 'error', errorText(error, req.t));
    }
    return redirect(reply, back(year));
  });
}

/** A form's error as one line: the message and what each field says. */
export function errorText(error: unknown, t: Parameters<typeof formErrors>[1]): string {
  const { fields, message } = formErrors(error, t);
  const detail = Object.values(fields).filter(Boolean).join(' · ');
  return detail && detail !== message ? `${message} ${detail}` : message;
}
