import type { AccountsPort } from '@petfriendly/accounts';
import { addLocalDays, clinicToday, formBody, type HttpApp, idParams, type ModuleContext, optionalDay, requireStaff } from '@petfriendly/core';
import { Badge, Card, Empty, Field, Form, flash, formErrors, Layout, pageContext, redirect, Select, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import type { AppointmentsServices } from '../services';
import { WalkInCard } from './front-desk.pages';
import { clockTime, DeskTabs, dayName, NextSteps, relativeDay, TONE } from './schedule-parts';

/** Staff on a phone: the day per vet, with the next action for each appointment, walk-ins and blocking time. */
export async function schedulePages(app: HttpApp, s: AppointmentsServices, accounts: AccountsPort, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;
  const timeOf = (d: Date) => clockTime(d, tz);

  app.get('/admin/schedule', { schema: { querystring: z.object({ date: optionalDay, staff: z.string().optional() }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query;
    const today = clinicToday(ctx.clock, tz);
    const date = q.date ?? today;
    const [day, team, room, services] = await Promise.all([
      s.schedule.getDailySchedule(staff, date, q.staff || undefined),
      accounts.users.listStaff(staff),
      s.frontDesk.waitingRoom(staff),
      date === today ? s.appointments.listServices(staff) : [],
    ]);
    const page = pageContext(req, reply);
    const { t } = page;
    const href = (d: string) => `/admin/schedule?date=${d}${q.staff ? `&staff=${q.staff}` : ''}`;
    const vets = team.filter((m) => m.role === 'veterinarian');
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:schedule.title')} area="admin">
        <h1>
          {t('appointments:schedule.title')} <small class="meta">{dayName(date, page.lang)}</small>
        </h1>
        <DeskTabs page={page} active="day" date={date} waiting={room.waiting} />
        <nav class="pager">
          <a href={href(addLocalDays(date, -1))}>{t('appointments:schedule.prev')}</a>
          <a href={href(today)}>{t('appointments:schedule.today')}</a>
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
        {date === today ? <WalkInCard page={page} services={services} vets={vets} staffId={q.staff} /> : null}
        <Card>
          {day.appointments.length === 0 && day.blocks.length === 0 ? <Empty>{t('appointments:schedule.none')}</Empty> : null}
          <ul class="timeline">
            {day.blocks.map((b) => (
              <li>
                <span class="when">{timeOf(b.startsAt)}</span>
                <div>
                  ⛔ {b.reason} <span class="meta">→ {timeOf(b.endsAt)}</span>
                </div>
              </li>
            ))}
            {day.appointments.map((a) => (
              <li id={`appointment-${a.id}`} class={a.createdVia === 'walk_in' ? 'walk-in' : undefined}>
                <span class="when">{timeOf(a.startsAt)}</span>
                <div>
                  <a href={`/admin/pets/${a.petId}`}>
                    <b>{a.petName}</b>
                  </a>{' '}
                  · {a.serviceName} <Badge tone={TONE[a.status]}>{t(`appointments:status.${a.status}`)}</Badge>
                  <br />
                  <span class="meta">
                    👤 {a.ownerName} · 🩺 {a.staffName} · {t(`appointments:via.${a.createdVia}`)}
                  </span>
                  {a.reason ? <div>{a.reason}</div> : null}
                  <NextSteps page={page} id={a.id} status={a.status} when={relativeDay(a.date, today)} />
                </div>
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
    app.post(`/admin/appointments/:id/${path}`, { schema: { params: idParams } }, async (req, reply) => {
      const { id } = req.params;
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

  app.post('/admin/appointments/:id/complete', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
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

  app.post('/admin/time-blocks', { schema: { body: formBody({ date: z.string().optional() }) } }, async (req, reply) => {
    const { date } = req.body;
    try {
      await s.schedule.blockTime(req.actor, req.body);
      flash(reply, 'success', req.t('appointments:schedule.blocked'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, back(date));
  });
}
