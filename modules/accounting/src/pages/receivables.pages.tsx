import { formatters, type HttpApp, optionalDay } from '@petfriendly/core';
import { Card, Empty, Layout, pageContext, ScrollRegion, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import { LEDGER } from '../chart';
import { requireBookkeeper } from '../ledger.service';
import type { AccountingServices } from '../services';
import { renderStatementPdf } from '../statement-pdf';
import { AgingTable } from './aging-table';
import { Amount, BooksTabs, defaultPeriod, PeriodPicker, periodQuery } from './parts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Receivables: AR aging per owner against the control account, and each owner's statement of account. */
/** `:ownerId`: an owner's user id (anything else is not found). */
const ownerParams = z.object({ ownerId: z.string() });

export async function receivablesPages(app: HttpApp, s: AccountingServices) {
  app.get('/admin/accounting/receivables', { schema: { querystring: z.object({ asOf: optionalDay }) } }, async (req, reply) => {
    requireBookkeeper(req.actor);
    const asOf = req.query.asOf ?? s.ledger.today();
    const [aging, control] = await Promise.all([
      s.receivables.agingReport(req.actor, asOf),
      s.ledger.getAccount(req.actor, { code: LEDGER.receivables }).then((a) => s.ledger.getAccountBalance(req.actor, a.id, asOf)),
    ]);
    const page = pageContext(req, reply);
    const { t, lang } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('accounting:receivables.title')} area="admin">
        <h1>{t('accounting:receivables.title')}</h1>
        <BooksTabs ctx={page} />
        <PeriodPicker ctx={page} action="/admin/accounting/receivables" asOf={asOf} />
        <p class="meta">{t('accounting:receivables.help', { date: page.fmt.date(asOf, 'date') })}</p>
        <p>
          <a href={`/admin/accounting/receivables/aging.csv?asOf=${asOf}`} download>
            ⬇ {t('accounting:receivables.csv')}
          </a>
        </p>
        <p>
          {t('accounting:receivables.control')}:{' '}
          <b>
            <Amount value={control} lang={lang} />
          </b>
        </p>
        {aging.rows.length === 0 ? (
          <Empty>{t('accounting:receivables.none')}</Empty>
        ) : (
          <ScrollRegion label={t('accounting:receivables.title')}>
            <AgingTable
              ctx={page}
              report={{ ...aging, rows: aging.rows.map((r) => (r.key === 'public' ? { ...r, name: t('accounting:receivables.publicName') } : r)) }}
              partyLabel={t('accounting:receivables.customer')}
              link={(key) => (key === 'public' ? null : `/admin/accounting/receivables/${key}`)}
            />
          </ScrollRegion>
        )}
      </Layout>,
    );
  });

  app.get('/admin/accounting/receivables/aging.csv', { schema: { querystring: z.object({ asOf: optionalDay }) } }, async (req, reply) => {
    const file = await s.receivables.agingCsv(req.actor, req.query.asOf);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
  });

  app.get('/admin/accounting/receivables/:ownerId/statement.pdf', { schema: { params: ownerParams, querystring: periodQuery } }, async (req, reply) => {
    requireBookkeeper(req.actor);
    const { ownerId } = req.params;
    if (!UUID.test(ownerId)) return reply.callNotFound();
    const today = s.ledger.today();
    const q = req.query;
    const period = defaultPeriod(today, { from: q.from ?? `${today.slice(0, 4)}-01-01`, to: q.to });
    const statement = await s.receivables.statementOfAccount(req.actor, ownerId, period);
    const fmt = formatters(req.lang, req.clinicTimeZone);
    const pdf = await renderStatementPdf(statement, { clinicName: req.clinicName, t: req.t, locale: req.lang, date: (d) => fmt.date(d, 'date') });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="estado-de-cuenta-${period.to}.pdf"`).send(pdf);
  });

  app.get('/admin/accounting/receivables/:ownerId', { schema: { params: ownerParams, querystring: periodQuery } }, async (req, reply) => {
    requireBookkeeper(req.actor);
    const { ownerId } = req.params;
    if (!UUID.test(ownerId)) return reply.callNotFound();
    const today = s.ledger.today();
    const q = req.query;
    const period = defaultPeriod(today, { from: q.from ?? `${today.slice(0, 4)}-01-01`, to: q.to });
    const statement = await s.receivables.statementOfAccount(req.actor, ownerId, period);
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const title = t('accounting:receivables.statementTitle', { name: statement.ownerName || ownerId });
    return sendPage(
      reply,
      <Layout ctx={page} title={title} area="admin">
        <p>
          <a href="/admin/accounting/receivables">← {t('accounting:receivables.back')}</a>
        </p>
        <h1>{title}</h1>
        <PeriodPicker ctx={page} action={`/admin/accounting/receivables/${ownerId}`} {...period} />
        <p>
          <a href={`/admin/accounting/receivables/${ownerId}/statement.pdf?from=${period.from}&to=${period.to}`}>{t('accounting:receivables.pdf')}</a>
        </p>
        <ScrollRegion label={title}>
          <table class="data ledger">
            <thead>
              <tr>
                <th>{t('accounting:journal.date')}</th>
                <th>{t('accounting:journal.description')}</th>
                <th class="num">{t('accounting:col.debit')}</th>
                <th class="num">{t('accounting:col.credit')}</th>
                <th class="num">{t('accounting:col.balance')}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td />
                <td>{t('accounting:receivables.opening')}</td>
                <td />
                <td />
                <td class="num">
                  <Amount value={statement.opening} lang={lang} />
                </td>
              </tr>
              {statement.lines.map((l) => (
                <tr>
                  <td>{page.fmt.date(l.date, 'date')}</td>
                  <td>
                    {l.description} <span class="meta">· {t(`accounting:entryType.${l.entryType}`)}</span>
                  </td>
                  <td class="num">{l.debit === '0.00' ? null : <Amount value={l.debit} lang={lang} />}</td>
                  <td class="num">{l.credit === '0.00' ? null : <Amount value={l.credit} lang={lang} />}</td>
                  <td class="num">
                    <Amount value={l.balance} lang={lang} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan={4}>
                  {t('accounting:receivables.closing', { date: page.fmt.date(period.to, 'date') })}
                </th>
                <td class="num">
                  <b>
                    <Amount value={statement.closing} lang={lang} />
                  </b>
                </td>
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
        {statement.lines.length === 0 ? <Empty>{t('accounting:receivables.noMovements')}</Empty> : null}
        <Card title={t('accounting:receivables.openInvoices')}>
          {statement.openInvoices.length === 0 ? (
            <Empty>{t('accounting:receivables.none')}</Empty>
          ) : (
            <table class="data ledger">
              <thead>
                <tr>
                  <th>{t('accounting:receivables.invoice')}</th>
                  <th>{t('accounting:receivables.issued')}</th>
                  <th>{t('accounting:payables.due')}</th>
                  <th class="num">{t('accounting:payables.total')}</th>
                  <th class="num">{t('accounting:payables.balance')}</th>
                </tr>
              </thead>
              <tbody>
                {statement.openInvoices.map((i) => (
                  <tr>
                    <td>{i.invoiceNumber}</td>
                    <td>{page.fmt.date(i.issuedOn, 'date')}</td>
                    <td>{i.dueDate ? page.fmt.date(i.dueDate, 'date') : '—'}</td>
                    <td class="num">
                      <Amount value={i.total} lang={lang} />
                    </td>
                    <td class="num">
                      <Amount value={i.balance} lang={lang} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </Layout>,
    );
  });
}
