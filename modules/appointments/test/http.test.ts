import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import { ServiceFactory } from '../src/testing';

let t: TestApp;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let other: Awaited<ReturnType<typeof OwnerFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let petId: number;
let slug: string;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  owner = await OwnerFactory(t.platform);
  other = await OwnerFactory(t.platform);
  vet = await StaffFactory(t.platform, 'veterinarian', { name: 'Dra. Ana Ruiz' });
  slug = (await ServiceFactory(t.platform, { staffIds: [vet.user.id] })).slug;
  petId = (await PetFactory(t.platform, owner.actor, { name: 'Chispa' })).id;
});
afterAll(async () => t?.close());

const book = (auth: Record<string, string>, time: string, date = '2026-03-12') =>
  t.app.inject({ method: 'POST', url: '/api/v1/appointments', headers: auth, payload: { petId, date, time, serviceType: slug, reason: 'Revisión' } });

describe('appointments over HTTP', () => {
  it('books, answers 409 with alternatives for a taken time, and lists the owner’s appointments', async () => {
    const first = await book(owner.auth, '10:00');
    expect(first.statusCode).toBe(201);
    const again = await book(owner.auth, '10:00');
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('appointments.slot_taken');
    const slots = await t.app.inject({ method: 'GET', url: `/api/v1/availability?date=2026-03-12&serviceType=${slug}`, headers: owner.auth });
    expect(json(slots).map((s: { time: string }) => s.time)).not.toContain('10:00');
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/appointments', headers: owner.auth });
    expect(json(mine)).toEqual([expect.objectContaining({ id: json(first).id, time: '10:00', service: expect.objectContaining({ slug }) })]);
    expect(json(mine)[0]).not.toHaveProperty('internalNotes');
  });

  it('another owner can neither see nor cancel it', async () => {
    const booked = json(await book(owner.auth, '11:00'));
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/appointments/${booked.id}`, headers: other.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${booked.id}/cancel`, headers: other.auth, payload: {} })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${booked.id}/confirm`, headers: owner.auth })).statusCode).toBe(403);
    const still = await t.app.inject({ method: 'GET', url: `/api/v1/appointments/${booked.id}`, headers: owner.auth });
    expect(json(still).status).toBe('pending');
  });

  it('rejects bad input naming the field, and books nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: owner.auth,
      payload: { petId, date: '2026-13-40', time: '25:00', serviceType: slug },
    });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['date', 'time']));
  });

  it('gives each appointment as valid iCalendar, and a private feed', async () => {
    const booked = json(await book(owner.auth, '12:00'));
    const ics = await t.app.inject({ method: 'GET', url: `/api/v1/appointments/${booked.id}/ics`, headers: owner.auth });
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const body = ics.body;
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    for (const line of [
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'DTSTART',
      'DTEND',
      'DTSTAMP',
      `UID:appointment-${booked.id}@localhost`,
      'STATUS:TENTATIVE',
      'END:VEVENT',
    ])
      expect(body).toContain(line);
    expect(body).toContain('PRODID:');
    // RFC 5545: CRLF line ends and no line longer than 75 octets.
    expect(body.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toContain('\n');

    const feed = json(await t.app.inject({ method: 'GET', url: '/api/v1/calendar-feed', headers: owner.auth })).url as string;
    const path = new URL(feed).pathname;
    const feedBody = (await t.app.inject({ method: 'GET', url: path })).body;
    expect(feedBody.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(3);
    const vetFeed = new URL(json(await t.app.inject({ method: 'GET', url: '/api/v1/calendar-feed', headers: vet.auth })).url).pathname;
    expect((await t.app.inject({ method: 'GET', url: vetFeed })).body).toContain(`UID:appointment-${booked.id}@localhost`);
    expect((await t.app.inject({ method: 'GET', url: '/calendar/not-a-token.ics' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/appointments/${booked.id}/ics`, headers: other.auth })).statusCode).toBe(404);
  });

  it('staff see the day and move appointments along', async () => {
    const booked = json(await book(owner.auth, '15:00', '2026-03-13'));
    const early = await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${booked.id}/check-in`, headers: vet.auth });
    expect(early.statusCode).toBe(409);
    expect(json(early).error).toMatchObject({ code: 'appointments.not_today', message: expect.stringContaining('2026-03-13') });
    t.platform.clock.set('2026-03-13T16:00:00Z');
    for (const step of ['confirm', 'check-in']) {
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${booked.id}/${step}`, headers: vet.auth })).statusCode).toBe(200);
    }
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/appointments/${booked.id}/complete`, headers: vet.auth, payload: { followUpDays: 7 } });
    expect(json(done).followUp.date).toBe('2026-03-20');
    const day = json(await t.app.inject({ method: 'GET', url: '/api/v1/schedule?date=2026-03-13', headers: vet.auth }));
    expect(day.appointments).toEqual([expect.objectContaining({ id: booked.id, status: 'completed', petName: 'Chispa', staffName: 'Dra. Ana Ruiz' })]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/schedule?date=2026-03-13', headers: owner.auth })).statusCode).toBe(403);
    t.platform.clock.set('2026-03-10T16:00:00Z');
  });

  it('a block hides its times, and cannot cover live appointments', async () => {
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/time-blocks',
      headers: vet.auth,
      payload: { date: '2026-03-16', startTime: '13:00', endTime: '15:00', reason: 'Cirugía' },
    });
    expect(blocked.statusCode).toBe(201);
    const slots = json(await t.app.inject({ method: 'GET', url: `/api/v1/availability?date=2026-03-16&serviceType=${slug}`, headers: owner.auth })).map(
      (s: { time: string }) => s.time,
    );
    expect(slots).toContain('12:30');
    expect(slots).not.toContain('13:00');
    expect(slots).not.toContain('14:30');
    expect(slots).toContain('15:00');
    await book(owner.auth, '09:00', '2026-03-16');
    const clash = await t.app.inject({
      method: 'POST',
      url: '/api/v1/time-blocks',
      headers: vet.auth,
      payload: { date: '2026-03-16', startTime: '08:00', endTime: '10:00', reason: 'Junta' },
    });
    expect(clash.statusCode).toBe(409);
    expect(json(clash).error.code).toBe('appointments.block_overlaps');
  });

  it('offers booking tools to owners and schedule tools to staff only', async () => {
    const names = (actor: typeof owner.actor) => t.platform.ctx.tools.getToolsForUser(actor).map((x) => x.function.name);
    expect(names(owner.actor)).toEqual(
      expect.arrayContaining(['check_availability', 'book_appointment', 'cancel_appointment', 'reschedule_appointment', 'get_my_appointments']),
    );
    expect(names(owner.actor)).not.toContain('get_daily_schedule');
    const booked = await t.platform.ctx.tools.executeTool('book_appointment', { petId, date: '2026-03-17', time: '10:00', serviceType: slug }, owner.actor);
    expect(booked).toMatchObject({ ok: true, data: { createdVia: 'ai', status: 'pending' } });
    expect(await t.platform.ctx.tools.executeTool('get_daily_schedule', { date: '2026-03-17' }, owner.actor)).toMatchObject({
      ok: false,
      error: { code: 'tools.not_allowed' },
    });
  });

  it('staff name a service in English through the translations API; English readers get it from the API, the tool and the booking page', async () => {
    const english = await OwnerFactory(t.platform, { language: 'en' });
    const service = await ServiceFactory(t.platform, { staffIds: [vet.user.id], name: 'Vacunación' });
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/v1/translations',
      headers: vet.auth,
      payload: {
        contentType: 'appointments.service',
        objectId: service.id,
        fieldName: 'name',
        language: 'en',
        translation: 'Vaccination',
        sourceText: 'Vacunación',
      },
    });
    expect(saved.statusCode).toBe(201);
    const nameFor = async (auth: Record<string, string>) =>
      json(await t.app.inject({ method: 'GET', url: '/api/v1/services', headers: auth })).find((x: { id: number }) => x.id === service.id).name;
    expect(await nameFor(english.auth)).toBe('Vaccination');
    expect(await nameFor(owner.auth)).toBe('Vacunación');
    expect(await nameFor(vet.auth)).toBe('Vacunación');
    expect(await t.platform.ctx.tools.executeTool('list_services', {}, english.actor)).toMatchObject({
      ok: true,
      data: expect.arrayContaining([expect.objectContaining({ id: service.id, name: 'Vaccination' })]),
    });
    const page = await t.app.inject({ method: 'GET', url: '/book', headers: english.auth });
    expect(page.body).toContain('<b>Vaccination</b>');
  });
});

describe('working hours, days off and holidays', () => {
  it('a vet changes their hours and a day off; the slots follow; another vet cannot change them', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/staff/${vet.user.id}/schedule`,
      headers: vet.auth,
      payload: { hours: [{ weekday: 0, start: '16:00', end: '18:00' }] },
    });
    expect(put.statusCode).toBe(200);
    const monday = json(await t.app.inject({ method: 'GET', url: `/api/v1/availability?date=2026-03-23&serviceType=${slug}`, headers: owner.auth })).map(
      (s: { time: string }) => s.time,
    );
    expect(monday[0]).toBe('16:00');
    expect(monday.at(-1)).toBe('17:30');
    expect(json(await t.app.inject({ method: 'GET', url: `/api/v1/availability?date=2026-03-24&serviceType=${slug}`, headers: owner.auth }))).toEqual([]);

    const overlap = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/staff/${vet.user.id}/schedule`,
      headers: vet.auth,
      payload: {
        hours: [
          { weekday: 0, start: '09:00', end: '12:00' },
          { weekday: 0, start: '11:00', end: '13:00' },
        ],
      },
    });
    expect(overlap.statusCode).toBe(422);
    expect(json(overlap).error.code).toBe('appointments.hours_overlap');

    const other = await StaffFactory(t.platform, 'veterinarian');
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/staff/${vet.user.id}/schedule`, headers: other.auth, payload: { hours: [] } })).statusCode).toBe(
      403,
    );

    const off = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/${vet.user.id}/days-off`,
      headers: vet.auth,
      payload: { startDate: '2026-03-30', endDate: '2026-03-30', reason: 'Congreso' },
    });
    expect(off.statusCode).toBe(201);
    expect(json(await t.app.inject({ method: 'GET', url: `/api/v1/availability?date=2026-03-30&serviceType=${slug}`, headers: owner.auth }))).toEqual([]);
  });

  it('only managers close the clinic for a holiday, and nobody can book it', async () => {
    const manager = await StaffFactory(t.platform, 'manager');
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: vet.auth, payload: { date: '2026-04-06', name: 'Puente' } })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/holidays', headers: manager.auth, payload: { date: '2026-04-06', name: 'Puente' } })).statusCode,
    ).toBe(201);
    expect(json(await t.app.inject({ method: 'GET', url: `/api/v1/availability?date=2026-04-06&serviceType=${slug}`, headers: owner.auth }))).toEqual([]);
  });
});
