import type { AccountsSetupPort } from '@petfriendly/accounts';
import type { CataloguePort } from '@petfriendly/appointments';
import type { IssuerPort } from '@petfriendly/billing';
import { defineModule, port } from '@petfriendly/core';
import type { StoreCategoriesPort } from '@petfriendly/store';
import type { PetsPort, VetClinicSockets } from '@petfriendly/vet-clinic';
import { setupMessages } from './i18n/index';
import { setupPages } from './pages/setup.pages';
import { setupErrorMessages } from './setup.messages';
import { setupRoutes } from './setup.routes';
import { createSetupService } from './setup.service';
import { setupTables } from './setup.tables';

export const setupModule = defineModule({
  name: 'setup',
  needs: {
    accounts: port<AccountsSetupPort>(),
    appointments: port<CataloguePort>(),
    store: port<StoreCategoriesPort>(),
    billing: port<IssuerPort>(),
    'vet-clinic': port<PetsPort>(),
  },
  tables: setupTables,
  i18n: setupMessages,
  messages: setupErrorMessages,
  createServices: (ctx, deps) => ({ setup: createSetupService(ctx, deps) }),
  // The staff dashboard shows an admin what setup still misses.
  fills: (s) => ({ 'vet-clinic': { dashboard: [s.setup.notices] } satisfies Partial<VetClinicSockets> }),
  routes: async (app, services, _ctx, deps) => {
    await setupRoutes(app, services.setup);
    await setupPages(app, services.setup, deps);
  },
});

export type SetupServices = { setup: ReturnType<typeof createSetupService> };
export { SETUP_STEPS, type SetupStep } from './setup.tables';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    setup: SetupServices;
  }
}
