import type { WriterPort } from '@petfriendly/ai-assistant';
import type { PriceListPort } from '@petfriendly/appointments';
import type { ModuleContext } from '@petfriendly/core';
import type { CompetitiveIntelSettings } from './competitive-intel.settings';
import { createCompetitorService } from './competitor.service';
import { createInsightSummaries } from './insight-summary';
import { createInsightsService } from './insights.service';
import { createVisitorService } from './visitor.service';

/** The ports the market watch needs, by the module that provides each. */
export interface CompetitiveIntelNeeds {
  appointments: PriceListPort;
  'ai-assistant': WriterPort;
}

export function createCompetitiveIntelServices(ctx: ModuleContext, deps: CompetitiveIntelNeeds, settings: CompetitiveIntelSettings) {
  const visitors = createVisitorService(ctx, settings);
  // A change to competitors or prices: their ranges are read again and the insights recomputed.
  const changed = () => {
    visitors.rangesChanged();
    insights.invalidate();
  };
  const competitors = createCompetitorService(ctx, deps.appointments, settings, changed);
  const summaries = createInsightSummaries(ctx, deps['ai-assistant'], settings);
  const insights = createInsightsService(ctx, competitors, visitors, summaries, settings);
  return { competitors, visitors, insights, summaries, settings };
}

export type CompetitiveIntelServices = ReturnType<typeof createCompetitiveIntelServices>;
