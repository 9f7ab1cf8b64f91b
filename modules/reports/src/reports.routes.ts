import type { HttpApp } from '@petfriendly/core';
import { dashboardOut, reportQuerySchema } from './reports.schemas';
import type { ReportsServices } from './services';

const tags = ['reports'];

/** `/api/v1/reports`: managers and admins (the service checks). */
export async function reportsRoutes(app: HttpApp, s: ReportsServices) {
  const base = '/api/v1/reports';
  app.get(
    `${base}/dashboard`,
    {
      schema: {
        tags,
        summary: "The manager's figures for a period (today, week, month, custom), against the period before and the same days a year before",
        querystring: reportQuerySchema,
        response: { 200: dashboardOut },
      },
    },
    (req) => s.reports.dashboard(req.actor, req.query),
  );
}
