import type { ModuleContext } from '@petfriendly/core';
import { createExportService } from './export.service';
import { createProjectionService } from './projection.service';
import { createReportService, type ReportDeps } from './report.service';
import type { ReportsSettings } from './reports.settings';

export function createReportsServices(ctx: ModuleContext, deps: ReportDeps, settings: ReportsSettings) {
  const projection = createProjectionService(ctx);
  const reports = createReportService(ctx, deps, settings);
  const exports = createExportService(ctx, reports);
  return { projection, reports, exports, settings };
}

export type ReportsServices = ReturnType<typeof createReportsServices>;
