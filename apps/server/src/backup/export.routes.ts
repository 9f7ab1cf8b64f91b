import { createReadStream } from 'node:fs';
import { fileResponse, type HttpApp, idParams } from '@petfriendly/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ExportService } from './export.service';

const tags = ['backup'];

export const clinicExportOut = z.object({
  id: z.number().int(),
  requestedBy: z.string().uuid(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  requestedAt: z.date(),
  finishedAt: z.date().nullable(),
  bytes: z.number().int().nullable(),
  tables: z.number().int().nullable(),
  files: z.number().int().nullable(),
  error: z.string().nullable(),
});

/** `/api/v1/exports`: admins take the clinic's whole data out (CSV per table, the files, a SQL dump). */
export async function exportRoutes(app: HttpApp, s: ExportService) {
  app.post(
    '/api/v1/exports',
    { schema: { tags, summary: "Admins: start an export of the clinic's data (a job; one at a time)", response: { 202: clinicExportOut } } },
    async (req, reply) => reply.status(202).send(await s.request(req.actor)),
  );
  app.get(
    '/api/v1/exports',
    { schema: { tags, summary: 'Admins: the last exports and how they ended', response: { 200: z.array(clinicExportOut) } } },
    async (req) => s.list(req.actor),
  );
  app.get(
    '/api/v1/exports/:id/file',
    {
      schema: {
        tags,
        summary: 'Admins: a finished export as a ZIP (tables/SCHEMA/TABLE.csv, files/, database.sql, manifest.json)',
        params: idParams,
        response: { 200: fileResponse('The export', 'application/zip') },
      },
    },
    async (req, reply) => sendZip(reply, await s.file(req.actor, req.params.id)),
  );
}

export const sendZip = (reply: FastifyReply, file: { path: string; name: string }) =>
  reply.type('application/zip').header('content-disposition', `attachment; filename="${file.name}"`).send(createReadStream(file.path));
