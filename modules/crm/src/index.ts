import { ownerCreated, ownerUpdated } from '@petfriendly/accounts';
import { appointmentCompleted } from '@petfriendly/appointments';
import { invoicePaid, paymentReceived, paymentRefunded } from '@petfriendly/billing';
import { defineModule, on, port } from '@petfriendly/core';
import { messageReceived, messageSent } from '@petfriendly/omnichannel';
import { orderPaid } from '@petfriendly/store';
import { petCreated, petUpdated, vaccinationGiven, visitCreated } from '@petfriendly/vet-clinic';
import { crmEvents } from './crm.events';
import { crmErrorMessages } from './crm.messages';
import { crmRoutes } from './crm.routes';
import { crmSettings } from './crm.settings';
import { crmTables } from './crm.tables';
import { crmTools } from './crm.tools';
import { crmMessages } from './i18n/index';
import { crmPages } from './pages/index';
import type { CrmNeeds } from './ports';
import { createCrmServices } from './services';

/** The consumer that keeps the profiles: owners, pets, visits, money, orders and messages, from the first event. */
export const PROFILES_CONSUMER = 'crm.profiles';
export const NIGHTLY_JOB = 'crm.nightly';
const FRONT_OFFICE = ['receptionist', 'manager', 'admin'] as const;

export const crmModule = defineModule({
  name: 'crm',
  needs: { accounts: port<CrmNeeds['accounts']>(), 'vet-clinic': port<CrmNeeds['vet-clinic']>() },
  tables: crmTables,
  settings: { block: 'CRM', schema: crmSettings },
  events: crmEvents,
  i18n: crmMessages,
  messages: crmErrorMessages,
  nav: [
    { area: 'admin', href: '/admin/customers', labelKey: 'crm:nav.customers', icon: 'handshake', audience: 'staff', roles: FRONT_OFFICE, order: 31 },
    { area: 'admin', href: '/admin/customers/follow-ups', labelKey: 'crm:nav.followUps', icon: 'pin', audience: 'staff', roles: FRONT_OFFICE, order: 32 },
    { area: 'admin', href: '/admin/segments', labelKey: 'crm:nav.segments', icon: 'target', audience: 'staff', roles: FRONT_OFFICE, order: 33 },
  ],
  createServices: (ctx, deps, settings) => createCrmServices(ctx, deps, settings),
  subscribe(events, s) {
    const sync = s.sync;
    const pet = (p: { petId: number; ownerId: string }, e: Parameters<typeof sync.refreshPet>[0]) => sync.refreshPet(e, p.petId, p.ownerId);
    events.consume(
      PROFILES_CONSUMER,
      [
        on(ownerCreated, sync.onOwnerChanged),
        on(ownerUpdated, sync.onOwnerChanged),
        on(petCreated, pet),
        on(petUpdated, pet),
        on(visitCreated, sync.onVisitCreated),
        on(vaccinationGiven, pet),
        on(appointmentCompleted, sync.onAppointmentCompleted),
        on(paymentReceived, sync.onPaymentReceived),
        on(paymentRefunded, sync.onPaymentRefunded),
        on(invoicePaid, sync.onInvoicePaid),
        on(orderPaid, sync.onOrderPaid),
        on(messageReceived, sync.onMessageReceived),
        on(messageSent, sync.onMessageSent),
      ],
      { from: 'start' },
    );
  },
  jobs: (s, _ctx, settings) => [
    {
      name: NIGHTLY_JOB,
      cron: settings.NIGHTLY_CRON,
      handler: async () => {
        await s.churn.scoreAll();
        await s.segments.recountDynamic();
      },
    },
  ],
  tools: crmTools,
  routes: async (app, s) => {
    await crmRoutes(app, s);
    await crmPages(app, s);
  },
});

export * from './crm.events';
export type { CrmPort } from './ports';
export type { RuleGroup } from './segments/rules';
export type { CrmServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    crm: import('./services').CrmServices;
  }
}
