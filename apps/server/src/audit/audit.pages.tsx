import { AUDIT_READERS, AUDITED_ENTITIES, auditQuerySchema, type HttpApp, requireStaff, textQuery } from '@petfriendly/core';
import { Empty, Field, Layout, Pager, pageContext, ScrollRegion, Select, sendPage } from '@petfriendly/ui';
import type { AuditServices } from './audit.module';
import { withNames } from './audit.routes';

const FILTERS = ['entity', 'actorId', 'from', 'to'] as const;

/** A stored value as a person reads it: empty for none, long texts cut. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

/** `/admin/audit`: managers and admins read who changed which record, when, and each field before and after. */
export async function auditPages(app: HttpApp, s: AuditServices) {
  app.get('/admin/audit', { schema: { querystring: textQuery } }, async (req, reply) => {
    const staff = requireStaff(req.actor, AUDIT_READERS);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    const raw = req.query;
    // Empty fields of the filter form mean "any"; a filter that is not valid is said next to its field.
    const asked = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
    const parsed = auditQuerySchema.safeParse(asked);
    const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), t('audit:invalid')]));
    const [list, staffList] = await Promise.all([
      parsed.success ? s.log.list(staff, parsed.data).then((p) => withNames(s, p)) : null,
      s.users.listStaff(staff),
    ]);
    const query = (n: number) => {
      const params = new URLSearchParams(FILTERS.flatMap((k) => (parsed.success && parsed.data[k] ? [[k, String(parsed.data[k])]] : [])));
      params.set('page', String(n));
      return `/admin/audit?${params}`;
    };
    return sendPage(
      reply,
      <Layout ctx={page} title={t('audit:title')} description={t('audit:description')} area="admin">
        <h1>{t('audit:title')}</h1>
        <p class="meta">{t('audit:description')}</p>
        <form method="get" action="/admin/audit" class="row">
          <Select
            name="entity"
            label={t('audit:entity')}
            value={raw.entity}
            errors={errors}
            options={[{ value: '', label: t('audit:any') }, ...AUDITED_ENTITIES.map((e) => ({ value: e, label: t(`audit:entities.${e}`) }))]}
          />
          <Select
            name="actorId"
            label={t('audit:who')}
            value={raw.actorId}
            errors={errors}
            options={[{ value: '', label: t('audit:anyone') }, ...staffList.map((u) => ({ value: u.id, label: u.name }))]}
          />
          <Field name="from" type="date" label={t('audit:from')} value={raw.from} errors={errors} />
          <Field name="to" type="date" label={t('audit:to')} value={raw.to} errors={errors} />
          <button type="submit">{t('audit:filter')}</button>
        </form>
        {!list || list.items.length === 0 ? (
          <Empty>{t('audit:none')}</Empty>
        ) : (
          <ScrollRegion label={t('audit:title')}>
            <table class="audit-log">
              <thead>
                <tr>
                  <th scope="col">{t('audit:when')}</th>
                  <th scope="col">{t('audit:who')}</th>
                  <th scope="col">{t('audit:entity')}</th>
                  <th scope="col">{t('audit:action')}</th>
                  <th scope="col">{t('audit:changes')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((row) => (
                  <tr>
                    <td>{fmt.dateTime(row.occurredAt)}</td>
                    <td>{row.actorName ?? t('audit:system')}</td>
                    <td>
                      {t(`audit:entities.${row.entity}`)} #{row.entityId}
                    </td>
                    <td>{t(`audit:actions.${row.action}`)}</td>
                    <td>
                      <ul class="changes">
                        {Object.entries(row.changes).map(([field, change]) => (
                          <li>
                            <code>{field}</code>: <del>{shown(change.before)}</del> → <ins>{shown(change.after)}</ins>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {list ? <Pager ctx={page} page={list.page} hasNext={list.hasNext} href={query} /> : null}
      </Layout>,
    );
  });
}
