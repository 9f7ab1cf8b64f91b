import { defineModule, port } from '@petfriendly/core';
import { type OmnichannelSockets, reminderConfirmed, reminderSent, reminderSkipped } from '@petfriendly/omnichannel';
import { vaccinationDue } from '@petfriendly/vet-clinic';
import {
  appointmentBooked,
  appointmentCancelled,
  appointmentCompleted,
  appointmentConfirmed,
  appointmentRescheduled,
  appointmentsEvents,
} from './appointments.events';
import { appointmentsErrorMessages } from './appointments.messages';
import { appointmentsRoutes } from './appointments.routes';
import { appointmentsSettings } from './appointments.settings';
import { appointmentsTables } from './appointments.tables';
import { appointmentsTools } from './appointments.tools';
import { catalogRoutes } from './catalog.routes';
import { followThroughRoutes } from './follow-through.routes';
import { appointmentsMessages } from './i18n/index';
import { bookPages } from './pages/book.pages';
import { calendarPages } from './pages/calendar.pages';
import { calendarViewPages } from './pages/calendar-views.pages';
import { callPages } from './pages/calls.pages';
import { cataloguePages } from './pages/catalogue.pages';
import { frontDeskPages } from './pages/front-desk.pages';
import { myAppointmentsPages } from './pages/my.pages';
import { schedulePages } from './pages/schedule.pages';
import { teamPages } from './pages/team.pages';
import type { AppointmentsSockets } from './ports';
import { type AppointmentsNeeds, createAppointmentsServices } from './services';

export const appointmentsModule = defineModule({
  name: 'appointments',
  needs: {
    accounts: port<AppointmentsNeeds['accounts']>(),
    'vet-clinic': port<AppointmentsNeeds['vet-clinic']>(),
    omnichannel: port<AppointmentsNeeds['omnichannel']>(),
    multilingual: port<AppointmentsNeeds['multilingual']>(),
  },
  sockets: { servicePanels: [] } as AppointmentsSockets,
  tables: appointmentsTables,
  settings: { block: 'APPOINTMENTS', schema: appointmentsSettings },
  events: appointmentsEvents,
  i18n: appointmentsMessages,
  messages: appointmentsErrorMessages,
  nav: [
    { area: 'site', href: '/book', labelKey: 'appointments:nav.book', icon: 'calendar', audience: 'owner', order: 20 },
    { area: 'site', href: '/my/appointments', labelKey: 'appointments:nav.myAppointments', icon: 'calendar-days', audience: 'owner', order: 30 },
    { area: 'admin', href: '/admin/schedule', labelKey: 'appointments:nav.schedule', icon: 'calendar-days', audience: 'staff', order: 5 },
    { area: 'admin', href: '/admin/schedule/calls', labelKey: 'appointments:calls.nav', icon: 'phone', audience: 'staff', order: 7 },
    { area: 'admin', href: '/admin/waiting-room', labelKey: 'appointments:desk.waiting', icon: 'armchair', audience: 'staff', order: 6 },
    { area: 'admin', href: '/admin/team', labelKey: 'appointments:team.title', icon: 'alarm-clock', audience: 'staff', order: 50 },
    { area: 'admin', href: '/admin/catalogue', labelKey: 'appointments:catalogue.title', icon: 'clipboard-list', audience: 'staff', order: 51 },
  ],
  createServices: (ctx, deps, settings, sockets) => createAppointmentsServices(ctx, deps, settings, sockets),
  // Consumers run after the change commits, in their own transaction: notices go out from here.
  subscribe(events, s) {
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
    // The spec's appointment_reminder_due: raised whether the reminder reached the owner or not.
    events.on(reminderSent, 'appointments.reminder_due', async (p) => {
      if (p.relatedObjectType === 'appointment' && p.relatedObjectId) await s.followThrough.reminderOutcome(p.relatedObjectId, true);
    });
    events.on(reminderSkipped, 'appointments.reminder_skipped', async (p) => {
      if (p.relatedObjectType === 'appointment' && p.relatedObjectId) await s.followThrough.reminderOutcome(p.relatedObjectId, false);
    });
    events.on(appointmentConfirmed, 'appointments.confirmation_notice', (p) => s.followThrough.confirmationNotice(p.appointmentId));
    events.on(appointmentCompleted, 'appointments.visit_summary', (p) => s.followThrough.visitSummary(p.appointmentId, p.followUpDays));
    events.on(appointmentBooked, 'appointments.follow_up_booked', (p) => s.followThrough.followUpBooked(p));
  },
  // Managers can write to everyone booked on a day (a closure).
  fills: (s) => ({ omnichannel: { audiences: [s.followThrough.bookedOnAudience] } satisfies Partial<OmnichannelSockets> }),
  tools: appointmentsTools,
  routes: async (app, services, ctx, deps) => {
    await appointmentsRoutes(app, services);
    await followThroughRoutes(app, services);
    await callPages(app, services);
    await catalogRoutes(app, services);
    await calendarPages(app, services);
    await bookPages(app, services, deps['vet-clinic'], ctx);
    await myAppointmentsPages(app, services, ctx.clinic.TIME_ZONE);
    await schedulePages(app, services, deps.accounts, ctx);
    await calendarViewPages(app, services, deps.accounts, ctx);
    await frontDeskPages(app, services, deps.accounts, deps['vet-clinic'], ctx);
    await teamPages(app, services, deps.accounts);
    await cataloguePages(app, services, deps.accounts);
  },
});

export type { Appointment } from './appointment.service';
export { SERVICE, SERVICE_CATEGORY } from './appointment.service';
export * from './appointments.events';
export type {
  AppointmentsSockets,
  BillableAppointmentsPort,
  CataloguePort,
  ConsentAppointmentsPort,
  PriceListPort,
  ReportingSchedulePort,
  ServicePanel,
} from './ports';
export type { AppointmentsServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    appointments: import('./services').AppointmentsServices;
  }
}
