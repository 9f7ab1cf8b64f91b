import { defineModule, type OwnerPrivacyPort, port } from '@petfriendly/core';
import { privacyMessages } from './i18n/index';
import { adminPrivacyPages } from './pages/admin.pages';
import { ownerPrivacyPages } from './pages/owner.pages';
import { privacyErrorMessages } from './privacy.messages';
import { privacyRoutes } from './privacy.routes';
import type { PrivacyNeeds } from './privacy.service';
import { privacyTables } from './privacy.tables';
import { createPrivacyServices } from './services';

/**
 * ARCO rights under the LFPDPPP. Its own module because it asks every module that keeps an owner's
 * data for its part (their `privacy` port) and so sits above all of them; accounts, which they all need,
 * could not. Its table records each request and its answer, the clinic's proof it complied.
 */
export const privacyModule = defineModule({
  name: 'privacy',
  needs: {
    accounts: port<PrivacyNeeds['accounts']>(),
    'vet-clinic': port<OwnerPrivacyPort>(),
    appointments: port<OwnerPrivacyPort>(),
    billing: port<OwnerPrivacyPort>(),
    store: port<OwnerPrivacyPort>(),
    omnichannel: port<OwnerPrivacyPort>(),
    marketing: port<OwnerPrivacyPort>(),
    crm: port<OwnerPrivacyPort>(),
    loyalty: port<OwnerPrivacyPort>(),
    consent: port<OwnerPrivacyPort>(),
  },
  tables: privacyTables,
  i18n: privacyMessages,
  messages: privacyErrorMessages,
  nav: [
    { area: 'site', href: '/account/privacy', labelKey: 'privacy:nav.mine', icon: 'user', audience: 'owner', order: 92 },
    { area: 'admin', href: '/admin/privacy', labelKey: 'privacy:nav.admin', icon: 'inbox', audience: 'staff', order: 94 },
  ],
  createServices: (ctx, deps) => createPrivacyServices(ctx, deps),
  routes: async (app, s) => {
    await privacyRoutes(app, s);
    await ownerPrivacyPages(app, s);
    await adminPrivacyPages(app, s);
  },
});

export type { PrivacyServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    privacy: import('./services').PrivacyServices;
  }
}
