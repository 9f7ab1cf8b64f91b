import type { AccountsPort } from '@petfriendly/accounts';
import { addLocalDays, clinicToday, formatters, type HttpApp, type ModuleContext, requireStaff } from '@petfriendly/core';
import { Badge, Card, Empty, Field, Form, flash, formErrors, Layout, pageContext, redirect, Select, sendPage } from '@petfriendly/ui';
import type { AppointmentsServices } from '../services';

const TONE = { pending: 'warn', confirmed: 'ok', checked_in: 'info', completed: 'muted', cancelled: 'muted', no_show: 'danger' } as const;

/** Staff on a phone: the day per vet, with the next action for each appointment, and blocking time. */
export async function schedulePages(app: HttpApp, s: AppointmentsServices, accounts: AccountsPort, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;
  const timeOf = (d: Date) => formatters(ctx.clinic.DEFAULT_LANGUAGE, tz).time(d);

  app.get('/admin/schedule', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query as { date?: string; staff?: string };
    const date = q.date && /^\d{4}-\d{2}-\d{2}$/.test(q.date) ? q.date : clinicToday(ctx.clock, tz);
    const [day, team] = await Promise.all([s.schedule.getDailySchedule(staff, date, q.staff || undefined), accounts.users.listStaff(staff)]);
    const page = pageContext(req, reply);
    const { t } = page;
    const href = (d: string) => `/admin/schedule?date=${d}${q.staff ? `&staff=${q.staff}` : ''}`;
    const label = page.fmt.date(date, 'dayLong');
    const vets = team.filter((m) => m.role === 'veterinarian');
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:schedule.title')} area="admin">
        <h1>
          {t('appointments:schedule.title')} <small class="meta">{label}</small>
        </h1>
        <nav class="pager">
          <a href={href(addLocalDays(date, -1))}>{t('appointments:schedule.prev')}</a>
          <a href={href(clinicToday(ctx.clock, tz))}>{t('appointments:schedule.today')}</a>
          <a href={href(addLocalDays(date, 1))}>{t('appointments:schedule.next')}</a>
        </nav>
        <div class="choices scroll">
          <a class={`choice${q.staff ? '' : ' chosen'}`} href={`/admin/schedule?date=${date}`}>
            {t('appointments:schedule.everyone')}
          </a>
          {vets.map((m) => (
            <a class={`choice${q.staff === m.id ? ' chosen' : ''}`} href={`/admin/schedule?date=${date}&staff=${m.id}`}>
              {m.name}
            </a>
          ))}
        </div>
        <Card>
          {day.appointments.length === 0 && day.blocks.length === 0 ? <Empty>{t('appointments:schedule.none')}</Empty> : null}
          <ul class="timeline">
            {day.blocks.map((b) => (
              <li>
                <span class="when">{timeOf(b.startsAt)}</span>
                <span>
                  ⛔ {b.reason} <span class="meta">→ {timeOf(b.endsAt)}</span>
                </span>
              </li>
            ))}
            {day.appointments.map((a) => (
              <li id={`appointment-${a.id}`}>
                <span class="when">{timeOf(a.startsAt)}</span>
                <span>
                  <a href={`/admin/pets/${a.petId}`}>
                    <b>{a.petName}</b>
                  </a>{' '}
                  · {a.serviceName} <Badge tone={TONE[a.status]}>{t(`appointments:status.${a.status}`)}</Badge>
                  <br />
                  <span class="meta">
                    👤 {a.ownerName} · 🩺 {a.staffName} · {t(`appointments:via.${a.createdVia}`)}
                  </span>
                  {a.reason ? <div>{a.reason}</div> : null}
                  <div class="actions">
                    {a.status === 'pending' ? <Action page={page} id={a.id} action="confirm" label={t('appointments:schedule.confirm')} /> : null}
                    {a.status === 'pending' || a.status === 'confirmed' ? (
                      <Action page={page} id={a.id} action="check-in" label={t('appointments:schedule.checkIn')} />
                    ) : null}
                    {a.status === 'pending' || a.status === 'confirmed' ? (
                      <Action page={page} id={a.id} action="no-show" label={t('appointments:schedule.noShow')} secondary />
                    ) : null}
                    {a.status === 'checked_in' ? (
                      <Form ctx={page} action={`/admin/appointments/${a.id}/complete`} class="row">
                        <Field name="followUpDays" type="number" min="1" max="365" label={t('appointments:schedule.followUp')} />
                        <button type="submit" class="btn-small">
                          ✓ {t('appointments:schedule.complete')}
                        </button>
                      </Form>
                    ) : null}
                  </div>
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('appointments:schedule.block')}>
          <Form ctx={page} action="/admin/time-blocks" class="stack">
            <input type="hidden" name="date" value={date} />
            <div class="row">
              <Field name="startTime" type="text" label={t('appointments:schedule.start')} placeholder="14:00" required />
              <Field name="endTime" type="text" label={t('appointments:schedule.end')} placeholder="15:00" required />
            </div>
            <Select
              name="staffId"
              label="🩺"
              value={q.staff ?? ''}
              options={[{ value: '', label: t('appointments:schedule.wholeClinic') }, ...vets.map((m) => ({ value: m.id, label: m.name }))]}
            />
            <Field name="reason" label={t('appointments:schedule.blockReason')} required placeholder="Cirugía, junta, comida…" />
            <button type="submit">{t('appointments:schedule.block')}</button>
          </Form>
        </Card>
      </Layout>,
    );
  });

  const back = (date?: string) => `/admin/schedule${date ? `?date=${date}` : ''}`;
  for (const [path, run] of [
    ['confirm', s.schedule.confirmAppointment],
    ['check-in', s.schedule.checkInPatient],
    ['no-show', s.schedule.markNoShow],
  ] as const) {
    app.post(`/admin/appointments/:id/${path}`, async (req, reply) => {
      const id = Number((req.params as { id: string }).id);
      try {
        const row = await run(id, req.actor);
        flash(reply, 'success', req.t('appointments:schedule.updated'));
        return redirect(reply, `${back(row.date)}#appointment-${id}`);
      } catch (error) {
        flash(reply, 'error', formErrors(error, req.t).message);
        return redirect(reply, back());
      }
    });
  }

  app.post('/admin/appointments/:id/complete', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    try {
      const { appointment, followUp } = await s.schedule.completeAppointment(id, req.actor, req.body);
      flash(
        reply,
        'success',
        followUp
          ? req.t('appointments:schedule.followUpOffer', { date: followUp.date, times: followUp.times.join(', ') || '—' })
          : req.t('appointments:schedule.updated'),
      );
      return redirect(reply, followUp ? `/admin/book?pet=${appointment.petId}&date=${followUp.date}` : back(appointment.date));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
      return redirect(reply, back());
    }
  });

  app.post('/admin/time-blocks', async (req, reply) => {
    const date = (req.body as { date?: string }).date;
    try {
      await s.schedule.blockTime(req.actor, req.body);
      flash(reply, 'success', req.t('appointments:schedule.blocked'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, back(date));
  });
}

function Action({
  page,
  id,
  action,
  label,
  secondary,
}: {
  page: Parameters<typeof Form>[0]['ctx'];
  id: number;
  action: string;
  label: string;
  secondary?: boolean;
}) {
  return (
    <Form ctx={page} action={`/admin/appointments/${id}/${action}`} class="inline">
      <button type="submit" class={`btn-small${secondary ? ' btn-secondary' : ''}`}>
        {label}
      </button>
    </Form>
  );
}
