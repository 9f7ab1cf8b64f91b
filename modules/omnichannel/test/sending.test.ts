import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory } from '@petfriendly/accounts/testing';
import { outbox, systemActor } from '@petfriendly/core';
import { createTestPlatform, startLoopbackServer, type TestPlatform } from '@petfriendly/testing';
import { eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omnichannelModule } from '../src/index';
import { messages } from '../src/omnichannel.tables';
import { ESCALATION_QUEUE } from '../src/reminder.service';
import type { OmnichannelServices } from '../src/services';

let platform: TestPlatform;
let s: OmnichannelServices;
let api: Awaited<ReturnType<typeof startLoopbackServer>>;
let smtp: SMTPServer;
const received: ParsedMail[] = [];
let owner: Awaited<ReturnType<typeof OwnerFactory>>;

beforeAll(async () => {
  api = await startLoopbackServer();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        done();
      }, done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as { port: number }).port;
  platform = await createTestPlatform([accountsModule, omnichannelModule], {
    env: {
      OMNICHANNEL__WHATSAPP_PHONE_NUMBER_ID: '1099887766',
      OMNICHANNEL__WHATSAPP_ACCESS_TOKEN: 'wa-token',
      OMNICHANNEL__WHATSAPP_BASE_URL: api.baseUrl,
      OMNICHANNEL__TWILIO_ACCOUNT_SID: 'AC123',
      OMNICHANNEL__TWILIO_AUTH_TOKEN: 'tw-secret',
      OMNICHANNEL__TWILIO_PHONE_NUMBER: '+15005550006',
      OMNICHANNEL__TWILIO_BASE_URL: api.baseUrl,
      OMNICHANNEL__SMTP_HOST: '127.0.0.1',
      OMNICHANNEL__SMTP_PORT: String(smtpPort),
      OMNICHANNEL__SEND_ATTEMPTS: '2',
    },
  });
  s = platform.services.omnichannel;
  owner = await OwnerFactory(platform, { name: 'Lucía Ramírez', email: 'lucia@example.mx', language: 'es' });
  await platform.services.accounts.users.updateOwnerProfile(owner.actor, { phone: '55 1234 5678', preferredChannel: 'whatsapp' });
});
afterAll(async () => {
  await platform?.close();
  await api?.close();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

const run = () => platform.ctx.jobs.runReady(undefined, { includeDelayed: true });
/** Everything but the escalation checks, which the tests run on purpose (the fake clock is not the database's). */
const runNow = () => platform.ctx.jobs.runReady(platform.ctx.jobs.names.filter((n) => n !== ESCALATION_QUEUE));

describe('sending', () => {
  it('sends a WhatsApp template in the owner’s language (outside the 24-hour window) through the Cloud API', async () => {
    api.respondWith({ status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: 'wamid.ABC' }] } });
    const queued = await s.messages.sendMessage(systemActor, {
      userId: owner.user.id,
      template: 'appointment_booked',
      templateVars: { pet: 'Toby', date: '2026-03-12', time: '10:00', clinic: 'Pet-Friendly', link: 'https://petfriendly.mx/my/appointments' },
    });
    expect(queued.status).toBe('pending');
    await run();
    const request = api.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v21.0/1099887766/messages');
    expect(request.headers.authorization).toBe('Bearer wa-token');
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      messaging_product: 'whatsapp',
      to: '525512345678',
      type: 'template',
      template: { name: 'appointment_booked', language: { code: 'es' } },
    });
    expect(body.template.components[0].parameters.map((p: { text: string }) => p.text)).toEqual([
      'Lucía Ramírez',
      'Toby',
      '2026-03-12',
      '10:00',
      'Pet-Friendly',
      'https://petfriendly.mx/my/appointments',
    ]);
    const [sent] = await platform.ctx.db.select().from(messages).where(eq(messages.id, queued.id));
    expect(sent).toMatchObject({ status: 'sent', externalId: 'wamid.ABC', provider: 'whatsapp-cloud' });
  });

  it('retries a failing channel, then raises message_failed and sends on the next channel in ESCALATION_ORDER', async () => {
    api.respondWith({ status: 500, body: { error: { code: 1, message: 'down' } } }, { status: 500, body: { error: { code: 1, message: 'down' } } });
    api.respondWith({ status: 201, body: { sid: 'SM999', status: 'queued' } });
    const queued = await s.messages.sendMessage(systemActor, { userId: owner.user.id, message: 'Hola, su mascota está lista.' });
    await run();
    const [failed] = await platform.ctx.db.select().from(messages).where(eq(messages.id, queued.id));
    expect(failed!.status).toBe('failed');
    const events = (await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'omnichannel.message_failed'))).map((e) => e.payload);
    expect(events).toContainEqual(expect.objectContaining({ messageId: queued.id, channel: 'whatsapp', escalatedTo: 'sms' }));
    const sms = api.requests.at(-1)!;
    expect(sms.path).toBe('/2010-04-01/Accounts/AC123/Messages.json');
    expect(sms.headers.authorization).toBe(`Basic ${Buffer.from('AC123:tw-secret').toString('base64')}`);
    expect(sms.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sms.body))).toMatchObject({
      To: '+525512345678',
      From: '+15005550006',
      Body: 'Hola, su mascota está lista.',
    });
    const [escalated] = await platform.ctx.db.select().from(messages).where(eq(messages.escalatedFrom, queued.id));
    expect(escalated).toMatchObject({ status: 'sent', externalId: 'SM999', provider: 'twilio' });
  });

  it('delivers email to a real SMTP server with the .ics attached', async () => {
    const ics = new TextEncoder().encode('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    await s.messages.sendMessage(systemActor, {
      userId: owner.user.id,
      channel: 'email',
      template: 'appointment_booked',
      templateVars: { pet: 'Toby', date: '2026-03-12', time: '10:00', clinic: 'Pet-Friendly' },
      attachments: [{ filename: 'cita.ics', contentType: 'text/calendar; method=REQUEST', content: ics }],
    });
    await run();
    const mail = received.at(-1)!;
    expect(mail.subject).toBe('Cita agendada para Toby');
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('lucia@example.mx');
    expect(mail.text).toContain('Toby');
    expect(mail.attachments[0]).toMatchObject({ filename: 'cita.ics' });
    expect(mail.attachments[0]!.content.toString()).toContain('BEGIN:VCALENDAR');
  });

  it('refuses a person with no reachable channel, and writes nothing', async () => {
    const silent = await OwnerFactory(platform);
    await s.preferences.updatePreferences(silent.actor, { whatsappEnabled: false, smsEnabled: false, emailEnabled: false });
    const before = (await platform.ctx.db.select().from(messages)).length;
    await expect(s.messages.sendMessage(systemActor, { userId: silent.user.id, message: 'x' })).rejects.toMatchObject({ code: 'omnichannel.unreachable' });
    expect((await platform.ctx.db.select().from(messages)).length).toBe(before);
  });
});

describe('reminders', () => {
  it('sends once at its time even if the job runs twice, and a reply of "sí" confirms it', async () => {
    api.respondWith({ status: 200, body: { messages: [{ id: 'wamid.R1' }] } });
    const reminder = await s.reminders.scheduleReminder(systemActor, {
      userId: owner.user.id,
      reminderType: 'appointment',
      sendAt: new Date(platform.clock.now().getTime() + 3_600_000),
      template: 'appointment_reminder',
      templateVars: { pet: 'Toby', date: '2026-03-12', time: '10:00', clinic: 'Pet-Friendly' },
      relatedObjectType: 'appointment',
      relatedObjectId: 77,
    });
    await runNow();
    await s.reminders.sendDue(reminder.id); // a second delivery of the same job, after a restart
    await runNow();
    const sentForReminder = (await platform.ctx.db.select().from(messages)).filter((m) => m.template === 'appointment_reminder');
    expect(sentForReminder).toHaveLength(1);
    const inbound = await s.inbox.recordInbound({
      channel: 'whatsapp',
      provider: 'whatsapp',
      externalId: 'wamid.IN1',
      from: '+5215512345678',
      text: 'Sí, ahí estaremos',
      at: platform.clock.now(),
    });
    expect(inbound?.senderId).toBe(owner.user.id);
    await runNow();
    const confirmed = (await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'omnichannel.reminder_confirmed'))).map((e) => e.payload);
    expect(confirmed).toContainEqual(expect.objectContaining({ reminderId: reminder.id, answer: 'confirm', relatedObjectId: 77 }));
    expect(
      await s.inbox.recordInbound({
        channel: 'whatsapp',
        provider: 'whatsapp',
        externalId: 'wamid.IN1',
        from: '+5215512345678',
        text: 'Sí, ahí estaremos',
        at: platform.clock.now(),
      }),
    ).toBeNull();
  });

  it('is not sent to someone who switched reminders off', async () => {
    const quiet = await OwnerFactory(platform, { email: 'quiet@example.mx' });
    await s.preferences.updatePreferences(quiet.actor, { remindersEnabled: false });
    const reminder = await s.reminders.scheduleReminder(systemActor, {
      userId: quiet.user.id,
      reminderType: 'vaccination',
      sendAt: platform.clock.now(),
      message: 'Sin avisos, por favor',
    });
    await runNow();
    expect((await platform.ctx.db.select().from(messages)).filter((m) => m.content === 'Sin avisos, por favor')).toEqual([]);
    const pending = await s.reminders.getPendingReminders({ kind: 'staff', userId: quiet.user.id, role: 'manager', language: 'es' }, { userId: quiet.user.id });
    expect(pending.map((r) => r.id)).not.toContain(reminder.id);
  });

  it('escalates an unanswered reminder to the next channel after ESCALATION_WAIT_HOURS', async () => {
    await platform.ctx.jobs.runReady([ESCALATION_QUEUE], { includeDelayed: true }); // earlier tests' checks, which find their reminders answered
    api.respondWith({ status: 200, body: { messages: [{ id: 'wamid.R2' }] } }, { status: 201, body: { sid: 'SM-R2', status: 'queued' } });
    const reminder = await s.reminders.scheduleReminder(systemActor, {
      userId: owner.user.id,
      reminderType: 'vaccination',
      sendAt: platform.clock.now(),
      message: 'A Toby le toca su vacuna.',
    });
    await runNow();
    expect((await platform.ctx.db.select().from(messages)).filter((m) => m.content === 'A Toby le toca su vacuna.').map((m) => m.provider)).toEqual([
      'whatsapp-cloud',
    ]);
    // ESCALATION_WAIT_HOURS later, nobody answered: the check runs once and the reminder goes out by SMS.
    await platform.ctx.jobs.runReady([ESCALATION_QUEUE], { includeDelayed: true, maxJobs: 1 });
    await runNow();
    const after = (await platform.ctx.db.select().from(messages)).filter((m) => m.content === 'A Toby le toca su vacuna.');
    expect(after.map((m) => m.provider).sort()).toEqual(['twilio', 'whatsapp-cloud']);
    const pending = await s.reminders.getPendingReminders({ kind: 'staff', userId: owner.user.id, role: 'manager', language: 'es' });
    expect(pending.map((r) => r.id)).not.toContain(reminder.id);
  });
});
