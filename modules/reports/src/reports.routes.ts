import { fileResponse, type HttpApp } from '@petfriendly/core';
import { dashboardOut, exportParams, reportQuerySchema } from './reports.schemas';
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
  app.get(
    `${base}/dashboard/export/:format`,
    {
      schema: {
        tags,
        summary: 'The dashboard as a file: CSV, XLSX or PDF, with the same filters',
        params: exportParams,
        querystring: reportQuerySchema,
        response: {
          200: fileResponse('The report as a file', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/pdf'),
        },
      },
    },
    async (req, reply) => {
      const file = await s.exports.exportDashboard(req.actor, req.params.format, req.query);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    },
  );
}
