import { type HttpApp, idParams, isServiceError, requireStaff } from '@petfriendly/core';
import { Badge, Card, Empty, Form, flash, Layout, pageContext, redirect, Select, sendPage, TextArea } from '@petfriendly/ui';
import type { PrivacyServices } from '../services';
import { STATUS_TONES } from './parts';

/** Staff see the owners' ARCO requests with their legal deadline; an admin answers them (a cancellation anonymises). */
export async function adminPrivacyPages(app: HttpApp, s: PrivacyServices) {
  app.get('/admin/privacy', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const rows = await s.privacy.listRequests(staff);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('privacy:admin.title')} description={t('privacy:admin.help')} area="admin">
        <h1>{t('privacy:admin.title')}</h1>
        <p class="meta">{t('privacy:admin.help')}</p>
        <Card>
          {rows.length === 0 ? <Empty>{t('privacy:admin.none')}</Empty> : null}
          <ul class="list">
            {rows.map((r) => (
              <li data-testid="privacy-request">
                <span class="grow">
                  <b>{r.ownerName}</b> · {t(`privacy:kinds.${r.kind}`)} <Badge tone={STATUS_TONES[r.status]}>{t(`privacy:status.${r.status}`)}</Badge>
                  {r.overdue ? <Badge tone="danger">{t('privacy:admin.overdue')}</Badge> : null}
                  <br />
                  <span class="meta">
                    {t('privacy:my.asked', { at: fmt.date(r.requestedAt), due: fmt.date(r.dueBy) })}
                    {r.details ? ` · ${r.details}` : ''}
                    {r.outcome ? ` · ${r.outcome}` : ''}
                  </span>
                </span>
                {r.status === 'pending' && staff.role === 'admin' ? (
                  <Form ctx={page} action={`/admin/privacy/${r.id}`}>
                    <Select
                      name="decision"
                      label={t('privacy:admin.decision')}
                      options={[
                        { value: 'done', label: t(r.kind === 'cancellation' ? 'privacy:admin.anonymise' : 'privacy:admin.done') },
                        { value: 'rejected', label: t('privacy:admin.reject') },
                      ]}
                    />
                    <TextArea name="outcome" label={t('privacy:admin.outcome')} rows={2} />
                    <button type="submit">{t('privacy:admin.answer')}</button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      </Layout>,
    );
  });

  app.post('/admin/privacy/:id', { schema: { params: idParams } }, async (req, reply) => {
    try {
      await s.privacy.resolve(req.actor, req.params.id, req.body);
      flash(reply, 'success', req.t('privacy:admin.answered'));
    } catch (error) {
      if (!isServiceError(error) || error.statusCode === 403) throw error;
      flash(reply, 'error', req.t(error.code, { ...error.details, defaultValue: error.message }));
    }
    return redirect(reply, '/admin/privacy');
  });
}
