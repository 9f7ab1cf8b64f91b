import type { AccountsPort } from '@petfriendly/accounts';
import { addLocalDays, clinicToday, type HttpApp, type ModuleContext, optionalDay, requireStaff } from '@petfriendly/core';
import { Badge, Card, Empty, Layout, pageContext, sendPage } from '@petfriendly/ui';
import { z } from 'zod';
import type { AppointmentsServices } from '../services';
import { clockTime, DeskTabs, dayName, TONE } from './schedule-parts';

/** The calendar as the front desk plans it: a week at a glance, and one day with a column per vet. */
export async function calendarViewPages(app: HttpApp, s: AppointmentsServices, accounts: AccountsPort, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;
  const dayQuery = z.object({ date: optionalDay, staff: z.string().optional() });
  const dateOf = (q: { date?: string }) => q.date ?? clinicToday(ctx.clock, tz);

  app.get('/admin/schedule/week', { schema: { querystring: dayQuery } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query;
    const date = dateOf(q);
    const [week, team, room] = await Promise.all([
      s.schedule.getWeekSchedule(staff, date, q.staff || undefined),
      accounts.users.listStaff(staff),
      s.frontDesk.waitingRoom(staff),
    ]);
    const today = clinicToday(ctx.clock, tz);
    const page = pageContext(req, reply);
    const { t } = page;
    const vets = team.filter((m) => m.role === 'veterinarian');
    const href = (d: string, who = q.staff) => `/admin/schedule/week?date=${d}${who ? `&staff=${who}` : ''}`;
    const short = (d: string) => dayName(d, page.lang, 'short');
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:desk.week')} area="admin">
        <h1>
          {t('appointments:desk.week')} <small class="meta">{t('appointments:desk.weekOf', { from: short(week.from), to: short(week.to) })}</small>
        </h1>
        <DeskTabs page={page} active="week" date={date} waiting={room.waiting} />
        <nav class="pager">
          <a href={href(addLocalDays(week.from, -7))}>{t('appointments:desk.prevWeek')}</a>
          <a href={href(today)}>{t('appointments:desk.thisWeek')}</a>
          <a href={href(addLocalDays(week.from, 7))}>{t('appointments:desk.nextWeek')}</a>
        </nav>
        <div class="choices scroll">
          <a class={`choice${q.staff ? '' : ' chosen'}`} href={href(date, '')}>
            {t('appointments:schedule.everyone')}
          </a>
          {vets.map((m) => (
            <a class={`choice${q.staff === m.id ? ' chosen' : ''}`} href={href(date, m.id)}>
              {m.name}
            </a>
          ))}
        </div>
        <div class="week">
          {week.days.map((day) => {
            const live = day.appointments.filter((a) => a.status !== 'cancelled');
            return (
              <section class={`card week-day${day.date === today ? ' today' : ''}`} aria-label={dayName(day.date, page.lang)}>
                <h2>
                  <a href={`/admin/schedule?date=${day.date}${q.staff ? `&staff=${q.staff}` : ''}`}>{short(day.date)}</a>{' '}
                  <small class="meta">{live.length ? t('appointments:desk.appointments', { count: live.length }) : t('appointments:desk.free')}</small>
                </h2>
                <ul class="list compact">
                  {day.blocks.map((b) => (
                    <li>
                      <span class="meta">
                        {clockTime(b.startsAt, tz)} ⛔ {b.reason}
                      </span>
                    </li>
                  ))}
                  {live.map((a) => (
                    <li>
                      <a class="grow" href={`/admin/schedule?date=${day.date}#appointment-${a.id}`}>
                        <b>{clockTime(a.startsAt, tz)}</b> {a.petName} <span class="meta">· {a.serviceName}</span>
                        {q.staff ? null : <span class="meta"> · {a.staffName}</span>}
                      </a>
                      <Badge tone={TONE[a.status]}>{t(`appointments:status.${a.status}`)}</Badge>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </Layout>,
    );
  });

  app.get('/admin/schedule/vets', { schema: { querystring: dayQuery } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const date = dateOf(req.query);
    const [day, team, room] = await Promise.all([s.schedule.getDailySchedule(staff, date), accounts.users.listStaff(staff), s.frontDesk.waitingRoom(staff)]);
    const page = pageContext(req, reply);
    const { t } = page;
    const booked = new Set(day.appointments.map((a) => a.staffId));
    const columns = team.filter((m) => m.role === 'veterinarian' || booked.has(m.id));
    const href = (d: string) => `/admin/schedule/vets?date=${d}`;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:desk.vetsTitle')} area="admin">
        <h1>
          {t('appointments:desk.vetsTitle')} <small class="meta">{dayName(date, page.lang)}</small>
        </h1>
        <DeskTabs page={page} active="vets" date={date} waiting={room.waiting} />
        <nav class="pager">
          <a href={href(addLocalDays(date, -1))}>{t('appointments:schedule.prev')}</a>
          <a href={href(clinicToday(ctx.clock, tz))}>{t('appointments:schedule.today')}</a>
          <a href={href(addLocalDays(date, 1))}>{t('appointments:schedule.next')}</a>
        </nav>
        {columns.length === 0 ? <Empty>{t('appointments:desk.noVets')}</Empty> : null}
        <div class="board">
          {columns.map((m) => {
            const mine = day.appointments.filter((a) => a.staffId === m.id && a.status !== 'cancelled');
            const blocks = day.blocks.filter((b) => b.staffId === null || b.staffId === m.id);
            return (
              <Card icon="stethoscope" title={m.name} class="vet-column">
                {mine.length === 0 && blocks.length === 0 ? <Empty>{t('appointments:desk.free')}</Empty> : null}
                <ul class="timeline">
                  {blocks.map((b) => (
                    <li>
                      <span class="when">{clockTime(b.startsAt, tz)}</span>
                      <span>
                        ⛔ {b.reason} <span class="meta">→ {clockTime(b.endsAt, tz)}</span>
                      </span>
                    </li>
                  ))}
                  {mine.map((a) => (
                    <li>
                      <span class="when">{clockTime(a.startsAt, tz)}</span>
                      <span>
                        <a href={`/admin/schedule?date=${date}&staff=${m.id}#appointment-${a.id}`}>
                          <b>{a.petName}</b>
                        </a>{' '}
                        · {a.serviceName} <Badge tone={TONE[a.status]}>{t(`appointments:status.${a.status}`)}</Badge>
                        <br />
                        <span class="meta">
                          👤 {a.ownerName} · {t(`appointments:via.${a.createdVia}`)}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              </Card>
            );
          })}
        </div>
      </Layout>,
    );
  });
}
