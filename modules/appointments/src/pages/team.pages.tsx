import type { AccountsPort } from '@petfriendly/accounts';
import { formBody, type HttpApp, isStaff, requireStaff, textForm } from '@petfriendly/core';
import { Card, Empty, Field, Form, FormErrorSummary, flash, formErrors, Layout, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppointmentsServices } from '../services';

const SHIFTS = [0, 1];

/** Each person's weekly hours and days off, and the clinic's holidays, on one phone-sized page. */
export async function teamPages(app: HttpApp, s: AppointmentsServices, accounts: AccountsPort) {
  const page = async (req: FastifyRequest, reply: FastifyReply, staffId: string, failure?: string) => {
    const staff = requireStaff(req.actor);
    const [schedule, team, holidayList] = await Promise.all([
      s.staffSchedule.getStaffSchedule(staff, staffId),
      accounts.users.listStaff(staff),
      s.staffSchedule.listHolidays(staff),
    ]);
    const person = team.find((m) => m.id === staffId);
    const ctx = pageContext(req, reply);
    const { t } = ctx;
    const weekdays = t('appointments:team.weekdays', { returnObjects: true }) as string[];
    return sendPage(
      reply,
      <Layout ctx={ctx} title={t('appointments:team.title')} area="admin">
        <h1>{t('appointments:team.title')}</h1>
        <div class="choices scroll">
          {team
            .filter((m) => m.role !== 'receptionist')
            .map((m) => (
              <a class={`choice${m.id === staffId ? ' chosen' : ''}`} href={`/admin/team/${m.id}`}>
                {m.name}
              </a>
            ))}
        </div>
        <Card title={`${t('appointments:team.hours')} · ${person?.name ?? ''}`}>
          <FormErrorSummary message={failure} />
          <p class="meta">{t('appointments:team.help')}</p>
          <Form ctx={ctx} action={`/admin/team/${staffId}/hours`}>
            {weekdays.map((day, weekday) => {
              const ranges = schedule.hours.filter((h) => h.weekday === weekday);
              return (
                <div class="hours-row">
                  <strong>{day}</strong>
                  {SHIFTS.map((i) => (
                    <span class="shift">
                      <input
                        type="time"
                        name={`d${weekday}.${i}.start`}
                        value={ranges[i]?.start}
                        aria-label={`${day} ${i + 1} ${t('appointments:schedule.start')}`}
                      />
                      –
                      <input
                        type="time"
                        name={`d${weekday}.${i}.end`}
                        value={ranges[i]?.end}
                        aria-label={`${day} ${i + 1} ${t('appointments:schedule.end')}`}
                      />
                    </span>
                  ))}
                </div>
              );
            })}
            <button type="submit">{t('ui:form.save')}</button>
          </Form>
        </Card>
        <Card title={t('appointments:team.dayOff')}>
          {schedule.daysOff.length === 0 ? <Empty>—</Empty> : null}
          <ul class="list">
            {schedule.daysOff.map((d) => (
              <li>
                {d.startDate} → {d.endDate} <span class="meta">{d.reason}</span>
              </li>
            ))}
          </ul>
          <Form ctx={ctx} action={`/admin/team/${staffId}/days-off`} class="row">
            <Field name="startDate" type="date" label={t('appointments:team.from')} required />
            <Field name="endDate" type="date" label={t('appointments:team.to')} required />
            <Field name="reason" label={t('appointments:team.reason')} />
            <button type="submit" class="btn-small">
              {t('appointments:team.addDayOff')}
            </button>
          </Form>
        </Card>
        <Card title={t('appointments:team.holidays')}>
          <ul class="list">
            {holidayList.map((h) => (
              <li>
                {h.date} <span class="meta">{h.name}</span>
              </li>
            ))}
          </ul>
          {isStaff(req.actor) && ['manager', 'admin'].includes(req.actor.role) ? (
            <Form ctx={ctx} action="/admin/holidays" class="row">
              <input type="hidden" name="back" value={staffId} />
              <Field name="date" type="date" label={t('appointments:team.from')} required />
              <Field name="name" label={t('appointments:team.name')} required />
              <button type="submit" class="btn-small">
                {t('appointments:team.addHoliday')}
              </button>
            </Form>
          ) : null}
        </Card>
      </Layout>,
      failure ? 422 : 200,
    );
  };

  app.get('/admin/team', async (req, reply) => page(req, reply, requireStaff(req.actor).userId));
  /** `:id`: a staff member's user id. */
  const staffParams = z.object({ id: z.string().min(1).max(64) });
  app.get('/admin/team/:id', { schema: { params: staffParams } }, async (req, reply) => page(req, reply, req.params.id));

  app.post('/admin/team/:id/hours', { schema: { params: staffParams, body: textForm } }, async (req, reply) => {
    const staffId = req.params.id;
    const body = req.body;
    const hours: { weekday: number; start: string; end: string }[] = [];
    for (let weekday = 0; weekday < 7; weekday++) {
      for (const i of SHIFTS) {
        const start = body[`d${weekday}.${i}.start`]?.trim();
        const end = body[`d${weekday}.${i}.end`]?.trim();
        if (start || end) hours.push({ weekday, start: start ?? '', end: end ?? '' });
      }
    }
    try {
      await s.staffSchedule.setWeeklyHours(req.actor, staffId, { hours });
      flash(reply, 'success', req.t('appointments:team.saved'));
      return redirect(reply, `/admin/team/${staffId}`);
    } catch (error) {
      // Field paths are hours.N.start; say which weekday instead.
      const { fields, message } = formErrors(error, req.t);
      const weekdays = req.t('appointments:team.weekdays', { returnObjects: true }) as string[];
      const detail = Object.entries(fields).map(([path, text]) => `${weekdays[hours[Number(path.split('.')[1])]?.weekday ?? -1] ?? ''}: ${text}`);
      return page(req, reply, staffId, detail.length ? detail.join(' · ') : message);
    }
  });

  app.post('/admin/team/:id/days-off', { schema: { params: staffParams } }, async (req, reply) => {
    const staffId = req.params.id;
    try {
      await s.staffSchedule.addDayOff(req.actor, staffId, req.body);
      flash(reply, 'success', req.t('appointments:team.saved'));
      return redirect(reply, `/admin/team/${staffId}`);
    } catch (error) {
      return page(req, reply, staffId, formErrors(error, req.t).message);
    }
  });

  app.post('/admin/holidays', { schema: { body: formBody({ back: z.string().optional() }) } }, async (req, reply) => {
    const back = req.body.back ?? '';
    try {
      await s.staffSchedule.addHoliday(req.actor, req.body);
      flash(reply, 'success', req.t('appointments:team.saved'));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, `/admin/team/${back}`);
  });
}
