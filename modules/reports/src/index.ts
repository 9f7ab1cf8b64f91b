import type { AccountsPort } from '@petfriendly/accounts';
import {
  appointmentBooked,
  appointmentCancelled,
  appointmentCompleted,
  appointmentNoShow,
  appointmentRescheduled,
  type ReportingSchedulePort,
} from '@petfriendly/appointments';
import { invoiceCancelled, invoiceDiscounted, invoiceIssued, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { defineModule, on, port } from '@petfriendly/core';
import type { MailerPort } from '@petfriendly/omnichannel';
import { type StoreReportingPort, stockMoved, stockReceived } from '@petfriendly/store';
import { petCreated, vaccinationGiven, visitCreated } from '@petfriendly/vet-clinic';
import { reportsMessages } from './i18n/index';
import { reportsPages } from './pages/index';
import { reportsErrorMessages } from './reports.messages';
import { reportsRoutes } from './reports.routes';
import { reportsSettings } from './reports.settings';
import { reportsTables } from './reports.tables';
import { reportsTools } from './reports.tools';
import { createReportsServices } from './services';

/** The consumer that keeps the daily figures: the business's events, once, in commit order, from the first. */
export const FIGURES_CONSUMER = 'reports.figures';
/** The Monday mail to managers. */
export const WEEKLY_SUMMARY = 'reports.weekly-summary';

export const reportsModule = defineModule({
  name: 'reports',
  needs: {
    accounts: port<AccountsPort>(),
    appointments: port<ReportingSchedulePort>(),
    store: port<StoreReportingPort>(),
    omnichannel: port<MailerPort>(),
  },
  tables: reportsTables,
  settings: { block: 'REPORTS', schema: reportsSettings },
  i18n: reportsMessages,
  messages: reportsErrorMessages,
  nav: [
    {
      area: 'admin',
      href: '/admin/dashboard',
      labelKey: 'reports:nav.dashboard',
      icon: 'chart-column',
      audience: 'staff',
      roles: ['manager', 'admin'],
      order: 5,
    },
  ],
  createServices: (ctx, deps, settings) => createReportsServices(ctx, deps, settings),
  subscribe(events, s) {
    const p = s.projection;
    events.consume(
      FIGURES_CONSUMER,
      [
        on(appointmentBooked, p.onAppointmentBooked),
        on(appointmentCompleted, p.onAppointmentCompleted),
        on(appointmentCancelled, p.onAppointmentCancelled),
        on(appointmentNoShow, p.onAppointmentNoShow),
        on(appointmentRescheduled, p.onAppointmentRescheduled),
        on(invoiceIssued, p.onInvoiceIssued),
        on(invoiceDiscounted, p.onInvoiceDiscounted),
        on(invoiceCancelled, p.onInvoiceCancelled),
        on(paymentReceived, p.onPaymentReceived),
        on(paymentRefunded, p.onPaymentRefunded),
        on(petCreated, p.onPetCreated),
        on(visitCreated, p.onVisitCreated),
        on(vaccinationGiven, p.onVaccinationGiven),
        on(stockReceived, p.onStockReceived),
        on(stockMoved, p.onStockMoved),
      ],
      { from: 'start', strict: true },
    );
  },
  jobs: (s) => [{ name: WEEKLY_SUMMARY, cron: s.settings.WEEKLY_CRON, handler: async () => void (await s.mailing.sendWeeklySummary()) }],
  tools: reportsTools,
  routes: async (app, s) => {
    await reportsRoutes(app, s);
    await reportsPages(app, s);
  },
});

export { REPORT_READERS } from './report.service';
export type { Dashboard } from './reports.schemas';
export type { ReportsServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    reports: import('./services').ReportsServices;
  }
}
