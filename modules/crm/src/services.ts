import type { ModuleContext } from '@petfriendly/core';
import { createChurnService } from './churn.service';
import type { CrmSettings } from './crm.settings';
import { createCustomerService } from './customer.service';
import { createInsightService } from './insights.service';
import type { CrmNeeds } from './ports';
import { createCrmPrivacy } from './privacy';
import { createProfileSync } from './profile-sync.service';
import { createSegmentService } from './segment.service';

export function createCrmServices(ctx: ModuleContext, deps: CrmNeeds, settings: CrmSettings) {
  const churn = createChurnService(ctx);
  const sync = createProfileSync(ctx, deps, settings, churn);
  // The search filters by segment, and segments list customers: the filter is looked up when used.
  const customers = createCustomerService(ctx, deps, (actor, segment) => segments.segmentFilter(actor, segment));
  const segments = createSegmentService(ctx, customers.today);
  const insights = createInsightService(ctx, settings, customers.today);
  return { sync, customers, segments, insights, churn, privacy: createCrmPrivacy(ctx) };
}

export type CrmServices = ReturnType<typeof createCrmServices>;
