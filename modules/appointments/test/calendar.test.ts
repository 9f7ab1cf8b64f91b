import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, hasLibical, libicalProblems, type ParsedMail, parseCalendar as parse, type SmtpSink, startSmtpSink } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json } from '../../../apps/server/test/helpers';
import { appointmentsModule } from '../src/index';
import { ServiceFactory } from '../src/testing';

let smtp: SmtpSink;
/** Every file the tests read, for libical to check at the end. */
const produced: { what: string; text: string }[] = [];
const parseCalendar = (text: string, what = 'download') => {
  produced.push({ what, text });
  return parse(text);
};
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => smtp?.close());

/** A clinic whose mail goes to the sink, an owner reached by email, and a pet. */
async function clinic(options: { now: string; clinic?: Record<string, string> }) {
  const t = await createTestApp({ ...options, env: smtp.env });
  const vet = await StaffFactory(t.platform, 'veterinarian');
  const slug = (await ServiceFactory(t.platform, { staffIds: [vet.user.id] })).slug;
  const owner = await OwnerFactory(t.platform, { email: `owner-${Date.now()}@example.mx`, name: 'Rosa Díaz' });
  await t.platform.services.accounts.users.updateOwnerProfile(owner.actor, { preferredChannel: 'email' });
  const pet = await PetFactory(t.platform, owner.actor, { name: 'Kira' });
  const send = (method: string, url: string, payload?: object) => t.app.inject({ method: method as 'POST', url, headers: owner.auth, payload });
  const deliver = () => t.platform.ctx.jobs.runReady(t.platform.ctx.jobs.names.filter((n) => !n.startsWith('omnichannel.reminder')));
  return { t, owner, pet, slug, send, deliver };
}

/** The calendar a mail carries, with the method its MIME part announces. */
function invitationIn(mail: ParsedMail) {
  const [part] = mail.attachments.filter((a) => a.contentType === 'text/calendar');
  expect(part, `a calendar in "${mail.subject}"`).toBeDefined();
  const mimeMethod = (part!.headers.get('content-type') as { params: { method?: string } }).params.method;
  return { mimeMethod, ...parseCalendar(part!.content.toString('utf8'), `mail "${mail.subject}"`) };
}

describe('appointments in iCalendar, read by ical.js', () => {
  let c: Awaited<ReturnType<typeof clinic>>;
  beforeAll(async () => {
    c = await clinic({ now: '2026-03-10T16:00:00Z' });
  });
  afterAll(async () => c?.t.close());

  it('invites at the clinic’s local time, then moves and cancels the same event with a higher SEQUENCE', { timeout: 90_000 }, async () => {
    const booked = json(await c.send('POST', '/api/v1/appointments', { petId: c.pet.id, date: '2026-03-12', time: '10:00', serviceType: c.slug }));
    await c.deliver();
    const email = c.owner.user.email;
    const uid = `appointment-${booked.id}@localhost`;

    const invited = invitationIn(smtp.to(email).at(-1)!);
    expect(invited).toMatchObject({ mimeMethod: 'REQUEST', method: 'REQUEST', version: '2.0', zones: ['America/Mexico_City'] });
    expect(invited.events).toEqual([
      expect.objectContaining({
        uid,
        sequence: 0,
        start: { zone: 'America/Mexico_City', wall: '2026-03-12T10:00:00', instant: '2026-03-12T16:00:00.000Z' },
        end: { zone: 'America/Mexico_City', wall: '2026-03-12T10:30:00', instant: '2026-03-12T16:30:00.000Z' },
        organizer: 'mailto:hola@petfriendly.mx',
        attendee: `mailto:${email}`,
      }),
    ]);

    expect((await c.send('POST', `/api/v1/appointments/${booked.id}/reschedule`, { date: '2026-03-13', time: '12:00' })).statusCode).toBe(200);
    await c.deliver();
    const moved = invitationIn(smtp.to(email).at(-1)!);
    expect(moved).toMatchObject({ mimeMethod: 'REQUEST', method: 'REQUEST' });
    expect(moved.events).toEqual([expect.objectContaining({ uid, sequence: 1, start: expect.objectContaining({ wall: '2026-03-13T12:00:00' }) })]);

    expect((await c.send('POST', `/api/v1/appointments/${booked.id}/cancel`, { reason: 'Viaje' })).statusCode).toBe(200);
    await c.deliver();
    const cancelMail = smtp.to(email).at(-1)!;
    expect(cancelMail.subject).toBe('Cita cancelada: Kira el viernes, 13 de marzo');
    const cancelled = invitationIn(cancelMail);
    expect(cancelled).toMatchObject({ mimeMethod: 'CANCEL', method: 'CANCEL' });
    expect(cancelled.events).toEqual([
      expect.objectContaining({ uid, sequence: 2, status: 'CANCELLED', organizer: 'mailto:hola@petfriendly.mx', attendee: `mailto:${email}` }),
    ]);
    expect(smtp.to(email)).toHaveLength(3);
  });

  it('downloads and the private feed are published in the clinic’s zone too', async () => {
    const booked = json(await c.send('POST', '/api/v1/appointments', { petId: c.pet.id, date: '2026-03-16', time: '18:30', serviceType: c.slug }));
    const download = await c.t.app.inject({ method: 'GET', url: `/api/v1/appointments/${booked.id}/ics`, headers: c.owner.auth });
    expect(parseCalendar(download.body)).toMatchObject({
      method: 'PUBLISH',
      events: [{ sequence: 0, status: 'TENTATIVE', start: { zone: 'America/Mexico_City', wall: '2026-03-16T18:30:00' } }],
    });
    const feedUrl = json(await c.t.app.inject({ method: 'GET', url: '/api/v1/calendar-feed', headers: c.owner.auth })).url as string;
    const feed = parseCalendar((await c.t.app.inject({ method: 'GET', url: new URL(feedUrl).pathname })).body, 'feed');
    expect(feed.method).toBe('PUBLISH');
    expect(feed.events.find((e) => e.uid === `appointment-${booked.id}@localhost`)?.start.instant).toBe('2026-03-17T00:30:00.000Z');
  });
});

describe('a clinic in a zone with summer time', () => {
  it('writes the summer offset: 10:00 in Tijuana in July is 17:00 UTC', { timeout: 120_000 }, async () => {
    const platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule], {
      now: '2026-07-01T16:00:00Z',
      clinic: { TIME_ZONE: 'America/Tijuana' },
    });
    try {
      const s = platform.services.appointments;
      const vet = await StaffFactory(platform, 'veterinarian');
      const slug = (await ServiceFactory(platform, { staffIds: [vet.user.id] })).slug;
      const owner = await OwnerFactory(platform);
      const pet = await PetFactory(platform, owner.actor);
      const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-07-15', time: '10:00', serviceType: slug });
      const calendar = parseCalendar(await s.calendar.appointmentIcs(booked.id, owner.actor));
      expect(calendar.zones).toEqual(['America/Tijuana']);
      expect(calendar.events[0]!.start).toEqual({ zone: 'America/Tijuana', wall: '2026-07-15T10:00:00', instant: '2026-07-15T17:00:00.000Z' });
    } finally {
      await platform.close();
    }
  });
});

describe('the same files read by libical', () => {
  it.skipIf(!hasLibical)('libical finds no fault in any of them (iTIP restrictions of their METHOD included)', () => {
    expect(produced.length).toBeGreaterThanOrEqual(6);
    expect(produced.map(({ what, text }) => ({ what, problems: libicalProblems(text) }))).toEqual(produced.map(({ what }) => ({ what, problems: [] })));
  });
});
