import type { AccountsPort } from '@petfriendly/accounts';
import { formBody, type HttpApp, type ModuleContext, requireStaff } from '@petfriendly/core';
import {
  Badge,
  Card,
  Empty,
  Field,
  Form,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  type PageContext,
  pageContext,
  redirect,
  Select,
  sendPage,
} from '@petfriendly/ui';
import type { PetsPort } from '@petfriendly/vet-clinic';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppointmentsServices } from '../services';
import { clockTime, DeskTabs, dayName } from './schedule-parts';

type Choice = { id: string; name: string };
type ServiceChoice = { slug: string; name: string };
const text = z.string().optional();
const walkInQuery = z.object({ q: text, pet: text, service: text, staff: text });
type WalkInQuery = z.output<typeof walkInQuery>;

const serviceOptions = (services: ServiceChoice[]) => services.map((x) => ({ value: x.slug, label: x.name }));
const vetOptions = (page: PageContext, vets: Choice[]) => [
  { value: '', label: page.t('appointments:desk.anyVet') },
  ...vets.map((m) => ({ value: m.id, label: m.name })),
];

/** On today's schedule: find the pet that just walked in, with the service and vet chosen up front. */
export function WalkInCard({ page, services, vets, staffId }: { page: PageContext; services: ServiceChoice[]; vets: Choice[]; staffId?: string }) {
  const { t } = page;
  return (
    <Card icon="footprints" title={t('appointments:desk.walkInTitle')} class="walk-in-card">
      <form method="get" action="/admin/walk-in" class="stack">
        <p class="meta">{t('appointments:desk.walkInHelp')}</p>
        <Field name="q" type="search" label={t('appointments:desk.search')} required placeholder="Toby, Lucía Pérez…" />
        <div class="row">
          <Select name="service" label={t('appointments:desk.service')} options={serviceOptions(services)} />
          <Select name="staff" label={t('appointments:desk.vet')} value={staffId ?? ''} options={vetOptions(page, vets)} />
        </div>
        <button type="submit">🔍 {t('appointments:desk.find')}</button>
      </form>
    </Card>
  );
}

/** Walk-ins and the waiting room. */
export async function frontDeskPages(app: HttpApp, s: AppointmentsServices, accounts: AccountsPort, vet: PetsPort, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;

  async function walkInPage(req: FastifyRequest, reply: FastifyReply, q: WalkInQuery, failure?: string) {
    const staff = requireStaff(req.actor);
    const [services, team, pet, found] = await Promise.all([
      s.appointments.listServices(staff),
      accounts.users.listStaff(staff),
      q.pet ? vet.pets.getPet(Number(q.pet), staff) : null,
      !q.pet && q.q ? vet.pets.searchPets(staff, { query: q.q, pageSize: 10 }) : null,
    ]);
    const vets = team.filter((m) => m.role === 'veterinarian');
    const page = pageContext(req, reply);
    const { t } = page;
    const pick = (petId: number) => `/admin/walk-in?${new URLSearchParams({ pet: String(petId), service: q.service ?? '', staff: q.staff ?? '' })}`;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:desk.walkInTitle')} area="admin">
        <h1>🚶 {t('appointments:desk.walkInTitle')}</h1>
        <FormErrorSummary message={failure} />
        {pet ? (
          <Card title={pet.name}>
            <Form ctx={page} action="/admin/walk-in" class="stack">
              <p class="meta">{t('appointments:desk.walkInHelp')}</p>
              <input type="hidden" name="petId" value={String(pet.id)} />
              <div class="row">
                <Select name="serviceType" label={t('appointments:desk.service')} value={q.service} options={serviceOptions(services)} />
                <Select name="staffId" label={t('appointments:desk.vet')} value={q.staff ?? ''} options={vetOptions(page, vets)} />
              </div>
              <Field name="reason" label={t('appointments:desk.reason')} />
              <button type="submit">✓ {t('appointments:desk.now')}</button>
            </Form>
          </Card>
        ) : (
          <Card title={t('appointments:desk.pick')}>
            <WalkInSearch page={page} q={q} services={services} />
            {found && found.items.length === 0 ? <Empty>{t('appointments:desk.noPets', { query: q.q })}</Empty> : null}
            <ul class="list">
              {(found?.items ?? []).map((p) => (
                <li>
                  <a href={pick(p.id)}>
                    <b>{p.name}</b> <span class="meta">· {t(`vet-clinic:species.${p.species}`)}</span>
                  </a>
                  <span class="meta">👤 {p.ownerName}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </Layout>,
      failure ? 409 : 200,
    );
  }

  app.get('/admin/walk-in', { schema: { querystring: walkInQuery } }, (req, reply) => walkInPage(req, reply, req.query));
  const walkInBody = formBody({ q: text, petId: text, serviceType: text, staffId: text });
  app.post('/admin/walk-in', { schema: { querystring: walkInQuery, body: walkInBody } }, async (req, reply) => {
    try {
      const booked = await s.frontDesk.walkIn(req.actor, req.body);
      const [pet, names] = await Promise.all([vet.pets.getPet(booked.petId, req.actor), accounts.directory.namesOf([booked.staffId])]);
      flash(reply, 'success', req.t('appointments:desk.done', { pet: pet.name, time: clockTime(booked.startsAt, tz), vet: names.get(booked.staffId) ?? '' }));
      return redirect(reply, `/admin/waiting-room#waiting-${booked.id}`);
    } catch (error) {
      const { body } = req;
      const q = { ...req.query, q: body.q ?? req.query.q, pet: body.petId, service: body.serviceType, staff: body.staffId };
      return walkInPage(req, reply, q, formErrors(error, req.t).message);
    }
  });

  app.get('/admin/waiting-room', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const room = await s.frontDesk.waitingRoom(staff);
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('appointments:desk.waiting')} area="admin">
        <h1>
          {t('appointments:desk.waiting')} <small class="meta">{dayName(room.date, page.lang)}</small>
        </h1>
        <DeskTabs page={page} active="waiting" date={room.date} waiting={room.waiting} />
        <p>
          <a class="btn" href="/admin/schedule#f-q">
            🚶 {t('appointments:desk.walkInTitle')}
          </a>
        </p>
        {room.vets.length === 0 ? <Empty>{t('appointments:desk.waitingNone')}</Empty> : null}
        <div class="board">
          {room.vets.map((v) => (
            <Card icon="stethoscope" title={v.staffName} actions={<Badge tone="info">{t('appointments:desk.waitingCount', { count: v.queue.length })}</Badge>}>
              <ol class="list queue">
                {v.queue.map((w, i) => (
                  <li id={`waiting-${w.appointmentId}`} class={i === 0 ? 'next' : undefined}>
                    <span>
                      {i === 0 ? <Badge tone="ok">{t('appointments:desk.next')}</Badge> : null}{' '}
                      <a href={`/admin/pets/${w.petId}`}>
                        <b>{w.petName}</b>
                      </a>{' '}
                      · {w.serviceName} {w.walkIn ? <Badge tone="warn">{t('appointments:via.walk_in')}</Badge> : null}
                      <br />
                      <span class="meta">
                        👤 {w.ownerName} · {t('appointments:desk.appointmentAt', { time: clockTime(w.startsAt, tz) })} ·{' '}
                        {t('appointments:desk.arrived', { time: clockTime(w.waitingSince, tz) })}
                      </span>
                    </span>
                    <span class="waited">{t('appointments:desk.minutes', { minutes: w.waitingMinutes })}</span>
                  </li>
                ))}
              </ol>
            </Card>
          ))}
        </div>
      </Layout>,
    );
  });
}

function WalkInSearch({ page, q, services }: { page: PageContext; q: WalkInQuery; services: ServiceChoice[] }) {
  const { t } = page;
  return (
    <form method="get" action="/admin/walk-in" class="stack">
      <Field name="q" type="search" label={t('appointments:desk.search')} value={q.q} required />
      <input type="hidden" name="service" value={q.service ?? services[0]?.slug ?? ''} />
      <input type="hidden" name="staff" value={q.staff ?? ''} />
      <button type="submit">🔍 {t('appointments:desk.find')}</button>
    </form>
  );
}
