import { Badge, type PageContext, ScrollRegion } from '@petfriendly/ui';
import type { CompetitorService } from '../competitor.service';
import { PriceHistoryChart, price } from './parts';

type Comparison = Awaited<ReturnType<CompetitorService['comparePricing']>>;

/** Where our price stands: above, below or in line with the market, and by how much. */
export function Verdict({ ctx, comparison }: { ctx: PageContext; comparison: Comparison }) {
  const { t } = ctx;
  const percent = comparison.market?.positionPercent;
  if (!percent) return null;
  const tone = comparison.verdict === 'over' ? 'danger' : comparison.verdict === 'under' ? 'warn' : 'ok';
  const word =
    comparison.verdict === 'over'
      ? t('competitive-intel:pricing.over')
      : comparison.verdict === 'under'
        ? t('competitive-intel:pricing.under')
        : t('competitive-intel:pricing.inLine');
  return (
    <Badge tone={tone}>
      {word} · {t('competitive-intel:pricing.position', { percent })}
    </Badge>
  );
}

/** A service's comparison: the figures, each competitor's latest price, and the history as a chart with its table beside it. */
export function ComparisonView({ ctx, comparison }: { ctx: PageContext; comparison: Comparison }) {
  const { t, fmt, lang } = ctx;
  const m = comparison.market;
  const series = comparison.competitors.map((c) => ({ name: c.name, points: comparison.history.filter((h) => h.competitorId === c.competitorId) }));
  return (
    <>
      <p>
        <Verdict ctx={ctx} comparison={comparison} />
      </p>
      <table class="data" aria-label={t('competitive-intel:pricing.latest')}>
        <thead>
          <tr>
            <th>{t('competitive-intel:col.ours')}</th>
            <th class="num">{t('competitive-intel:col.min')}</th>
            <th class="num">{t('competitive-intel:col.median')}</th>
            <th class="num">{t('competitive-intel:col.max')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td data-label={t('competitive-intel:col.ours')}>
              <b>{comparison.ourPrice ? price(comparison.ourPrice, lang) : '—'}</b>
            </td>
            <td data-label={t('competitive-intel:col.min')} class="num">
              {m ? price(m.min, lang) : '—'}
            </td>
            <td data-label={t('competitive-intel:col.median')} class="num">
              {m ? price(m.median, lang) : '—'}
            </td>
            <td data-label={t('competitive-intel:col.max')} class="num">
              {m ? price(m.max, lang) : '—'}
            </td>
          </tr>
        </tbody>
      </table>
      <h3>{t('competitive-intel:pricing.latest')}</h3>
      <table class="data" aria-label={t('competitive-intel:pricing.latest')}>
        <thead>
          <tr>
            <th>{t('competitive-intel:col.competitor')}</th>
            <th>{t('competitive-intel:col.item')}</th>
            <th class="num">{t('competitive-intel:col.price')}</th>
            <th>{t('competitive-intel:col.date')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.competitors.map((c) => (
            <tr>
              <td data-label={t('competitive-intel:col.competitor')}>{c.name}</td>
              <td data-label={t('competitive-intel:col.item')}>{c.item}</td>
              <td data-label={t('competitive-intel:col.price')} class="num">
                {price(c.price, lang)}
              </td>
              <td data-label={t('competitive-intel:col.date')}>
                {fmt.date(c.observedOn)} <span class="meta">({t(`competitive-intel:price.sources.${c.source}`)})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('competitive-intel:pricing.historyTable')}</h3>
      <div class="grid-2">
        <PriceHistoryChart
          label={t('competitive-intel:pricing.chart', { service: comparison.service })}
          ours={comparison.ourPrice}
          ourLabel={t('competitive-intel:pricing.ourLine')}
          series={series}
        />
        <ScrollRegion label={t('competitive-intel:pricing.chart', { service: comparison.service })}>
          <table class="data" aria-label={t('competitive-intel:pricing.chart', { service: comparison.service })}>
            <thead>
              <tr>
                <th>{t('competitive-intel:col.date')}</th>
                <th>{t('competitive-intel:col.competitor')}</th>
                <th class="num">{t('competitive-intel:col.price')}</th>
              </tr>
            </thead>
            <tbody>
              {[...comparison.history].reverse().map((h) => (
                <tr>
                  <td data-label={t('competitive-intel:col.date')}>{fmt.date(h.observedOn)}</td>
                  <td data-label={t('competitive-intel:col.competitor')}>{h.name}</td>
                  <td data-label={t('competitive-intel:col.price')} class="num">
                    {price(h.price, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
    </>
  );
}
