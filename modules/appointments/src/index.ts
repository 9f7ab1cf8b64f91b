import { defineModule, port } from '@petfriendly/core';
import { reminderConfirmed, reminderSent } from '@petfriendly/omnichannel';
import { vaccinationDue } from '@petfriendly/vet-clinic';
import { eq } from 'drizzle-orm';
import { appointmentBooked, appointmentCancelled, appointmentReminderDue, appointmentRescheduled, appointmentsEvents } from './appointments.events';
import { appointmentsErrorMessages } from './appointments.messages';
import { appointmentsRoutes } from './appointments.routes';
import { appointmentsSettings } from './appointments.settings';
import { appointments, appointmentsTables } from './appointments.tables';
import { appointmentsTools } from './appointments.tools';
import { appointmentsMessages } from './i18n/index';
import { bookPages } from './pages/book.pages';
import { calendarPages } from './pages/calendar.pages';
import { myAppointmentsPages } from './pages/my.pages';
import { schedulePages } from './pages/schedule.pages';
import { teamPages } from './pages/team.pages';
import { type AppointmentsNeeds, createAppointmentsServices } from './services';

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
  // Consumers run after the change commits, in their own transaction: notices go out from here.
  subscribe(events, s, _deps, ctx) {
    const n = s.notifications;
    events.on(appointmentBooked, 'appointments.booking_notice', (p) => n.bookingNotice(p.appointmentId));
    events.on(appointmentRescheduled, 'appointments.reschedule_notice', async (p) => {
      await n.withdrawReminders(p.appointmentId);
      await n.bookingNotice(p.appointmentId);
    });
    events.on(appointmentCancelled, 'appointments.cancellation_notice', (p) => n.cancellationNotice(p.appointmentId));
    events.on(reminderConfirmed, 'appointments.reminder_answer', async (p) => {
      if (p.relatedObjectType === 'appointment' && p.relatedObjectId) await n.applyReminderAnswer(p.relatedObjectId, p.answer);
    });
    events.on(vaccinationDue, 'appointments.vaccination_reminder', (p) => n.vaccinationReminder(p));
    // The spec's appointment_reminder_due, raised when a reminder about an appointment goes out.
    events.on(reminderSent, 'appointments.reminder_due', async (p, { tx }) => {
      if (p.relatedObjectType !== 'appointment' || !p.relatedObjectId) return;
      const [a] = await tx.select().from(appointments).where(eq(appointments.id, p.relatedObjectId));
      if (!a) return;
      const hoursBefore = Math.round((a.startsAt.getTime() - ctx.clock.now().getTime()) / 3_600_000);
      await ctx.events.emit(tx, appointmentReminderDue, {
        appointmentId: a.id,
        ownerId: a.ownerId,
        petId: a.petId,
        staffId: a.staffId,
        startsAt: a.startsAt.toISOString(),
        serviceTypeId: a.serviceTypeId,
        hoursBefore,
      });
    });
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

export type { Appointment } from './appointment.service';
export { SERVICE, SERVICE_CATEGORY } from './appointment.service';
export * from './appointments.events';
export type { BillableAppointmentsPort } from './ports';
export type { AppointmentsServices } from './services';
