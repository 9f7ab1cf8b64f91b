import { type PageContext, ScrollRegion } from '@petfriendly/ui';
import type { CustomerSummary } from '../crm.schemas';
import { money, RiskBadge, TierBadge } from './parts';

/** Owners in a table: name (to their customer page), phone, tier, lifetime value, last visit, churn risk. */
export function SummaryTable({ ctx, rows, caption }: { ctx: PageContext; rows: CustomerSummary[]; caption: string }) {
  const { t } = ctx;
  return (
    <ScrollRegion label={caption}>
      <table class="data">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('crm:col.name')}</th>
            <th scope="col">{t('crm:col.phone')}</th>
            <th scope="col">{t('crm:col.tier')}</th>
            <th scope="col" class="num">
              {t('crm:col.ltv')}
            </th>
            <th scope="col">{t('crm:col.lastVisit')}</th>
            <th scope="col">{t('crm:col.churn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td data-label={t('crm:col.name')}>
                <a href={`/admin/customers/${r.ownerId}`}>{r.name || r.email}</a>
                {r.tags.length ? <span class="meta"> {r.tags.map((tag) => `#${tag}`).join(' ')}</span> : null}
              </td>
              <td data-label={t('crm:col.phone')}>{r.phone}</td>
              <td data-label={t('crm:col.tier')}>
                <TierBadge ctx={ctx} tier={r.tier} />
              </td>
              <td data-label={t('crm:col.ltv')} class="num">
                {money(r.lifetimeValue, ctx.lang)}
              </td>
              <td data-label={t('crm:col.lastVisit')}>{r.lastVisitDate ? ctx.fmt.date(r.lastVisitDate) : t('crm:never')}</td>
              <td data-label={t('crm:col.churn')}>
                <RiskBadge ctx={ctx} risk={r.churnRisk} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
