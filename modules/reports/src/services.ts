import type { ModuleContext } from '@petfriendly/core';
import type { MailerPort } from '@petfriendly/omnichannel';
import { createExportService } from './export.service';
import { createMailingService } from './mailing.service';
import { createProjectionService } from './projection.service';
import { createReportService, type ReportDeps } from './report.service';
import type { ReportsSettings } from './reports.settings';

export function createReportsServices(ctx: ModuleContext, deps: ReportDeps & { omnichannel: MailerPort }, settings: ReportsSettings) {
  const projection = createProjectionService(ctx);
  const reports = createReportService(ctx, deps, settings);
  const exports = createExportService(ctx, reports);
  const mailing = createMailingService(ctx, deps, reports, exports);
  return { projection, reports, exports, mailing, settings };
}

export type ReportsServices = ReturnType<typeof createReportsServices>;
