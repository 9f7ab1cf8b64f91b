import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import type { CompetitiveIntelServices } from './services';

/** AI tools for managers; the services refuse everyone else, as on the pages. */
export function competitiveIntelTools(s: CompetitiveIntelServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'competitors_compare_pricing',
      description:
        "Managers, admins: our price of a service (its id, or leave it out for the services priced over or under the market) against competitors' latest prices, IVA included, in MXN.",
      input: z.object({ serviceTypeId: z.number().int().positive().optional() }),
      permission: 'staff',
      handler: async ({ serviceTypeId }, actor) => {
        if (serviceTypeId === undefined) return { outliers: await s.competitors.pricingOutliers(actor) };
        const { history: _, ...comparison } = await s.competitors.comparePricing(actor, serviceTypeId);
        return comparison;
      },
    }),
    defineTool({
      name: 'competitors_visits',
      description:
        'Managers, admins: which competitor read which pages of our website in the last days (from the IP ranges declared for them), and the insights.',
      input: z.object({ days: z.number().int().min(1).max(365).default(30) }),
      permission: 'staff',
      handler: async ({ days }, actor) => {
        const [visits, insights] = await Promise.all([s.visitors.getCompetitorVisits(actor, { days }), s.insights.getInsights(actor)]);
        return { visits: visits.slice(0, 100), summary: insights.summary, insights: insights.insights.map((i) => i.text) };
      },
    }),
  ];
}
