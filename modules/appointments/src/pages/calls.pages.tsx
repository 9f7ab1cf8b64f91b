import { type HttpApp, idParams, requireStaff } from '@petfriendly/core';
import { Card, Empty, Form, flash, Layout, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { AppointmentsServices } from '../services';

/** The front desk's "call these owners": reminders that could not reach them, appointments still unconfirmed. */
export async function callPages(app: HttpApp, s: AppointmentsServices) {
  app.get('/admin/schedule/calls', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const rows = await s.followThrough.ownersToCall(staff);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:calls.title')} area="admin">
        <h1>{t('appointments:calls.title')}</h1>
        <p class="meta">{t('appointments:calls.help')}</p>
        <Card>
          {rows.length === 0 ? <Empty>{t('appointments:calls.none')}</Empty> : null}
          <ul class="list">
            {rows.map((r) => (
              <li>
                <div>
                  <b>{r.ownerName}</b> · {r.petName}
                  <div class="meta">{page.fmt.dateTime(r.startsAt)}</div>
                </div>
                <div>
                  {r.phone ? <a href={`tel:${r.phone}`}>{r.phone}</a> : null}
                  <Form ctx={page} action={`/admin/schedule/calls/${r.appointmentId}`} class="inline">
                    <button type="submit" class="btn-small secondary">
                      {t('appointments:calls.done')}
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      </Layout>,
    );
  });

  app.post('/admin/schedule/calls/:id', { schema: { params: idParams } }, async (req, reply) => {
    await s.followThrough.markCalled(req.actor, req.params.id);
    flash(reply, 'success', req.t('appointments:calls.marked'));
    return redirect(reply, '/admin/schedule/calls');
  });
}
