import { formatMoney, formatters, formBody, type HttpApp, idParams, isStaff, localDate, type ModuleContext, requireAuthenticated } from '@petfriendly/core';
import { Card, Empty, Field, Form, FormErrorSummary, flash, formErrors, Layout, pageContext, redirect, Select, sendPage } from '@petfriendly/ui';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppointmentsServices } from '../services';

const text = z.string().optional();
/** The choices so far, in the address (and sent again with the form). */
const bookQuery = z.object({ service: text, pet: text, date: text, reschedule: text, owner: text });
type Query = z.output<typeof bookQuery>;
const bookBody = formBody({ service: text, pet: text, date: text, time: text, reason: text, createdVia: text, owner: text });

/** Booking in a few taps: service → pet → day → time. The same page serves owners and the front desk. */
export async function bookPages(app: HttpApp, s: AppointmentsServices, vet: PetsPort & RecordsPort, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;

  async function bookPage(req: FastifyRequest, reply: FastifyReply, q: Query, failure?: { message: string; alternatives?: string[] }) {
    const actor = requireAuthenticated(req.actor);
    const staff = isStaff(actor);
    const base = staff ? '/admin/book' : '/book';
    const link = (changes: Partial<Query>) => {
      const merged: Query = { ...q, ...changes };
      const params = new URLSearchParams(Object.entries(merged).filter(([k, v]) => v && k !== '_csrf' && k !== 'time' && k !== 'reason') as [string, string][]);
      return `${base}?${params}`;
    };
    const rescheduling = q.reschedule ? await s.appointments.getAppointment(Number(q.reschedule), actor) : null;
    const services = await s.appointments.listServices(actor);
    const service = services.find((x) => x.slug === q.service) ?? (rescheduling ? services.find((x) => x.id === rescheduling.serviceTypeId) : undefined);
    const pets = staff ? (q.pet ? [await vet.pets.getPet(Number(q.pet), actor)] : []) : await vet.pets.getUserPets(actor);
    const pet = pets.find((p) => String(p.id) === (q.pet ?? String(rescheduling?.petId ?? '')));
    const days = await s.appointments.openDays(14);
    const slots = service && pet && q.date ? await s.appointments.checkAvailability(actor, { date: q.date, serviceType: service.slug }) : [];
    const page = pageContext(req, reply);
    const { t } = page;
    const dayLabel = (date: string) => page.fmt.date(date, 'dayShort');
    return sendPage(
      reply,
      <Layout ctx={page} title={t(rescheduling ? 'appointments:book.rescheduleTitle' : 'appointments:book.title')} area={staff ? 'admin' : 'site'}>
        <h1>{t(rescheduling ? 'appointments:book.rescheduleTitle' : 'appointments:book.title')}</h1>
        {failure ? <FormErrorSummary message={failure.message} /> : null}
        {!rescheduling ? (
          <Card title={t('appointments:book.service')}>
            <div class="choices">
              {services
                .filter((x) => !pet || x.species.length === 0 || x.species.includes(pet.species))
                .map((x) => (
                  <a class={`choice${x.slug === service?.slug ? ' chosen' : ''}`} href={link({ service: x.slug, date: undefined })}>
                    <b>{x.name}</b>
                    <span class="meta">
                      {t('appointments:book.minutes', { minutes: x.durationMinutes })} · {x.priceVaries ? `${t('appointments:book.from')} ` : ''}
                      {formatMoney(x.price, ctx.clinic.CURRENCY)}
                    </span>
                  </a>
                ))}
            </div>
          </Card>
        ) : null}
        {service && !rescheduling ? (
          <Card title={t('appointments:book.pet')}>
            {pets.length === 0 ? (
              staff ? (
                <Empty>
                  {t('appointments:book.pickPet')} <a href="/admin/search">🔍</a>
                </Empty>
              ) : (
                <Empty>
                  {t('appointments:book.noPets')} <a href="/my/pets/new">{t('appointments:book.addPet')}</a>
                </Empty>
              )
            ) : (
              <div class="choices">
                {pets.map((p) => (
                  <a class={`choice${p.id === pet?.id ? ' chosen' : ''}`} href={link({ pet: String(p.id) })}>
                    <b>{p.name}</b>
                    <span class="meta">{t(`vet-clinic:species.${p.species}`)}</span>
                  </a>
                ))}
              </div>
            )}
          </Card>
        ) : null}
        {service && pet ? (
          <Card title={t('appointments:book.day')}>
            <div class="choices days">
              {days.map((d) =>
                d.open ? (
                  <a class={`choice${d.date === q.date ? ' chosen' : ''}`} href={link({ date: d.date })}>
                    {dayLabel(d.date)}
                  </a>
                ) : (
                  <span class="choice disabled" title={t('appointments:book.closed')}>
                    {dayLabel(d.date)}
                  </span>
                ),
              )}
            </div>
          </Card>
        ) : null}
        {service && pet && q.date ? (
          <Card title={t('appointments:book.time')}>
            {failure?.alternatives ? <p>{t('appointments:book.taken')}</p> : null}
            {slots.length === 0 ? <Empty>{t('appointments:book.noTimes')}</Empty> : null}
            <Form ctx={page} action={rescheduling ? `/appointments/${rescheduling.id}/reschedule` : base} class="stack">
              <input type="hidden" name="service" value={service.slug} />
              <input type="hidden" name="pet" value={String(pet.id)} />
              <input type="hidden" name="date" value={q.date} />
              {rescheduling ? null : <Field name="reason" label={t('appointments:book.reason')} />}
              {staff && !rescheduling ? (
                <Select
                  name="createdVia"
                  label="↪"
                  value="phone"
                  options={(['phone', 'walk_in'] as const).map((v) => ({ value: v, label: t(`appointments:via.${v}`) }))}
                />
              ) : null}
              <div class="choices times">
                {slots.map((slot) => (
                  <button type="submit" name="time" value={slot.time} class="choice">
                    {slot.time}
                  </button>
                ))}
              </div>
            </Form>
          </Card>
        ) : null}
      </Layout>,
      failure ? 409 : 200,
    );
  }

  const book = async (req: FastifyRequest, reply: FastifyReply, query: Query, body: z.output<typeof bookBody>) => {
    const actor = requireAuthenticated(req.actor);
    try {
      const booked = await s.appointments.bookAppointment(actor, {
        petId: body.pet,
        date: body.date,
        time: body.time,
        serviceType: body.service,
        reason: body.reason,
        createdVia: isStaff(actor) ? (body.createdVia === 'walk_in' ? 'walk_in' : 'phone') : 'web',
      });
      flash(
        reply,
        'success',
        req.t('appointments:book.booked', {
          date: formatters(req.lang, tz).date(booked.startsAt, 'dayLong'),
          time: body.time,
        }),
      );
      return redirect(reply, isStaff(actor) ? `/admin/schedule?date=${booked.date}` : '/my/appointments');
    } catch (error) {
      const { message } = formErrors(error, req.t);
      const alternatives = (error as { details?: { alternatives?: string[] } }).details?.alternatives;
      return bookPage(req, reply, { ...query, ...body }, { message, alternatives });
    }
  };

  for (const path of ['/book', '/admin/book']) {
    app.get(path, { schema: { querystring: bookQuery } }, (req, reply) => bookPage(req, reply, req.query));
    app.post(path, { schema: { querystring: bookQuery, body: bookBody } }, (req, reply) => book(req, reply, req.query, req.body));
  }

  app.post('/appointments/:id/reschedule', { schema: { params: idParams, querystring: bookQuery, body: bookBody } }, async (req, reply) => {
    const { id } = req.params;
    const { body } = req;
    try {
      const moved = await s.appointments.rescheduleAppointment(id, req.actor, { date: body.date, time: body.time });
      flash(reply, 'success', req.t('appointments:book.rescheduled', { date: localDate(moved.startsAt, tz), time: body.time }));
      return redirect(reply, isStaff(req.actor) ? `/admin/schedule?date=${moved.date}` : '/my/appointments');
    } catch (error) {
      const { message } = formErrors(error, req.t);
      return bookPage(
        req,
        reply,
        { ...req.query, ...body, reschedule: String(id) },
        { message, alternatives: (error as { details?: { alternatives?: string[] } }).details?.alternatives },
      );
    }
  });
}
