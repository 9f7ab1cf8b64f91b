import { DATE_LOCALES, type HttpApp, isServiceError, numberFormat } from '@petfriendly/core';
import { Layout, type PageContext, pageContext, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Dashboard, EXPORT_FORMATS } from '../reports.schemas';
import type { ReportsServices } from '../services';
import { ChartCard, FigureCard, Filters, pesos } from './parts';
import { barChart, chartsReady, columnChart, donutChart } from './svg-charts';

/** The query string of a filter form, without its empty fields (kept by the export links). */
export function queryOf(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (typeof v === 'string' && v !== '' && k !== '_csrf') params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

function Figures({ ctx, d }: { ctx: PageContext; d: Dashboard }) {
  const { t, lang } = ctx;
  const money = (v: string | number) => pesos(String(v), lang);
  const count = (v: string | number) => numberFormat(lang, {}).format(Number(v));
  return (
    <div class="figures-grid">
      <FigureCard ctx={ctx} label={t('reports:card.revenue')} figure={d.revenue} show={money} />
      <FigureCard ctx={ctx} label={t('reports:card.invoices')} figure={d.invoices} show={count} />
      <FigureCard ctx={ctx} label={t('reports:card.averageTransaction')} figure={d.averageTransaction} show={money} />
      <FigureCard ctx={ctx} label={t('reports:card.invoicesPerPatient')} figure={d.invoicesPerPatient} show={count} />
      <FigureCard ctx={ctx} label={t('reports:card.newOwners')} figure={d.newOwners} show={count} />
      <FigureCard ctx={ctx} label={t('reports:card.returningOwners')} figure={d.returningOwners} show={count} />
      <FigureCard ctx={ctx} label={t('reports:card.booked')} figure={d.appointments.booked} show={count} />
      <FigureCard ctx={ctx} label={t('reports:card.completed')} figure={d.appointments.completed} show={count} />
      <FigureCard ctx={ctx} label={t('reports:card.noShows')} figure={d.appointments.noShows} show={count} lowerIsBetter />
      <FigureCard ctx={ctx} label={t('reports:card.cancelled')} figure={d.appointments.cancelled} show={count} lowerIsBetter />
    </div>
  );
}

function Charts({ ctx, d }: { ctx: PageContext; d: Dashboard }) {
  const { t, lang, fmt } = ctx;
  const money = (v: string) => pesos(v, lang);
  const months = new Intl.DateTimeFormat(DATE_LOCALES[lang] ?? lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthName = (month: string) => months.format(new Date(`${month}T12:00:00Z`));
  const none = t('reports:noData');
  const kinds = [
    [t('reports:kind.service'), d.revenueByKind.service],
    [t('reports:kind.product'), d.revenueByKind.product],
    [t('reports:kind.other'), d.revenueByKind.other],
  ] as const;
  const patients = [
    [t('reports:patients.active'), d.patients.active],
    [t('reports:patients.lapsing'), d.patients.lapsing],
    [t('reports:patients.lapsed'), d.patients.lapsed],
  ] as const;
  return (
    <div class="report-grid">
      {d.revenueByMonth.length > 0 ? (
        <ChartCard
          title={t('reports:section.revenueByMonth')}
          svg={columnChart(
            { labels: d.revenueByMonth.map((r) => monthName(r.month)), values: d.revenueByMonth.map((r) => Number(r.net)) },
            t('reports:section.revenueByMonth'),
          )}
          table={{ head: [t('reports:col.month'), t('reports:col.revenue')], rows: d.revenueByMonth.map((r) => [monthName(r.month), money(r.net)]) }}
          empty={none}
        />
      ) : (
        <ChartCard
          title={t('reports:section.revenueByDay')}
          svg={columnChart(
            { labels: d.revenueByDay.map((r) => fmt.date(r.day, 'dayShort')), values: d.revenueByDay.map((r) => Number(r.net)) },
            t('reports:section.revenueByDay'),
          )}
          table={{ head: [t('reports:col.day'), t('reports:col.revenue')], rows: d.revenueByDay.map((r) => [fmt.date(r.day), money(r.net)]) }}
          empty={none}
        />
      )}
      <ChartCard
        title={t('reports:section.productsVsServices')}
        svg={donutChart({ labels: kinds.map((k) => k[0]), values: kinds.map((k) => Number(k[1])) }, t('reports:section.productsVsServices'))}
        table={{ head: [t('reports:col.name'), t('reports:col.revenue')], rows: d.revenue.current === '0.00' ? [] : kinds.map(([n, v]) => [n, money(v)]) }}
        empty={none}
      />
      <ChartCard
        title={t('reports:section.revenueByCategory')}
        svg={barChart(
          { labels: d.revenueByCategory.map((c) => c.name), values: d.revenueByCategory.map((c) => Number(c.net)) },
          t('reports:section.revenueByCategory'),
        )}
        table={{ head: [t('reports:col.name'), t('reports:col.revenue')], rows: d.revenueByCategory.map((c) => [c.name, money(c.net)]) }}
        empty={none}
      />
      <ChartCard
        title={t('reports:section.revenueByVet')}
        svg={barChart({ labels: d.revenueByVet.map((c) => c.name), values: d.revenueByVet.map((c) => Number(c.net)) }, t('reports:section.revenueByVet'))}
        table={{ head: [t('reports:col.vet'), t('reports:col.revenue')], rows: d.revenueByVet.map((c) => [c.name, money(c.net)]) }}
        empty={none}
      />
      <ChartCard
        title={t('reports:section.utilisation')}
        svg={barChart({ labels: d.utilisation.map((u) => u.name), values: d.utilisation.map((u) => u.percent ?? 0) }, t('reports:section.utilisation'), 100)}
        table={{
          head: [t('reports:col.vet'), t('reports:col.booked'), t('reports:col.working'), t('reports:col.percent')],
          rows: d.utilisation.map((u) => [
            u.name,
            u.bookedMinutes,
            u.workingMinutes,
            u.percent === null ? '—' : `${numberFormat(lang, {}).format(u.percent)} %`,
          ]),
        }}
        empty={none}
      />
      <ChartCard
        title={t('reports:section.patients')}
        svg={donutChart({ labels: patients.map((p) => p[0]), values: patients.map((p) => p[1]) }, t('reports:section.patients'))}
        table={{ head: [t('reports:col.name'), t('reports:section.patients')], rows: patients.map(([n, v]) => [n, numberFormat(lang, {}).format(v)]) }}
      />
    </div>
  );
}

function Lists({ ctx, d }: { ctx: PageContext; d: Dashboard }) {
  const { t, lang, fmt } = ctx;
  const items = (title: string, rows: Dashboard['topServices']) => (
    <section class="card">
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p class="empty">{t('reports:noData')}</p>
      ) : (
        <table class="data">
          <caption class="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports:col.name')}</th>
              <th scope="col" class="num">
                {t('reports:col.quantity')}
              </th>
              <th scope="col" class="num">
                {t('reports:col.revenue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.description}</td>
                <td class="num" data-label={t('reports:col.quantity')}>
                  {numberFormat(lang, {}).format(Number(r.quantity))}
                </td>
                <td class="num" data-label={t('reports:col.revenue')}>
                  {pesos(r.net, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
  const c = d.vaccineCompliance;
  return (
    <div class="report-grid">
      {items(t('reports:section.topServices'), d.topServices)}
      {items(t('reports:section.topProducts'), d.topProducts)}
      <section class="card">
        <h2>{t('reports:section.receivables')}</h2>
        <p>{t('reports:receivables.open', { amount: pesos(d.receivables.open, lang), count: d.receivables.openInvoices })}</p>
        <p class={d.receivables.overdueInvoices ? 'overdue' : undefined}>
          {t('reports:receivables.overdue', { amount: pesos(d.receivables.overdue, lang), count: d.receivables.overdueInvoices })}
        </p>
        <h2>{t('reports:section.compliance')}</h2>
        <p>{c.rate === null ? t('reports:compliance.none') : t('reports:compliance.rate', { onTime: c.onTime, due: c.due, rate: c.rate })}</p>
      </section>
      <section class="card">
        <h2>{t('reports:section.inventory')}</h2>
        <p>{t('reports:inventory.value', { amount: pesos(d.inventory.value, lang), units: numberFormat(lang, {}).format(d.inventory.units) })}</p>
        <h3>{t('reports:section.expiring')}</h3>
        {d.inventory.expiringSoon.length === 0 ? (
          <p class="empty">{t('reports:noData')}</p>
        ) : (
          <ul class="plain">
            {d.inventory.expiringSoon.map((b) => (
              <li>
                {b.name} · {t('reports:col.batch')} {b.batchNumber} · {fmt.date(b.expiryDate)} · {b.quantity} {t('reports:col.units').toLowerCase()}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The dashboard's export links: the same filters, a file in return (a bad filter: this month's). */
async function exportPage(s: ReportsServices, req: FastifyRequest<{ Params: { format: string } }>, reply: FastifyReply) {
  const format = EXPORT_FORMATS.find((f) => f === req.params.format);
  if (!format) return reply.callNotFound();
  const query = (req.query ?? {}) as Record<string, unknown>;
  const file = await s.exports.exportDashboard(req.actor, format, query).catch((error) => {
    if (isServiceError(error) && error.statusCode === 422) return s.exports.exportDashboard(req.actor, format, {});
    throw error;
  });
  return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
}

/** `/admin/dashboard`: the manager's figures, phone first; a bad filter falls back to this month. */
export async function dashboardPages(app: HttpApp, s: ReportsServices) {
  app.get<{ Params: { format: string } }>('/admin/dashboard/export.:format', (req, reply) => exportPage(s, req, reply));
  app.get('/admin/dashboard', async (req, reply) => {
    const page = pageContext(req, reply);
    const query = (req.query ?? {}) as Record<string, unknown>;
    let d: Dashboard;
    try {
      d = await s.reports.dashboard(req.actor, query);
    } catch (error) {
      if (!isServiceError(error) || error.statusCode !== 422) throw error;
      return reply.redirect('/admin/dashboard', 303);
    }
    await chartsReady();
    const { t, fmt } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('reports:title')} description={t('reports:description')} area="admin">
        <h1>{t('reports:title')}</h1>
        <p class="meta">
          {t('reports:range', { from: fmt.date(d.period.from), to: fmt.date(d.period.to) })} · {t('reports:vsPrevious')}{' '}
          {t('reports:range', { from: fmt.date(d.previous.from), to: fmt.date(d.previous.to) })}
        </p>
        <Filters ctx={page} d={d} query={queryOf(query)} />
        <Figures ctx={page} d={d} />
        <Charts ctx={page} d={d} />
        <Lists ctx={page} d={d} />
      </Layout>,
    );
  });
}
