import { appointmentBooked } from '@petfriendly/appointments';
import { invoicePaid } from '@petfriendly/billing';
import { defineModule, on, port } from '@petfriendly/core';
import { customerCreated, marketingConsentChanged } from '@petfriendly/crm';
import { addressRejected, messageDelivered, messageFailed, messageReceived, messageSent } from '@petfriendly/omnichannel';
import { orderPaid } from '@petfriendly/store';
import { recommendationDeclined, type VetClinicSockets } from '@petfriendly/vet-clinic';
import { marketingMessages } from './i18n/index';
import { marketingErrorMessages } from './marketing.messages';
import { marketingRoutes } from './marketing.routes';
import { marketingSettings } from './marketing.settings';
import { marketingTables } from './marketing.tables';
import { marketingTools } from './marketing.tools';
import { marketingPages } from './pages/index';
import type { MarketingNeeds } from './ports';
import { createMarketingServices } from './services';

export const DISPATCH_JOB = 'marketing.dispatch';
export const SEQUENCES_JOB = 'marketing.sequences';

export const marketingModule = defineModule({
  name: 'marketing',
  needs: { crm: port<MarketingNeeds['crm']>(), omnichannel: port<MarketingNeeds['omnichannel']>(), 'vet-clinic': port<MarketingNeeds['vet-clinic']>() },
  tables: marketingTables,
  settings: { block: 'MARKETING', schema: marketingSettings },
  i18n: marketingMessages,
  messages: marketingErrorMessages,
  nav: [
    {
      area: 'admin',
      href: '/admin/marketing',
      labelKey: 'marketing:nav.campaigns',
      icon: 'megaphone',
      audience: 'staff',
      roles: ['manager', 'admin'],
      order: 34,
    },
  ],
  createServices: (ctx, deps, settings) => createMarketingServices(ctx, deps, settings),
  // The notification preferences page shows and sets the marketing consent kept here (in the CRM profile);
  // the chart shows how each declined service is being followed up.
  fills: (s) => ({
    omnichannel: { marketingConsent: s.consent.socket },
    'vet-clinic': { followUps: s.sequences.followUps } satisfies Partial<VetClinicSockets>,
  }),
  onStart: (s) => s.sequences.install(),
  subscribe(events, s) {
    // Consent's history and every way out (STOP/BAJA, bounces, complaints), from the beginning.
    events.consume(
      'marketing.consent',
      [on(marketingConsentChanged, s.consent.logConsent), on(messageReceived, s.consent.onMessageReceived), on(addressRejected, s.consent.onAddressRejected)],
      { from: 'start' },
    );
    events.consume('marketing.delivery', [
      on(messageSent, s.sending.onMessageSent),
      on(messageDelivered, s.sending.onMessageDelivered),
      on(messageFailed, s.sending.onMessageFailed),
    ]);
    events.consume('marketing.results', [
      on(appointmentBooked, s.sending.onAppointmentBooked),
      on(orderPaid, s.sending.onOrderPaid),
      on(invoicePaid, s.sending.onInvoicePaid),
    ]);
    events.on(customerCreated, 'marketing.welcome', s.sequences.onCustomerCreated);
    events.on(recommendationDeclined, 'marketing.declined_service', s.sequences.onRecommendationDeclined);
  },
  jobs: (s, _ctx, settings) => [
    {
      name: DISPATCH_JOB,
      cron: settings.DISPATCH_CRON,
      handler: async () => {
        await s.sending.dispatch();
      },
    },
    {
      name: SEQUENCES_JOB,
      cron: settings.SEQUENCES_CRON,
      handler: async () => {
        await s.sequences.enrolDue();
        await s.sequences.advance();
      },
    },
  ],
  tools: marketingTools,
  routes: async (app, s, ctx) => {
    await marketingRoutes(app, s);
    await marketingPages(app, s, ctx);
  },
});

export type { MarketingServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    marketing: import('./services').MarketingServices;
  }
}
