import type { AccountsPort } from '@petfriendly/accounts';
import type { AppointmentsSockets, ConsentAppointmentsPort } from '@petfriendly/appointments';
import { defineModule, port } from '@petfriendly/core';
import type { PetsPort, RecordsPort, VetClinicSockets, VisitsPort } from '@petfriendly/vet-clinic';
import { consentEvents } from './consent.events';
import { consentErrorMessages } from './consent.messages';
import { consentRoutes } from './consent.routes';
import { consentSettings } from './consent.settings';
import { consentTables } from './consent.tables';
import { consentTools } from './consent.tools';
import { consentMessages } from './i18n/index';
import { consentPages } from './pages/consent.pages';
import { chartPanel, servicePanel } from './pages/panels';
import { signPages } from './pages/sign.pages';
import { templatePages } from './pages/templates.pages';
import { createConsentServices } from './services';

/**
 * Consent forms. A module of its own: it reads pets and visits from vet-clinic, owners from accounts and
 * appointments and services from appointments through their ports, keeps its own tables (templates, which
 * services need a consent, the consents and their revocations), and shows on the chart and the service page
 * through their sockets.
 */
export const consentModule = defineModule({
  name: 'consent',
  needs: {
    accounts: port<AccountsPort>(),
    'vet-clinic': port<PetsPort & RecordsPort & VisitsPort>(),
    appointments: port<ConsentAppointmentsPort>(),
  },
  tables: consentTables,
  settings: { block: 'CONSENT', schema: consentSettings },
  events: consentEvents,
  i18n: consentMessages,
  messages: consentErrorMessages,
  nav: [{ area: 'admin', href: '/admin/consents', labelKey: 'consent:nav.consents', icon: 'signature', audience: 'staff', order: 12 }],
  createServices: (ctx, deps, settings) => createConsentServices(ctx, deps, settings),
  fills: (s) => ({
    'vet-clinic': { chart: [chartPanel(s)] } satisfies Partial<VetClinicSockets>,
    appointments: { servicePanels: [servicePanel(s)] } satisfies Partial<AppointmentsSockets>,
  }),
  tools: consentTools,
  routes: async (app, s, ctx) => {
    await consentRoutes(app, s, ctx);
    await consentPages(app, s, ctx);
    await signPages(app, s);
    await templatePages(app, s);
  },
});

export * from './consent.events';
export type { ConsentKind, ConsentLanguage } from './consent.tables';
export type { ConsentServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    consent: import('./services').ConsentServices;
  }
}
