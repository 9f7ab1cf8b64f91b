import { defineModule } from '@petfriendly/core';
import type { AccountsServices } from '@petfriendly/accounts';
import type { VetClinicServices } from '@petfriendly/vet-clinic';
import { appointmentsEvents } from './appointments.events';
import { appointmentsErrorMessages } from './appointments.messages';
import { appointmentsMessages } from './i18n/index';
import { bookPages } from './pages/book.pages';
import { calendarPages } from './pages/calendar.pages';
import { myAppointmentsPages } from './pages/my.pages';
import { schedulePages } from './pages/schedule.pages';
import { type AppointmentsSettings, appointmentsSettings } from './appointments.settings';
import { appointmentsRoutes } from './appointments.routes';
import { appointmentsTables } from './appointments.tables';
import { appointmentsTools } from './appointments.tools';
import { type AppointmentsServices, createAppointmentsServices } from './services';

export const appointmentsModule = defineModule<AppointmentsServices, AppointmentsSettings>({
  name: 'appointments',
  dependsOn: ['accounts', 'vet-clinic'],
  tables: appointmentsTables,
  settings: { block: 'APPOINTMENTS', schema: appointmentsSettings },
  events: appointmentsEvents,
  i18n: appointmentsMessages,
  messages: appointmentsErrorMessages,
  nav: [
    { area: 'site', href: '/book', labelKey: 'appointments:nav.book', icon: '📅', audience: 'owner', order: 20 },
    { area: 'site', href: '/my/appointments', labelKey: 'appointments:nav.myAppointments', icon: '🗓', audience: 'owner', order: 30 },
    { area: 'admin', href: '/admin/schedule', labelKey: 'appointments:nav.schedule', icon: '🗓', audience: 'staff', order: 5 },
  ],
  createServices: (ctx, deps, settings) => createAppointmentsServices(ctx, deps.accounts as AccountsServices, deps['vet-clinic'] as VetClinicServices, settings),
  tools: appointmentsTools,
  routes: async (app, services, ctx, deps) => {
    await appointmentsRoutes(app, services);
    await calendarPages(app, services);
    await bookPages(app, services, deps['vet-clinic'] as VetClinicServices, ctx);
    await myAppointmentsPages(app, services);
    await schedulePages(app, services, deps.accounts as AccountsServices, ctx);
  },
});

export * from './appointments.events';
export * from './appointments.tables';
export type { AppointmentsServices } from './services';
export type { Appointment } from './appointment.service';
