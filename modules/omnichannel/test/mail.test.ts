import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { localOutbox } from '@petfriendly/core';
import { type ParsedMail, readMailHtml, type SmtpSink, startSmtpSink } from '@petfriendly/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import { ServiceFactory } from '../../appointments/src/testing';

let smtp: SmtpSink;
let t: TestApp;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let receptionist: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ now: '2026-03-10T16:00:00Z', env: smtp.env });
  receptionist = await StaffFactory(t.platform, 'receptionist');
  owner = await OwnerFactory(t.platform, { name: 'Lucía Ramírez', email: 'lucia@example.mx', language: 'es' });
  await t.platform.services.accounts.users.updateOwnerProfile(owner.actor, { preferredChannel: 'email' });
}, 300_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const deliver = () => t.platform.ctx.jobs.runReady(t.platform.ctx.jobs.names.filter((n) => !n.startsWith('omnichannel.reminder')));

/** What every mail from the clinic has, read back by mailparser and htmlparser2. */
function expectClinicMail(mail: ParsedMail) {
  const clinic = t.platform.ctx.clinic;
  expect(mail.subject?.trim()).toBeTruthy();
  expect(mail.from?.value).toEqual([{ address: 'citas@petfriendly.test', name: 'Pet-Friendly' }]);
  expect(mail.replyTo?.value).toEqual([{ address: clinic.EMAIL, name: '' }]);
  expect(mail.text?.trim()).toBeTruthy();
  expect(mail.html).toBeTruthy();
  const html = readMailHtml(mail.html as string);
  expect(html).toMatchObject({ lang: 'es', title: mail.subject });
  expect(html.text).toContain(clinic.NAME);
  expect(mail.text).toContain(clinic.PHONE);
  return html;
}

describe('every mail goes through the configured SMTP server, with text, HTML, a subject and Reply-To the clinic', () => {
  it('the password reset mail, with its link in both parts', async () => {
    await t.platform.services.accounts.identity.requestPasswordReset({ email: 'lucia@example.mx' });
    const [mail] = smtp.to('lucia@example.mx');
    expect(mail).toBeDefined();
    const html = expectClinicMail(mail!);
    const link = /http:\/\/localhost:3000\/reset-password\?token=\S+/.exec(mail!.text ?? '')?.[0];
    expect(link).toBeDefined();
    expect(html.links.map((a) => a.href)).toContain(link);
    // Nothing was kept back in the local outbox: it went out.
    expect(await t.platform.ctx.db.select().from(localOutbox)).toEqual([]);
  });

  it('a free-text message from staff, which now has a subject', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: receptionist.auth,
      payload: { userId: owner.user.id, message: 'Hola Lucía, ya llegaron las croquetas que pidió.\n\nLa esperamos.' },
    });
    expect(res.statusCode).toBe(201);
    await deliver();
    const mail = smtp.to('lucia@example.mx').at(-1)!;
    expectClinicMail(mail);
    expect(mail.subject).toBe(`Mensaje de ${t.platform.ctx.clinic.NAME}`);
    expect(readMailHtml(mail.html as string).paragraphs.slice(0, 2)).toEqual(['Hola Lucía, ya llegaron las croquetas que pidió.', 'La esperamos.']);

    const withSubject = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: receptionist.auth,
      payload: { userId: owner.user.id, subject: 'Su pedido', message: 'Ya está listo.' },
    });
    expect(withSubject.statusCode).toBe(201);
    await deliver();
    expect(smtp.to('lucia@example.mx').at(-1)!.subject).toBe('Su pedido');
  });

  it('the booking mail, with a link to manage the appointment and the invitation', async () => {
    const vet = await StaffFactory(t.platform, 'veterinarian');
    const slug = (await ServiceFactory(t.platform, { staffIds: [vet.user.id] })).slug;
    const pet = await PetFactory(t.platform, owner.actor, { name: 'Toby' });
    const booked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/appointments',
      headers: owner.auth,
      payload: { petId: pet.id, date: '2026-03-12', time: '10:00', serviceType: slug },
    });
    expect(booked.statusCode).toBe(201);
    await deliver();
    const mail = smtp.to('lucia@example.mx').at(-1)!;
    const html = expectClinicMail(mail);
    expect(mail.subject).toBe('Cita agendada para Toby');
    expect(mail.text).toContain('http://localhost:3000/my/appointments');
    expect(html.links).toContainEqual({ href: 'http://localhost:3000/my/appointments', text: 'http://localhost:3000/my/appointments' });
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['text/calendar']);
    expect(json(await t.app.inject({ method: 'GET', url: '/api/v1/appointments', headers: owner.auth }))).toHaveLength(1);
  });
});
