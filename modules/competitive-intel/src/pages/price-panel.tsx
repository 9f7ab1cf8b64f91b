import type { ServicePanel } from '@petfriendly/appointments';
import { Card } from '@petfriendly/ui';
import type { CompetitiveIntelServices } from '../services';
import { Verdict } from './comparison';
import { price } from './parts';

/** Filled into appointments' service page: where this service's price stands in the market. */
export function pricePanel(s: CompetitiveIntelServices): ServicePanel {
  return async (page, actor, serviceTypeId) => {
    const comparison = await s.competitors.comparePricing(actor, serviceTypeId);
    const { t, lang } = page;
    const m = comparison.market;
    return (
      <Card title={t('competitive-intel:pricing.panelTitle')}>
        {m ? (
          <>
            <p>
              <Verdict ctx={page} comparison={comparison} />
            </p>
            <p class="meta">
              {t('competitive-intel:col.min')} {price(m.min, lang)} · {t('competitive-intel:col.median')} {price(m.median, lang)} ·{' '}
              {t('competitive-intel:col.max')} {price(m.max, lang)}
            </p>
            <ul class="list">
              {comparison.competitors.map((c) => (
                <li>
                  {c.name}: <b>{price(c.price, lang)}</b> <span class="meta">{page.fmt.date(c.observedOn)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="meta">{t('competitive-intel:pricing.panelNone')}</p>
        )}
        <a href={`/admin/competitors/pricing?service=${serviceTypeId}`}>{t('competitive-intel:pricing.panelMore')}</a>
      </Card>
    );
  };
}
