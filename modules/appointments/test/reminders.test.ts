import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { localOutbox, outbox, systemActor } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { type OmnichannelServices, omnichannelModule } from '@petfriendly/omnichannel';
import { reminders } from '@petfriendly/omnichannel/tables';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentsModule } from '../src/index';
import type { AppointmentsServices } from '../src/services';
import { ServiceFactory } from '../src/testing';

let platform: TestPlatform;
let s: AppointmentsServices;
let messaging: OmnichannelServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let slug: string;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, appointmentsModule], {
    now: '2026-03-10T16:00:00Z',
  });
  s = platform.services.appointments;
  messaging = platform.services.omnichannel;
  vet = await StaffFactory(platform, 'veterinarian');
  slug = (await ServiceFactory(platform, { staffIds: [vet.user.id] })).slug;
});
afterAll(async () => platform?.close());

/** Runs what is due now; reminder and escalation jobs wait for their time (the database's clock). */
const runJobs = () => platform.ctx.jobs.runReady(platform.ctx.jobs.names.filter((n) => !n.startsWith('omnichannel.reminder')));

async function ownerWithPet(phone: string, email: string) {
  const owner = await OwnerFactory(platform, { email, name: 'Rosa Díaz' });
  await platform.services.accounts.users.updateOwnerProfile(owner.actor, { phone, preferredChannel: 'whatsapp' });
  const pet = await PetFactory(platform, owner.actor, { name: 'Kira' });
  return { owner, pet };
}

const remindersFor = (appointmentId: number) =>
  platform.ctx.db
    .select()
    .from(reminders)
    .where(and(eq(reminders.relatedObjectType, 'appointment'), eq(reminders.relatedObjectId, appointmentId)));

describe('reminders around an appointment', () => {
  it('booking sends the confirmation with the calendar file and schedules 24 h and 2 h reminders', async () => {
    const { owner, pet } = await ownerWithPet('55 1111 2222', 'rosa@example.mx');
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-12', time: '10:00', serviceType: slug });
    await runJobs();
    const sent = await platform.ctx.db.select().from(localOutbox).where(eq(localOutbox.recipient, '+525511112222'));
    expect(sent.map((m) => m.body).join('\n')).toContain('Kira');
    const scheduled = await remindersFor(booked.id);
    expect(scheduled.map((r) => r.scheduledFor.toISOString()).sort()).toEqual(['2026-03-11T16:00:00.000Z', '2026-03-12T14:00:00.000Z']);
    await runJobs();
    expect(await remindersFor(booked.id)).toHaveLength(2);
  });

  it('rescheduling moves the reminders; cancelling withdraws them', async () => {
    const { owner, pet } = await ownerWithPet('55 3333 4444', 'rosa2@example.mx');
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-13', time: '11:00', serviceType: slug });
    await runJobs();
    await s.appointments.rescheduleAppointment(booked.id, owner.actor, { date: '2026-03-16', time: '12:00' });
    await runJobs();
    const after = await remindersFor(booked.id);
    expect(
      after
        .filter((r) => r.status === 'pending')
        .map((r) => r.scheduledFor.toISOString())
        .sort(),
    ).toEqual(['2026-03-15T18:00:00.000Z', '2026-03-16T16:00:00.000Z']);
    await s.appointments.cancelAppointment(booked.id, owner.actor);
    await runJobs();
    expect((await remindersFor(booked.id)).every((r) => r.status === 'cancelled')).toBe(true);
  });

  it('an owner answering "no puedo" to a reminder cancels the appointment and frees the time', async () => {
    const { owner, pet } = await ownerWithPet('55 5555 6666', 'rosa3@example.mx');
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-17', time: '09:00', serviceType: slug });
    await runJobs();
    const [first] = await remindersFor(booked.id);
    await messaging.reminders.sendDue(first!.id);
    await messaging.inbox.recordInbound({
      channel: 'whatsapp',
      provider: 'whatsapp-cloud',
      externalId: 'wamid.answer-1',
      from: '+5215555556666',
      text: 'No puedo, lo siento',
      at: platform.clock.now(),
    });
    await runJobs();
    expect((await s.appointments.getAppointment(booked.id, owner.actor)).status).toBe('cancelled');
    expect((await s.appointments.checkAvailability(owner.actor, { date: '2026-03-17', serviceType: slug })).map((x) => x.time)).toContain('09:00');
  });

  it('"sí" confirms it', async () => {
    const { owner, pet } = await ownerWithPet('55 7777 8888', 'rosa4@example.mx');
    const booked = await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-18', time: '09:00', serviceType: slug });
    await runJobs();
    const [first] = await remindersFor(booked.id);
    await messaging.reminders.sendDue(first!.id);
    await messaging.inbox.recordInbound({
      channel: 'whatsapp',
      provider: 'whatsapp-cloud',
      externalId: 'wamid.answer-2',
      from: '+525577778888',
      text: 'Sí',
      at: platform.clock.now(),
    });
    await runJobs();
    expect((await s.appointments.getAppointment(booked.id, owner.actor)).status).toBe('confirmed');
    const due = (await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'appointments.appointment_reminder_due'))).map((e) => e.payload);
    expect(due).toContainEqual(expect.objectContaining({ appointmentId: booked.id }));
  });
});

describe('vaccination reminders', () => {
  it('are scheduled a week before the due date, unless the pet is already booked or the dose was recorded', async () => {
    const { owner, pet } = await ownerWithPet('55 9999 0000', 'rosa5@example.mx');
    const due = { petId: pet.id, ownerId: owner.user.id, petName: 'Kira', vaccineName: 'Rabia', protocolCode: 'dog.rabies', dueDate: '2026-03-30' };
    expect(await s.notifications.vaccinationReminder(due)).toBe('scheduled');
    const [scheduled] = await platform.ctx.db
      .select()
      .from(reminders)
      .where(and(eq(reminders.relatedObjectType, 'pet'), eq(reminders.relatedObjectId, pet.id)));
    expect(scheduled!.scheduledFor.toISOString()).toBe('2026-03-23T16:00:00.000Z');

    await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-27', time: '10:00', serviceType: slug });
    expect(await s.notifications.vaccinationReminder(due)).toBe('booked');

    const other = await PetFactory(platform, owner.actor, { name: 'Bruno' });
    await platform.services['vet-clinic'].records.addVaccination(
      other.id,
      { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate: '2026-03-05', givenElsewhere: true },
      vet.actor,
    );
    expect(await s.notifications.vaccinationReminder({ ...due, petId: other.id, petName: 'Bruno' })).toBe('given');
  });

  it('counts how many reminders turned into bookings', async () => {
    const { owner, pet } = await ownerWithPet('55 1212 3434', 'rosa6@example.mx');
    const reminder = await messaging.reminders.scheduleReminder(systemActor, {
      userId: owner.user.id,
      reminderType: 'vaccination',
      sendAt: platform.clock.now(),
      message: 'Vacuna',
      relatedObjectType: 'pet',
      relatedObjectId: pet.id,
    });
    await messaging.reminders.sendDue(reminder.id);
    await expect(s.notifications.vaccinationConversion(owner.actor, new Date('2026-01-01'))).rejects.toMatchObject({ statusCode: 403 });
    const before = await s.notifications.vaccinationConversion(vet.actor, new Date('2026-01-01'));
    await s.appointments.bookAppointment(owner.actor, { petId: pet.id, date: '2026-03-19', time: '12:00', serviceType: slug });
    const after = await s.notifications.vaccinationConversion(vet.actor, new Date('2026-01-01'));
    expect(after.sent).toBe(before.sent);
    expect(after.booked).toBe(before.booked + 1);
  });
});
