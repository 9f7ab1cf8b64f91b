import { formatMoney, money, numberFormat } from '@petfriendly/core';
import type { PageContext } from '@petfriendly/ui';
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { PERIODS } from '../period';
import type { Dashboard } from '../reports.schemas';

export const pesos = (value: string, lang: string) => formatMoney(value, 'MXN', lang === 'es' ? 'es-MX' : lang);

/** The change from `other` to `current` in percent, one decimal; null when there is nothing to compare with. */
export function change(current: string | number, other: string | number): number | null {
  if (money(other).isZero()) return null;
  return money(current).minus(other).div(money(other).abs()).times(100).toDecimalPlaces(1).toNumber();
}

function Delta(props: { ctx: PageContext; value: number | null; label: string; lowerIsBetter?: boolean }) {
  const { t } = props.ctx;
  if (props.value === null) return null;
  const better = props.value === 0 ? null : props.value > 0 !== Boolean(props.lowerIsBetter);
  const text = props.value === 0 ? t('reports:noChange') : `${props.value > 0 ? '▲ +' : '▼ '}${numberFormat(props.ctx.lang, {}).format(props.value)} %`;
  return (
    <li class={better === null ? 'delta' : better ? 'delta up' : 'delta down'}>
      {text} <span class="meta">{props.label}</span>
    </li>
  );
}

/** A figure with its change against the period before and the same days a year before. */
export function FigureCard(props: {
  ctx: PageContext;
  label: string;
  figure: { current: string | number; previous: string | number; lastYear: string | number };
  show: (v: string | number) => string;
  lowerIsBetter?: boolean;
}) {
  const { ctx, figure } = props;
  return (
    <section class="figure" aria-label={props.label}>
      <h2>{props.label}</h2>
      <p class="figure-value">{props.show(figure.current)}</p>
      <ul class="deltas">
        <Delta ctx={ctx} value={change(figure.current, figure.previous)} label={ctx.t('reports:vsPrevious')} lowerIsBetter={props.lowerIsBetter} />
        <Delta ctx={ctx} value={change(figure.current, figure.lastYear)} label={ctx.t('reports:vsLastYear')} lowerIsBetter={props.lowerIsBetter} />
      </ul>
    </section>
  );
}

/** A chart drawn on the server, with its figures in a table beside it (what screen readers read). */
export function ChartCard(props: { title: string; svg: string; table: { head: string[]; rows: Child[][] }; empty?: string }) {
  return (
    <section class="card chart-card">
      <h2>{props.title}</h2>
      {props.table.rows.length === 0 ? (
        <p class="empty">{props.empty}</p>
      ) : (
        <div class="chart-pair">
          <figure class="chart" aria-hidden="true">
            {raw(props.svg)}
          </figure>
          <table class="data figures">
            <caption class="sr-only">{props.title}</caption>
            <thead>
              <tr>
                {props.table.head.map((h, i) => (
                  <th scope="col" class={i > 0 ? 'num' : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.table.rows.map((row) => (
                <tr>
                  {row.map((cell, i) => (
                    <td class={i > 0 ? 'num' : undefined} data-label={i > 0 ? props.table.head[i] : undefined}>
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Period, vet and category: a GET form, so a report is a link; the export links keep the same filters. */
export function Filters(props: { ctx: PageContext; d: Dashboard; query: string }) {
  const { ctx, d } = props;
  const { t } = ctx;
  return (
    <div class="card">
      <form method="get" action="/admin/dashboard" class="row report-filters">
        <div class="field">
          <label for="f-period">{t('reports:period.label')}</label>
          <select id="f-period" name="period">
            {PERIODS.map((p) => (
              <option value={p} selected={d.period.kind === p}>
                {t(`reports:period.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-from">{t('reports:period.from')}</label>
          <input id="f-from" type="date" name="from" value={d.period.from} />
        </div>
        <div class="field">
          <label for="f-to">{t('reports:period.to')}</label>
          <input id="f-to" type="date" name="to" value={d.period.to} />
        </div>
        <div class="field">
          <label for="f-vet">{t('reports:filter.vet')}</label>
          <select id="f-vet" name="vet">
            <option value="">{t('reports:filter.all')}</option>
            {d.options.vets.map((v) => (
              <option value={v.id} selected={d.filters.vet === v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-category">{t('reports:filter.category')}</label>
          <select id="f-category" name="category">
            <option value="">{t('reports:filter.allCategories')}</option>
            {d.options.categories.map((c) => (
              <option value={c.key} selected={d.filters.category === c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('reports:filter.show')}</button>
      </form>
      <p class="export-links">
        {t('reports:section.export')}:{' '}
        {(['csv', 'xlsx', 'pdf'] as const).map((f) => (
          <>
            <a href={`/admin/dashboard/export.${f}${props.query}`} download>
              {t(`reports:export.${f}`)}
            </a>{' '}
          </>
        ))}
      </p>
    </div>
  );
}
