import { formatters, type HttpApp, idParams, requireAuthenticated } from '@petfriendly/core';
import { Badge, Card, Empty, Form, flash, formErrors, Layout, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { AppointmentsServices } from '../services';

const TONE = { pending: 'warn', confirmed: 'ok', checked_in: 'info', completed: 'muted', cancelled: 'muted', no_show: 'danger' } as const;

/** The owner's appointments: upcoming ones can be moved, cancelled or added to a calendar. */
export async function myAppointmentsPages(app: HttpApp, s: AppointmentsServices, timeZone: string) {
  const day = (d: Date, lang: string) => formatters(lang, timeZone).date(d, 'dayLong');
  app.get('/my/appointments', async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    const [upcoming, all, feed] = await Promise.all([
      s.appointments.getUserAppointments(actor),
      s.appointments.getUserAppointments(actor, { includePast: true }),
      s.calendar.feedUrl(actor),
    ]);
    const upcomingIds = new Set(upcoming.map((a) => a.id));
    const past = all.filter((a) => !upcomingIds.has(a.id)).slice(0, 20);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:my.title')}>
        <div class="card-head">
          <h1>{t('appointments:my.title')}</h1>
          <a class="btn" href="/book">
            + {t('appointments:nav.book')}
          </a>
        </div>
        <Card title={t('appointments:my.upcoming')}>
          {upcoming.length === 0 ? <Empty>{t('appointments:my.none')}</Empty> : null}
          <ul class="list">
            {upcoming.map((a) => (
              <li>
                <span>
                  <b>
                    {day(a.startsAt, page.lang)} · {a.time}
                  </b>{' '}
                  <Badge tone={TONE[a.status]}>{t(`appointments:status.${a.status}`)}</Badge>
                  <br />
                  <span class="meta">
                    🐾 <b>{a.petName}</b> · {a.service.name}
                  </span>
                </span>
                <div class="card-actions">
                  <a class="btn btn-small btn-secondary" href={`/appointments/${a.id}.ics`} data-hx-boost="false">
                    📅 {t('appointments:my.addToCalendar')}
                  </a>
                  <a class="btn btn-small btn-secondary" href={`/book?reschedule=${a.id}&service=${a.service.slug}&pet=${a.petId}`}>
                    {t('appointments:my.reschedule')}
                  </a>
                  <a class="btn btn-small btn-danger" href={`/my/appointments/${a.id}/cancel`}>
                    {t('appointments:my.cancel')}
                  </a>
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <p class="meta feed-link">
          📅 {t('appointments:my.subscribe')}: <code>{feed}</code>
        </p>
        {past.length ? (
          <Card title={t('appointments:my.past')}>
            <ul class="list">
              {past.map((a) => (
                <li>
                  <span>
                    {day(a.startsAt, page.lang)} · {a.time} · <b>{a.petName}</b> · {a.service.name}
                  </span>
                  <Badge tone={TONE[a.status]}>{t(`appointments:status.${a.status}`)}</Badge>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </Layout>,
    );
  });

  // Cancelling asks first, naming the pet, the day and the time; the form works without JavaScript.
  app.get('/my/appointments/:id/cancel', { schema: { params: idParams } }, async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    const { id } = req.params;
    const a = (await s.appointments.getUserAppointments(actor)).find((x) => x.id === id);
    if (!a) return redirect(reply, '/my/appointments');
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:my.cancelTitle')}>
        <Card title={t('appointments:my.cancelTitle')}>
          <p>{t('appointments:my.cancelQuestion', { pet: a.petName, service: a.service.name, date: day(a.startsAt, page.lang), time: a.time })}</p>
          <Form ctx={page} action={`/my/appointments/${a.id}/cancel`} class="card-actions">
            <button type="submit" class="btn-danger">
              {t('appointments:my.cancelYes')}
            </button>
            <a class="btn btn-secondary" href="/my/appointments">
              {t('appointments:my.cancelNo')}
            </a>
          </Form>
        </Card>
      </Layout>,
    );
  });

  app.post('/my/appointments/:id/cancel', { schema: { params: idParams } }, async (req, reply) => {
    try {
      await s.appointments.cancelAppointment(req.params.id, req.actor, { reason: 'Cancelada por el propietario' });
      flash(reply, 'success', req.t('appointments:my.cancelled'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, '/my/appointments');
  });
}
