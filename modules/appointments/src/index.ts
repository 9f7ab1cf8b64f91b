import { type Tx, defineModule, port } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { reminderConfirmed, reminderSent } from '@petfriendly/omnichannel';
import { vaccinationDue } from '@petfriendly/vet-clinic';
import { appointmentBooked, appointmentCancelled, appointmentReminderDue, appointmentRescheduled, appointmentsEvents } from './appointments.events';
import { appointmentsErrorMessages } from './appointments.messages';
import { appointmentsMessages } from './i18n/index';
import { bookPages } from './pages/book.pages';
import { calendarPages } from './pages/calendar.pages';
import { myAppointmentsPages } from './pages/my.pages';
import { schedulePages } from './pages/schedule.pages';
import { teamPages } from './pages/team.pages';
import { appointmentsSettings } from './appointments.settings';
import { appointmentsRoutes } from './appointments.routes';
import { appointments, appointmentsTables } from './appointments.tables';
import { appointmentsTools } from './appointments.tools';
import { type AppointmentsNeeds, createAppointmentsServices } from './services';

const BOOKING_NOTICE = 'appointments.booking-notice';
const RESCHEDULE_NOTICE = 'appointments.reschedule-notice';
const WITHDRAW_REMINDERS = 'appointments.withdraw-reminders';
const REMINDER_ANSWER = 'appointments.reminder-answer';
const VACCINATION_REMINDER = 'appointments.vaccination-reminder';

export const appointmentsModule = defineModule({
  name: 'appointments',
  needs: {
    accounts: port<AppointmentsNeeds['accounts']>(),
    'vet-clinic': port<AppointmentsNeeds['vet-clinic']>(),
    omnichannel: port<AppointmentsNeeds['omnichannel']>(),
    multilingual: port<AppointmentsNeeds['multilingual']>(),
  },
  tables: appointmentsTables,
  settings: { block: 'APPOINTMENTS', schema: appointmentsSettings },
  events: appointmentsEvents,
  i18n: appointmentsMessages,
  messages: appointmentsErrorMessages,
  nav: [
    { area: 'site', href: '/book', labelKey: 'appointments:nav.book', icon: '📅', audience: 'owner', order: 20 },
    { area: 'site', href: '/my/appointments', labelKey: 'appointments:nav.myAppointments', icon: '🗓', audience: 'owner', order: 30 },
    { area: 'admin', href: '/admin/schedule', labelKey: 'appointments:nav.schedule', icon: '🗓', audience: 'staff', order: 5 },
    { area: 'admin', href: '/admin/team', labelKey: 'appointments:team.title', icon: '⏰', audience: 'staff', order: 50 },
  ],
  createServices: (ctx, deps, settings) => createAppointmentsServices(ctx, deps, settings),
  // Handlers only enqueue: the notices talk to other services, which must not run inside the delivery transaction.
  subscribe(events, _s, _deps, ctx) {
    const later = (queue: string) => async (payload: object, { tx }: { tx: Tx }) => {
      await ctx.jobs.send(queue, payload, { tx, singletonKey: `${queue}-${JSON.stringify(payload)}` });
    };
    events.on(appointmentBooked, 'appointments.queue_booking_notice', (p, c) => later(BOOKING_NOTICE)({ appointmentId: p.appointmentId }, c));
    events.on(appointmentRescheduled, 'appointments.queue_reschedule_notice', (p, c) => later(RESCHEDULE_NOTICE)({ appointmentId: p.appointmentId }, c));
    events.on(appointmentCancelled, 'appointments.queue_withdraw_reminders', (p, c) => later(WITHDRAW_REMINDERS)({ appointmentId: p.appointmentId }, c));
    events.on(reminderConfirmed, 'appointments.queue_reminder_answer', (p, c) =>
      p.relatedObjectType === 'appointment' && p.relatedObjectId ? later(REMINDER_ANSWER)({ appointmentId: p.relatedObjectId, answer: p.answer }, c) : Promise.resolve(),
    );
    events.on(vaccinationDue, 'appointments.queue_vaccination_reminder', (p, c) => later(VACCINATION_REMINDER)(p, c));
    // The spec's appointment_reminder_due, raised when a reminder about an appointment goes out.
    events.on(reminderSent, 'appointments.reminder_due', async (p, { tx }) => {
      if (p.relatedObjectType !== 'appointment' || !p.relatedObjectId) return;
      const [a] = await tx.select().from(appointments).where(eq(appointments.id, p.relatedObjectId));
      if (!a) return;
      const hoursBefore = Math.round((a.startsAt.getTime() - ctx.clock.now().getTime()) / 3_600_000);
      await ctx.events.emit(tx, appointmentReminderDue, { appointmentId: a.id, ownerId: a.ownerId, petId: a.petId, staffId: a.staffId, startsAt: a.startsAt.toISOString(), serviceTypeId: a.serviceTypeId, hoursBefore });
    });
  },
  jobs: (s) => {
    return [
      { name: BOOKING_NOTICE, handler: async ({ appointmentId }: { appointmentId: number }) => s.notifications.bookingNotice(appointmentId) },
      {
        name: RESCHEDULE_NOTICE,
        handler: async ({ appointmentId }: { appointmentId: number }) => {
          await s.notifications.withdrawReminders(appointmentId);
          await s.notifications.bookingNotice(appointmentId);
        },
      },
      { name: WITHDRAW_REMINDERS, handler: async ({ appointmentId }: { appointmentId: number }) => s.notifications.withdrawReminders(appointmentId) },
      { name: REMINDER_ANSWER, handler: async ({ appointmentId, answer }: { appointmentId: number; answer: 'confirm' | 'cancel' }) => s.notifications.applyReminderAnswer(appointmentId, answer) },
      {
        name: VACCINATION_REMINDER,
        handler: async (p: { petId: number; ownerId: string; petName: string; vaccineName: string; protocolCode: string; dueDate: string }) => {
          await s.notifications.vaccinationReminder(p);
        },
      },
    ];
  },
  tools: appointmentsTools,
  routes: async (app, services, ctx, deps) => {
    await appointmentsRoutes(app, services);
    await calendarPages(app, services);
    await bookPages(app, services, deps['vet-clinic'], ctx);
    await myAppointmentsPages(app, services, ctx.clinic.TIME_ZONE);
    await schedulePages(app, services, deps.accounts, ctx);
    await teamPages(app, services, deps.accounts);
  },
});

export * from './appointments.events';
export type { AppointmentsServices } from './services';
export type { BillableAppointmentsPort } from './ports';
export type { Appointment } from './appointment.service';
export { SERVICE, SERVICE_CATEGORY } from './appointment.service';
