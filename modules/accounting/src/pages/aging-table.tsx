import type { PageContext } from '@petfriendly/ui';
import { AGING_BUCKETS } from '../aging';
import type { AgingReport } from '../payables.schemas';
import { Amount } from './parts';

/** An aging report as a table: a row per party, a column per bucket, totals at the foot. */
export function AgingTable(props: { ctx: PageContext; report: AgingReport; partyLabel: string; link?: (key: string) => string | null }) {
  const { t, lang } = props.ctx;
  const { report } = props;
  return (
    <table class="data ledger aging">
      <thead>
        <tr>
          <th>{props.partyLabel}</th>
          {AGING_BUCKETS.map((b) => (
            <th class="num">{t(`accounting:aging.${b}`)}</th>
          ))}
          <th class="num">{t('accounting:aging.total')}</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((r) => {
          const href = props.link?.(r.key);
          return (
            <tr>
              <td>
                {href ? <a href={href}>{r.name}</a> : r.name}
                {r.rfc ? <span class="meta"> · {r.rfc}</span> : null}
              </td>
              {AGING_BUCKETS.map((b) => (
                <td class="num">{r[b] === '0.00' ? null : <Amount value={r[b]} lang={lang} />}</td>
              ))}
              <td class="num">
                <b>
                  <Amount value={r.total} lang={lang} />
                </b>
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('accounting:aging.total')}</th>
          {AGING_BUCKETS.map((b) => (
            <td class="num">
              <Amount value={report.totals[b]} lang={lang} />
            </td>
          ))}
          <td class="num">
            <b>
              <Amount value={report.totals.total} lang={lang} />
            </b>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
