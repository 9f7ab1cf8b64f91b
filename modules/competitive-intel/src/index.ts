import type { AppointmentsSockets } from '@petfriendly/appointments';
import { defineModule, port } from '@petfriendly/core';
import { competitiveIntelErrorMessages } from './competitive-intel.messages';
import { competitiveIntelRoutes } from './competitive-intel.routes';
import { competitiveIntelSettings } from './competitive-intel.settings';
import { competitiveIntelTables } from './competitive-intel.tables';
import { competitiveIntelTools } from './competitive-intel.tools';
import { competitiveIntelMessages } from './i18n/index';
import { type SummaryRequest, WRITE_SUMMARY } from './insight-summary';
import { competitorPages } from './pages/competitors.pages';
import { pricePanel } from './pages/price-panel';
import { pricingPages } from './pages/pricing.pages';
import { type CompetitiveIntelNeeds, createCompetitiveIntelServices } from './services';

export const competitiveIntelModule = defineModule({
  name: 'competitive-intel',
  needs: { appointments: port<CompetitiveIntelNeeds['appointments']>(), 'ai-assistant': port<CompetitiveIntelNeeds['ai-assistant']>() },
  tables: competitiveIntelTables,
  settings: { block: 'COMPETITIVE_INTEL', schema: competitiveIntelSettings },
  i18n: competitiveIntelMessages,
  messages: competitiveIntelErrorMessages,
  nav: [
    {
      area: 'admin',
      href: '/admin/competitors',
      labelKey: 'competitive-intel:nav.competitors',
      icon: 'telescope',
      audience: 'staff',
      roles: ['manager', 'admin'],
      order: 66,
    },
    {
      area: 'admin',
      href: '/admin/competitors/pricing',
      labelKey: 'competitive-intel:nav.pricing',
      icon: 'tag',
      audience: 'staff',
      roles: ['manager', 'admin'],
      order: 67,
    },
  ],
  createServices: (ctx, deps, settings) => createCompetitiveIntelServices(ctx, deps, settings),
  // The market's prices beside a service's price where managers edit it.
  fills: (s) => ({ appointments: { servicePanels: [pricePanel(s)] } satisfies Partial<AppointmentsSockets> }),
  onResponse: (s) => s.visitors.observe,
  jobs: (s) => [
    { name: 'competitive-intel.purge_visits', cron: '40 3 * * *', handler: async () => void (await s.visitors.purge()) },
    { name: WRITE_SUMMARY, options: { retryLimit: 1, retryDelay: 300 }, handler: async (request: SummaryRequest) => s.summaries.write(request) },
  ],
  tools: competitiveIntelTools,
  routes: async (app, s) => {
    // Visits still waiting in memory are written when the server stops.
    app.addHook('onClose', async () => void (await s.visitors.flush()));
    await competitiveIntelRoutes(app, s);
    await competitorPages(app, s);
    await pricingPages(app, s);
  },
});

export type { CompetitiveIntelServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    'competitive-intel': import('./services').CompetitiveIntelServices;
  }
}
