import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { localOutbox, outbox } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { type OmnichannelServices, omnichannelModule } from '@petfriendly/omnichannel';
import { reminders } from '@petfriendly/omnichannel/tables';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentsModule } from '../src/index';
import type { AppointmentsServices } from '../src/services';
import { ServiceFactory } from '../src/testing';

let platform: TestPlatform;
let s: AppointmentsServices;
let messaging: OmnichannelServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let receptionist: Awaited<ReturnType<typeof StaffFactory>>;
let slug: string;

beforeAll(async () => {
  // 10:00 in Mexico City.
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule], {
    now: '2026-03-10T16:00:00Z',
  });
  s = platform.services.appointments;
  messaging = platform.services.omnichannel;
  vet = await StaffFactory(platform, 'veterinarian');
  manager = await StaffFactory(platform, 'manager');
  receptionist = await StaffFactory(platform, 'receptionist');
  slug = (await ServiceFactory(platform, { staffIds: [vet.user.id] })).slug;
});
afterAll(async () => platform?.close());

const runJobs = () => platform.ctx.jobs.runReady(platform.ctx.jobs.names.filter((n) => !n.startsWith('omnichannel.reminder')));

let phones = 0;
async function ownerWithPet(options: { reminders?: boolean; reachable?: boolean } = {}) {
  phones += 1;
  const phone = `55 4000 ${String(1000 + phones)}`;
  const owner = await OwnerFactory(platform, { email: `owner${phones}@example.mx`, name: `Dueña ${phones}` });
  if (options.reachable !== false) await platform.services.accounts.users.updateOwnerProfile(owner.actor, { phone, preferredChannel: 'whatsapp' });
  if (options.reminders === false) await messaging.preferences.updatePreferences(owner.actor, { remindersEnabled: false });
  if (options.reachable === false)
    await messaging.preferences.updatePreferences(owner.actor, { emailEnabled: false, smsEnabled: false, whatsappEnabled: false });
  const pet = await PetFactory(platform, owner.actor, { name: `Kira ${phones}` });
  return { owner, pet, e164: `+52${phone.replace(/\D/g, '')}` };
}

const sentTo = async (e164: string) => (await platform.ctx.db.select().from(localOutbox).where(eq(localOutbox.recipient, e164))).map((m) => m.body);
const remindersAbout = (type: string, id: number) =>
  platform.ctx.db
    .select()
    .from(reminders)
    .where(and(eq(reminders.relatedObjectType, type), eq(reminders.relatedObjectId, id)));
const dueEvents = async (appointmentId: number) =>
  (await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'appointments.appointment_reminder_due')))
    .map((e) => e.payload as { appointmentId: number; ownerNotified: boolean })
    .filter((p) => p.appointmentId === appointmentId);

describe('reminders that reach the owner, and those that cannot', () => {
  it('a reminder that goes out marks the appointment and raises appointment_reminder_due', async () => {
    const { owner, pet } = await ownerWithPet();
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-12', time: '10:00', serviceType: slug });
    await runJobs();
    const [first] = await remindersAbout('appointment', booked.id);
    await messaging.reminders.sendDue(first!.id);
    await runJobs();
    expect((await s.appointments.getAppointment(booked.id, owner.actor)).reminderSent).toBe(true);
    expect(await dueEvents(booked.id)).toEqual([expect.objectContaining({ ownerNotified: true })]);
    expect((await s.followThrough.ownersToCall(receptionist.actor)).map((c) => c.appointmentId)).not.toContain(booked.id);
  });

  it('an owner who switched reminders off is put on the front desk’s call list, and the event still fires', async () => {
    const { owner, pet } = await ownerWithPet({ reminders: false });
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-12', time: '11:00', serviceType: slug });
    await runJobs();
    const [first] = await remindersAbout('appointment', booked.id);
    await messaging.reminders.sendDue(first!.id);
    await runJobs();
    expect((await remindersAbout('appointment', booked.id)).find((r) => r.id === first!.id)?.status).toBe('skipped');
    expect(await dueEvents(booked.id)).toEqual([expect.objectContaining({ ownerNotified: false })]);
    const calls = await s.followThrough.ownersToCall(receptionist.actor);
    expect(calls).toContainEqual(expect.objectContaining({ appointmentId: booked.id, petName: pet.name }));
    await s.followThrough.markCalled(receptionist.actor, booked.id);
    expect((await s.followThrough.ownersToCall(receptionist.actor)).map((c) => c.appointmentId)).not.toContain(booked.id);
    await expect(s.followThrough.ownersToCall(owner.actor)).rejects.toMatchObject({ statusCode: 403 });
  });

  it('"no puedo" is stored as declined, not confirmed', async () => {
    const { owner, pet, e164 } = await ownerWithPet();
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-13', time: '09:00', serviceType: slug });
    await runJobs();
    const [first] = await remindersAbout('appointment', booked.id);
    await messaging.reminders.sendDue(first!.id);
    await messaging.inbox.recordInbound({
      channel: 'whatsapp',
      provider: 'whatsapp-cloud',
      externalId: `wamid.no-${booked.id}`,
      from: e164,
      text: 'No puedo',
      at: platform.clock.now(),
    });
    await runJobs();
    const [answered] = (await remindersAbout('appointment', booked.id)).filter((r) => r.id === first!.id);
    expect(answered).toMatchObject({ status: 'declined', response: 'No puedo' });
    expect((await s.appointments.getAppointment(booked.id, owner.actor)).status).toBe('cancelled');
  });
});

describe('after the visit', () => {
  it('staff confirming tells the owner', async () => {
    const { owner, pet, e164 } = await ownerWithPet();
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-16', time: '10:00', serviceType: slug });
    await s.schedule.confirmAppointment(booked.id, receptionist.actor);
    await runJobs();
    expect((await sentTo(e164)).some((body) => body.includes('confirmada') && body.includes(pet.name))).toBe(true);
  });

  it('completing sends the summary and reminds the owner to book the follow-up until it is booked', async () => {
    const { owner, pet, e164 } = await ownerWithPet();
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-10', time: '13:00', serviceType: slug });
    await VisitFactory(platform, pet.id, vet.actor, { reason: 'Cojea de la pata trasera', plan: 'Reposo diez días y meloxicam' });
    await s.schedule.checkInPatient(booked.id, receptionist.actor);
    await s.schedule.completeAppointment(booked.id, vet.actor, { followUpDays: 14 });
    await runJobs();
    const summary = (await sentTo(e164)).find((body) => body.includes('Reposo diez días'));
    expect(summary).toContain('Cojea de la pata trasera');
    expect(summary).toContain('2026-03-24');
    const [followUp] = await remindersAbout('appointment_follow_up', booked.id);
    // Three days before the follow-up day, at 10:00 in Mexico City.
    expect(followUp).toMatchObject({ status: 'pending', reminderType: 'followup' });
    expect(followUp!.scheduledFor.toISOString()).toBe('2026-03-21T16:00:00.000Z');

    await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-24', time: '10:00', serviceType: slug });
    await runJobs();
    expect((await remindersAbout('appointment_follow_up', booked.id))[0]!.status).toBe('cancelled');
  });
});

describe('staff and reminders, managers and bulk messages', () => {
  it('staff list reminders and withdraw a pending one; a second withdrawal is a conflict', async () => {
    const { owner, pet } = await ownerWithPet();
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-19', time: '10:00', serviceType: slug });
    await runJobs();
    const page = await messaging.reminders.listReminders(receptionist.actor, { status: 'pending', userId: owner.user.id });
    expect(page.items.map((r) => r.relatedObjectId)).toEqual([booked.id, booked.id]);
    const [one] = page.items;
    expect((await messaging.reminders.cancelReminder(receptionist.actor, one!.id)).status).toBe('cancelled');
    await expect(messaging.reminders.cancelReminder(receptionist.actor, one!.id)).rejects.toMatchObject({ statusCode: 409 });
    await expect(messaging.reminders.cancelReminder(receptionist.actor, 2_000_000_000)).rejects.toMatchObject({ statusCode: 404 });
    await expect(messaging.reminders.listReminders(owner.actor, {})).rejects.toMatchObject({ statusCode: 403 });
  });

  it('a manager writes to everyone booked on a closed day; the unreachable are reported and the rest still get it', async () => {
    const reachable = await ownerWithPet();
    const unreachable = await ownerWithPet({ reachable: false });
    for (const [who, time] of [
      [reachable, '10:00'],
      [unreachable, '11:00'],
    ] as const)
      await s.appointments.bookAppointment(who.owner.actor, { petId: who.pet.id, date: '2026-03-20', time, serviceType: slug });
    const input = {
      audience: 'appointments.booked_on',
      param: '2026-03-20',
      message: 'El viernes 20 la clínica cierra por fumigación. Te llamamos para reagendar.',
    };
    await expect(messaging.audiences.sendToAudience(receptionist.actor, input)).rejects.toMatchObject({ statusCode: 403 });
    await expect(messaging.audiences.sendToAudience(manager.actor, { ...input, param: 'viernes' })).rejects.toMatchObject({ statusCode: 422 });
    const result = await messaging.audiences.sendToAudience(manager.actor, input);
    expect(result.sent.map((r) => r.userId)).toEqual([reachable.owner.user.id]);
    expect(result.unreachable).toEqual([{ userId: unreachable.owner.user.id, reason: 'omnichannel.unreachable' }]);
    await runJobs();
    expect((await sentTo(reachable.e164)).some((body) => body.includes('fumigación'))).toBe(true);
  });
});
