import { type HttpApp, pageNumber, requireStaff } from '@petfriendly/core';
import { Card, Empty, Layout, Pager, pageContext, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import type { CrmServices } from '../services';
import { SummaryTable } from './summary-table';

/** The customers list with search by name, email or phone, tag and segment. */
export async function customerListPages(app: HttpApp, s: CrmServices) {
  const text = z.string().optional();
  app.get('/admin/customers', { schema: { querystring: z.object({ query: text, tags: text, segment: text, page: pageNumber }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query;
    const [found, segments] = await Promise.all([
      s.customers.searchCustomers(staff, { query: q.query, tags: q.tags, segment: q.segment, page: q.page }),
      s.segments.listSegments(staff),
    ]);
    const page = pageContext(req, reply);
    const { t } = page;
    const params = (n: number) => new URLSearchParams({ query: q.query ?? '', tags: q.tags ?? '', segment: q.segment ?? '', page: String(n) }).toString();
    return sendPage(
      reply,
      <Layout ctx={page} title={t('crm:list.title')} area="admin" description={t('crm:list.description')}>
        <h1>{t('crm:list.title')}</h1>
        <form method="get" action="/admin/customers" class="stack" role="search">
          <div class="row">
            <div class="field">
              <label for="c-query">{t('crm:list.query')}</label>
              <input id="c-query" type="search" name="query" value={q.query ?? ''} />
            </div>
            <div class="field">
              <label for="c-tags">{t('crm:list.tags')}</label>
              <input id="c-tags" name="tags" value={q.tags ?? ''} placeholder="vip, felinos" />
            </div>
            <div class="field">
              <label for="c-segment">{t('crm:list.segment')}</label>
              <select id="c-segment" name="segment">
                <option value="">{t('crm:list.allOwners')}</option>
                {segments.map((seg) => (
                  <option value={String(seg.id)} selected={q.segment === String(seg.id)}>
                    {seg.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit">{t('crm:list.search')}</button>
        </form>
        <Card>
          {found.items.length ? <SummaryTable ctx={page} rows={found.items} caption={t('crm:list.title')} /> : <Empty>{t('crm:list.none')}</Empty>}
          <Pager ctx={page} page={found.page} hasNext={found.hasNext} href={(n) => `/admin/customers?${params(n)}`} />
        </Card>
      </Layout>,
    );
  });
}
