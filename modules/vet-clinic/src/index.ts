import type { AccountsPort } from '@petfriendly/accounts';
import { defineModule, port } from '@petfriendly/core';
import { vetClinicSockets } from './dashboard';
import { vetClinicMessages } from './i18n/index';
import { createVetClinicServices } from './services';
import { DEFAULT_PROTOCOLS } from './vaccination';
import { vetClinicEvents } from './vet-clinic.events';
import { vetClinicErrorMessages } from './vet-clinic.messages';
import { vetClinicPages } from './vet-clinic.pages';
import { vetClinicRoutes } from './vet-clinic.routes';
import { vetClinicSettings } from './vet-clinic.settings';
import { vaccineProtocols, vetClinicTables } from './vet-clinic.tables';
import { vetClinicTools } from './vet-clinic.tools';

export const vetClinicModule = defineModule({
  name: 'vet-clinic',
  needs: { accounts: port<AccountsPort>() },
  tables: vetClinicTables,
  settings: { block: 'VET_CLINIC', schema: vetClinicSettings },
  sockets: vetClinicSockets,
  events: vetClinicEvents,
  i18n: vetClinicMessages,
  messages: vetClinicErrorMessages,
  nav: [
    { area: 'site', href: '/my/pets', labelKey: 'vet-clinic:nav.myPets', icon: 'paw-print', audience: 'owner', order: 10 },
    { area: 'admin', href: '/admin', labelKey: 'vet-clinic:admin.home', icon: 'house', audience: 'staff', order: 0 },
    { area: 'admin', href: '/admin/search', labelKey: 'vet-clinic:nav.search', icon: 'search', audience: 'staff', order: 10 },
    { area: 'admin', href: '/admin/protocols', labelKey: 'vet-clinic:protocols.title', icon: 'syringe', audience: 'staff', order: 60 },
  ],
  createServices: (ctx, deps, settings, sockets) => createVetClinicServices(ctx, deps.accounts.directory, settings, sockets),
  /** The WSAVA defaults, added once; the clinic edits them afterwards. */
  onStart: async (_services, ctx) => {
    await ctx.db.insert(vaccineProtocols).values(DEFAULT_PROTOCOLS).onConflictDoNothing();
  },
  jobs: (services, _ctx, settings) => [
    {
      name: 'vet-clinic.vaccination-due-scan',
      cron: settings.VACCINATION_SCAN_CRON,
      handler: async () => {
        await services.records.announceDueVaccinations();
      },
    },
  ],
  tools: vetClinicTools,
  routes: async (app, services, ctx, deps) => {
    await vetClinicRoutes(app, services, ctx);
    await vetClinicPages(app, services, ctx, deps.accounts);
  },
});

export type { ChargeOption, ChargeState, ChargesSocket, ItemCharge } from './charges';
export type { ChartPanel, DashboardNotice, DashboardNotices, VetClinicSockets } from './dashboard';
export type { UserDirectory } from './directory';
export type { DeclinedFollowUp, FollowUpsSocket } from './follow-ups';
export type { Pet, PetLabel } from './pet.service';
export type { PetFacts } from './pet-facts';
export type { ChargeableItemsPort, PetFactsPort, PetImportPort, PetsPort, RecordsPort, VisitsPort } from './ports';
export type { VetClinicServices } from './services';
export { type NextDose, nextDoseFor, type VaccineProtocol } from './vaccination';
export * from './vet-clinic.events';
export * from './vet-clinic.schemas';
export type { ChargeableItem } from './visit-items.service';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    'vet-clinic': import('./services').VetClinicServices;
  }
}
