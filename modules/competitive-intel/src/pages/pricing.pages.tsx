import { type HttpApp, optionalRowId, requireStaff } from '@petfriendly/core';
import { Card, Empty, Layout, pageContext, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import { MARKET_WATCHERS } from '../competitor.service';
import type { CompetitiveIntelServices } from '../services';
import { ComparisonView } from './comparison';
import { price, Tabs } from './parts';

/** The market's prices against ours, per service; and the competitors' visits with the privacy notice to publish. */
export async function pricingPages(app: HttpApp, s: CompetitiveIntelServices) {
  app.get('/admin/competitors/pricing', { schema: { querystring: z.object({ service: optionalRowId }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor, MARKET_WATCHERS);
    const [all, outliers] = await Promise.all([s.competitors.compareAll(staff), s.competitors.pricingOutliers(staff)]);
    const wanted = req.query.service;
    const chosen = all.find((c) => c.serviceTypeId === wanted) ?? all[0];
    const page = pageContext(req, reply);
    const { t, lang } = page;
    const margin = s.settings.PRICE_MARGIN_PERCENT;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('competitive-intel:pricing.title')} description={t('competitive-intel:pricing.description')} area="admin">
        <h1>{t('competitive-intel:pricing.title')}</h1>
        <Tabs ctx={page} />
        <p class="meta">{t('competitive-intel:pricing.description')}</p>
        {all.length === 0 ? (
          <Empty>{t('competitive-intel:pricing.empty')}</Empty>
        ) : (
          <>
            <Card title={t('competitive-intel:pricing.outliers', { margin })}>
              {outliers.length === 0 ? (
                <Empty>{t('competitive-intel:pricing.noOutliers', { margin })}</Empty>
              ) : (
                <table class="data" aria-label={t('competitive-intel:pricing.outliers', { margin })}>
                  <thead>
                    <tr>
                      <th>{t('competitive-intel:col.service')}</th>
                      <th class="num">{t('competitive-intel:col.ours')}</th>
                      <th class="num">{t('competitive-intel:col.median')}</th>
                      <th class="num">{t('competitive-intel:col.position')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outliers.map((o) => (
                      <tr>
                        <td data-label={t('competitive-intel:col.service')}>
                          <a href={`/admin/competitors/pricing?service=${o.serviceTypeId}`}>{o.service}</a>
                        </td>
                        <td data-label={t('competitive-intel:col.ours')} class="num">
                          {price(o.ourPrice, lang)}
                        </td>
                        <td data-label={t('competitive-intel:col.median')} class="num">
                          {price(o.median, lang)}
                        </td>
                        <td data-label={t('competitive-intel:col.position')} class="num">
                          {o.positionPercent} % ({o.verdict === 'over' ? t('competitive-intel:pricing.over') : t('competitive-intel:pricing.under')})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Card>
            <form method="get" action="/admin/competitors/pricing" class="row">
              <div class="field">
                <label for="f-service">{t('competitive-intel:pricing.pick')}</label>
                <select id="f-service" name="service">
                  {all.map((c) => (
                    <option value={String(c.serviceTypeId)} selected={c === chosen}>
                      {c.service}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{t('competitive-intel:pricing.show')}</button>
            </form>
            {chosen ? (
              <Card title={chosen.service}>
                <ComparisonView ctx={page} comparison={chosen} />
              </Card>
            ) : null}
          </>
        )}
      </Layout>,
    );
  });

  app.get(
    '/admin/competitors/visits',
    { schema: { querystring: z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }) } },
    async (req, reply) => {
      const staff = requireStaff(req.actor, MARKET_WATCHERS);
      const { days } = req.query;
      const list = await s.visitors.getCompetitorVisits(staff, { days });
      const counts = new Map<string, number>();
      for (const v of list) counts.set(v.name, (counts.get(v.name) ?? 0) + 1);
      const page = pageContext(req, reply);
      const { t, fmt } = page;
      return sendPage(
        reply,
        <Layout ctx={page} title={t('competitive-intel:visits.title')} description={t('competitive-intel:visits.description')} area="admin">
          <h1>{t('competitive-intel:visits.title')}</h1>
          <Tabs ctx={page} />
          <p class="meta">{t('competitive-intel:visits.description')}</p>
          {s.settings.TRACK_VISITOR_IPS ? null : <p class="flash flash-info">{t('competitive-intel:visits.off')}</p>}
          <form method="get" action="/admin/competitors/visits" class="row">
            <div class="field">
              <label for="f-days">{t('competitive-intel:visits.days')}</label>
              <input id="f-days" type="number" name="days" min="1" max="365" value={String(days)} />
            </div>
            <button type="submit">{t('competitive-intel:pricing.show')}</button>
          </form>
          {list.length === 0 ? (
            <Empty>{t('competitive-intel:visits.empty')}</Empty>
          ) : (
            <>
              <ul class="list">
                {[...counts].map(([name, count]) => (
                  <li>{t('competitive-intel:visits.summary', { name, count })}</li>
                ))}
              </ul>
              <table class="data" aria-label={t('competitive-intel:visits.title')}>
                <thead>
                  <tr>
                    <th>{t('competitive-intel:col.when')}</th>
                    <th>{t('competitive-intel:col.competitor')}</th>
                    <th>{t('competitive-intel:col.page')}</th>
                    <th>{t('competitive-intel:col.network')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((v) => (
                    <tr>
                      <td data-label={t('competitive-intel:col.when')}>{fmt.dateTime(new Date(v.at))}</td>
                      <td data-label={t('competitive-intel:col.competitor')}>{v.name}</td>
                      <td data-label={t('competitive-intel:col.page')}>
                        <code>{v.path}</code>
                      </td>
                      <td data-label={t('competitive-intel:col.network')} class="meta">
                        {v.network}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <Card title={t('competitive-intel:visits.privacyTitle')}>
            <blockquote>{t('competitive-intel:visits.privacy', { days: s.settings.VISIT_RETENTION_DAYS })}</blockquote>
          </Card>
        </Layout>,
      );
    },
  );
}
