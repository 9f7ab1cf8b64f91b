import { defineModule } from '@petfriendly/core';
import { accountsEvents } from './accounts.events';
import { accountsErrorMessages } from './accounts.messages';
import { accountsPages } from './accounts.pages';
import { accountsRoutes } from './accounts.routes';
import { accountsTables } from './accounts.tables';
import { accountsMessages } from './i18n';
import { accountsSockets, createAccountsServices } from './services';

export const accountsModule = defineModule({
  name: 'accounts',
  tables: accountsTables,
  sockets: accountsSockets,
  events: accountsEvents,
  i18n: accountsMessages,
  messages: accountsErrorMessages,
  nav: [
    { area: 'site', href: '/account', labelKey: 'ui:nav.account', icon: 'user', audience: 'owner', order: 90 },
    { area: 'admin', href: '/admin/owners/new', labelKey: 'accounts:owners.new', icon: 'plus', audience: 'staff', order: 30 },
    { area: 'admin', href: '/account', labelKey: 'ui:nav.account', icon: 'user', audience: 'staff', order: 90 },
  ],
  createServices: (ctx, _deps, _settings, sockets) => createAccountsServices(ctx, sockets),
  routes: async (app, services, ctx) => {
    await accountsRoutes(app, services, ctx);
    await accountsPages(app, services, ctx);
  },
});

export * from './accounts.events';
export * from './accounts.schemas';
export { InvalidCredentialsError } from './identity.service';
export { IMPORTERS, type OwnerCheck, type OwnerImportResult, phoneKey } from './owner-import';
export type { AccountsImportPort, AccountsPort, AccountsSetupPort } from './ports';
export type { AccountsServices, AccountsSockets } from './services';
export type { User } from './users.service';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    accounts: import('./services').AccountsServices;
  }
}
