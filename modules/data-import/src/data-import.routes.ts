import { type HttpApp, idParams, type ModuleContext, ValidationError } from '@petfriendly/core';
import { z } from 'zod';
import { dryRunOut, importDetailOut, importOut, mappingSchema, undoOut, uploadQuery } from './data-import.schemas';
import { reportCsv, reportLines } from './report';
import type { DataImportServices } from './services';

const tags = ['data-import'];

/** `/api/v1/imports`: a file in, its columns mapped, a dry run, the run, the report and undo (managers and admins). */
export async function dataImportRoutes(app: HttpApp, s: DataImportServices, _ctx: ModuleContext) {
  const base = '/api/v1/imports';
  const i = s.imports;
  app.get(base, { schema: { tags, summary: 'The latest imports', response: { 200: z.array(importOut) } } }, (req) => i.listImports(req.actor));
  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file (multipart field "file"); the columns are guessed from its headers',
        querystring: uploadQuery,
        consumes: ['multipart/form-data'],
        response: { 201: importOut },
      },
    },
    async (req, reply) => {
      const file = await (req as unknown as { file(): Promise<{ toBuffer(): Promise<Buffer>; filename: string } | undefined> }).file();
      if (!file) throw ValidationError.forField('data_import.file_missing', 'file', 'Attach the file as the multipart field "file".');
      const bytes = new Uint8Array(await file.toBuffer());
      return reply.status(201).send(await i.upload(req.actor, { kind: req.query.kind, fileName: file.filename || req.query.fileName, bytes }));
    },
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: 'An import, its mapping, progress and the count of lines per outcome', params: idParams, response: { 200: importDetailOut } } },
    (req) => i.getImport(req.actor, req.params.id),
  );
  app.put(
    `${base}/:id/mapping`,
    { schema: { tags, summary: "Choose the file's column for each field", params: idParams, body: mappingSchema, response: { 200: importOut } } },
    (req) => i.setMapping(req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/dry-run`,
    { schema: { tags, summary: 'What the import would create, without writing anything', params: idParams, response: { 200: dryRunOut } } },
    (req) => i.dryRun(req.actor, req.params.id),
  );
  app.post(
    `${base}/:id/run`,
    { schema: { tags, summary: 'Run the import (large files on the job queue)', params: idParams, response: { 200: importOut } } },
    (req) => i.start(req.actor, req.params.id),
  );
  app.post(
    `${base}/:id/undo`,
    { schema: { tags, summary: 'Remove what the import created, keeping what has been used since', params: idParams, response: { 200: undoOut } } },
    (req) => i.undo(req.actor, req.params.id),
  );
  // The report for people: a page's link (cookie) or the API (token).
  app.get('/admin/imports/:id/report.csv', { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const { import: imp, rows } = await i.problemRows(req.actor, req.params.id);
    const csv = reportCsv(reportLines(imp, rows, req.t), req.t);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="import-${imp.id}-report.csv"`).send(csv);
  });
}
