import type { ModuleContext } from '@petfriendly/core';
import { createProjectionService } from './projection.service';
import { createReportService, type ReportDeps } from './report.service';
import type { ReportsSettings } from './reports.settings';

export function createReportsServices(ctx: ModuleContext, deps: ReportDeps, settings: ReportsSettings) {
  const projection = createProjectionService(ctx);
  const reports = createReportService(ctx, deps, settings);
  return { projection, reports, settings };
}

export type ReportsServices = ReturnType<typeof createReportsServices>;
