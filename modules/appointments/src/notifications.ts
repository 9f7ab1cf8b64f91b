import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, addLocalDays, clinicInstant, formatters, type ModuleContext, requireStaff, systemActor } from '@petfriendly/core';
import type { MessagingPort } from '@petfriendly/omnichannel';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { AppointmentService } from './appointment.service';
import type { AppointmentsSettings } from './appointments.settings';
import { appointments } from './appointments.tables';
import type { CalendarService } from './calendar.service';
import { LIVE_STATUSES } from './schedule-data';

/**
 * What the owner hears about their appointments: the booking confirmation (with the .ics), reminders
 * REMINDER_HOURS_BEFORE on their channel, and vaccination reminders. Event consumers call these after
 * the change commits, in their own transaction.
 */
export function createNotifications(
  ctx: ModuleContext,
  accounts: AccountsPort,
  booking: AppointmentService,
  calendar: CalendarService,
  messaging: MessagingPort,
  vet: PetsPort & RecordsPort,
  settings: AppointmentsSettings,
) {
  const { db, clock, clinic } = ctx;
  const tz = clinic.TIME_ZONE;
  const when = (d: Date, lang: string) => ({
    date: formatters(lang, tz).date(d, 'dayLong'),
    time: formatters(lang, tz).time(d),
  });

  async function details(appointmentId: number) {
    const [appointment] = await db.select().from(appointments).where(eq(appointments.id, appointmentId));
    if (!appointment) return null;
    const pet = (await vet.pets.petsByIds([appointment.petId])).get(appointment.petId);
    return { appointment, petName: pet?.name ?? '' };
  }

  const base = ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`;

  /** The mail's template variables and the invitation (or its cancellation) for the owner's calendar. */
  async function invitation(a: typeof appointments.$inferSelect, petName: string, method: 'REQUEST' | 'CANCEL') {
    const contact = await accounts.directory.contactOf(a.ownerId);
    const lang = contact?.language ?? clinic.DEFAULT_LANGUAGE;
    const templateVars = { pet: petName, ...when(a.startsAt, lang), clinic: clinic.NAME, link: `${base}${method === 'CANCEL' ? '/book' : '/my/appointments'}` };
    const attendee = contact?.email ? { name: contact.name, email: contact.email } : undefined;
    const ics = await calendar.appointmentIcs(a.id, ownerActor(a.ownerId, lang), { method, attendee });
    const attachment = {
      filename: `cita-${a.id}.ics`,
      contentType: `text/calendar; method=${method}`,
      content: new TextEncoder().encode(ics),
    };
    return { templateVars, attachments: [attachment] };
  }

  /** After booking or a move: the confirmation with the calendar invitation, then the reminders. Safe to run twice. */
  async function bookingNotice(appointmentId: number) {
    const row = await details(appointmentId);
    if (!row || !LIVE_STATUSES.includes(row.appointment.status as never)) return;
    if (await messaging.reminders.hasRemindersFor('appointment', appointmentId)) return;
    const a = row.appointment;
    const { templateVars: vars, attachments } = await invitation(a, row.petName, 'REQUEST');
    await messaging.messages.sendMessage(systemActor, { userId: a.ownerId, template: 'appointment_booked', templateVars: vars, attachments });
    for (const hours of settings.REMINDER_HOURS_BEFORE) {
      const sendAt = new Date(a.startsAt.getTime() - hours * 3_600_000);
      if (sendAt <= clock.now()) continue;
      await messaging.reminders.scheduleReminder(systemActor, {
        userId: a.ownerId,
        reminderType: 'appointment',
        sendAt,
        template: 'appointment_reminder',
        templateVars: vars,
        relatedObjectType: 'appointment',
        relatedObjectId: a.id,
      });
    }
  }

  /** Cancelled or moved: its pending reminders are withdrawn (a move then books new ones). */
  async function withdrawReminders(appointmentId: number) {
    await messaging.reminders.cancelRemindersFor('appointment', appointmentId);
  }

  /** Cancelled: reminders withdrawn, and the owner told, with the METHOD:CANCEL that takes it off their calendar. */
  async function cancellationNotice(appointmentId: number) {
    await withdrawReminders(appointmentId);
    const row = await details(appointmentId);
    if (row?.appointment.status !== 'cancelled') return;
    const { templateVars, attachments } = await invitation(row.appointment, row.petName, 'CANCEL');
    await messaging.messages.sendMessage(systemActor, { userId: row.appointment.ownerId, template: 'appointment_cancelled', templateVars, attachments });
  }

  /** "Sí" confirms the appointment; "no puedo" cancels it and frees the time. */
  async function applyReminderAnswer(appointmentId: number, answer: 'confirm' | 'cancel') {
    await booking.answerFromReminder(appointmentId, answer);
  }

  /**
   * A vaccine falls due: remind the owner a week before, unless the pet already has a visit booked
   * around then, or the dose was meanwhile recorded (given here or elsewhere).
   */
  async function vaccinationReminder(input: { petId: number; ownerId: string; petName: string; vaccineName: string; protocolCode: string; dueDate: string }) {
    const owner = ownerActor(input.ownerId);
    const stillDue = (await vet.records.getVaccinationSchedule(input.petId, owner)).some(
      (d) => d.protocolCode === input.protocolCode && d.dueDate <= input.dueDate,
    );
    if (!stillDue) return 'given';
    const [booked] = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.petId, input.petId),
          inArray(appointments.status, ['pending', 'confirmed']),
          gt(appointments.startsAt, clock.now()),
          sql`${appointments.date} <= ${addLocalDays(input.dueDate, 30)}`,
        ),
      )
      .limit(1);
    if (booked) return 'booked';
    const weekBefore = clinicInstant(addLocalDays(input.dueDate, -7), '10:00', tz);
    await messaging.reminders.scheduleReminder(systemActor, {
      userId: input.ownerId,
      reminderType: 'vaccination',
      sendAt: new Date(Math.max(weekBefore.getTime(), clock.now().getTime())),
      template: 'vaccination_due',
      templateVars: { pet: input.petName, vaccine: input.vaccineName, date: input.dueDate, clinic: clinic.NAME },
      relatedObjectType: 'pet',
      relatedObjectId: input.petId,
    });
    return 'scheduled';
  }

  /** Reminder-to-booking conversion: vaccination reminders sent, and how many were followed by a booking for that pet within 30 days. */
  async function vaccinationConversion(actor: Actor, since: Date) {
    requireStaff(actor);
    const reminders = await messaging.reminders.sentReminders({ reminderType: 'vaccination', relatedObjectType: 'pet', since });
    const sent = reminders.length;
    const [row] = sent
      ? await db
          .execute(sql`
          select count(*)::int as booked
          from unnest(${`{${reminders.map((r) => r.relatedObjectId).join(',')}}`}::int[], ${`{${reminders.map((r) => `"${r.sentAt.toISOString()}"`).join(',')}}`}::timestamptz[]) as r(pet_id, sent_at)
          where exists (
            select 1 from ${appointments} a
            where a.pet_id = r.pet_id and a.created_at >= r.sent_at and a.created_at < r.sent_at + interval '30 days'
          )`)
          .then((r) => (r as unknown as { rows: { booked: number }[] }).rows)
      : [];
    const bookedCount = row?.booked ?? 0;
    return { sent, booked: bookedCount, rate: sent ? bookedCount / sent : 0 };
  }

  return { bookingNotice, withdrawReminders, cancellationNotice, applyReminderAnswer, vaccinationReminder, vaccinationConversion };
}

const ownerActor = (userId: string, language = 'es') => ({ kind: 'owner', userId, language }) as const;

export type Notifications = ReturnType<typeof createNotifications>;
