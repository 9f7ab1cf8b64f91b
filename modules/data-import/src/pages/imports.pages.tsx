import { IMPORTERS } from '@petfriendly/accounts';
import { type HttpApp, idParams, type ModuleContext, requireStaff } from '@petfriendly/core';
import { Card, Empty, Form, FormErrorSummary, flash, formErrors, Layout, nestForm, pageContext, redirect, ScrollRegion, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { reportLines } from '../report';
import type { DataImportServices } from '../services';
import { Counts, type DryRun, DryRunResult, MappingForm, Progress, ReportTable, StatusBadge, UploadForm } from './import.views';

/** Lines of the report shown on the page; the CSV has them all. */
const REPORT_SHOWN = 100;

/** Managers and admins bring a file in: upload, map its columns, dry run, import, read the report, undo. */
export async function importPages(app: HttpApp, s: DataImportServices, _ctx: ModuleContext) {
  const i = s.imports;

  async function listPage(req: FastifyRequest, reply: FastifyReply, problem?: { message: string; kind?: string }) {
    requireStaff(req.actor, IMPORTERS);
    const page = pageContext(req, reply);
    const { t } = page;
    const all = await i.listImports(req.actor);
    return sendPage(
      reply,
      <Layout ctx={page} title={t('data-import:title')} description={t('data-import:description')} area="admin">
        <h1>{t('data-import:title')}</h1>
        <p>{t('data-import:description')}</p>
        <FormErrorSummary message={problem?.message} />
        <div class="grid-2">
          <UploadForm ctx={page} kind={problem?.kind} />
          <Card title={t('data-import:list.title')}>
            {all.length === 0 ? (
              <Empty>{t('data-import:list.none')}</Empty>
            ) : (
              <ScrollRegion label={t('data-import:list.title')}>
                <table class="data">
                  <thead>
                    <tr>
                      <th>{t('data-import:list.file')}</th>
                      <th>{t('data-import:list.kind')}</th>
                      <th>{t('data-import:list.date')}</th>
                      <th>{t('data-import:list.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {all.map((imp) => (
                      <tr>
                        <td data-label={t('data-import:list.file')}>
                          <a href={`/admin/imports/${imp.id}`}>{imp.fileName}</a>
                        </td>
                        <td data-label={t('data-import:list.kind')}>{t(`data-import:kinds.${imp.kind}`)}</td>
                        <td data-label={t('data-import:list.date')}>{page.fmt.dateTime(imp.createdAt)}</td>
                        <td data-label={t('data-import:list.status')}>
                          <StatusBadge ctx={page} status={imp.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </Card>
        </div>
      </Layout>,
      problem ? 422 : 200,
    );
  }

  async function importPage(req: FastifyRequest, reply: FastifyReply, id: number, extra: { dryRun?: DryRun; message?: string } = {}, status = 200) {
    const page = pageContext(req, reply);
    const { t } = page;
    const imp = await i.getImport(req.actor, id);
    const report = imp.status === 'done' || imp.status === 'undone' ? await i.problemRows(req.actor, imp.id, REPORT_SHOWN) : null;
    const lines = report ? reportLines(imp, report.rows, t) : [];
    const title = `${t(`data-import:kinds.${imp.kind}`)}: ${imp.fileName}`;
    return sendPage(
      reply,
      <Layout ctx={page} title={title} description={t('data-import:description')} area="admin">
        <p>
          <a href="/admin/imports">← {t('data-import:title')}</a>
        </p>
        <h1>{title}</h1>
        <p>
          <StatusBadge ctx={page} status={imp.status} />
        </p>
        <FormErrorSummary message={extra.message} />
        {imp.status === 'uploaded' ? (
          <>
            <MappingForm ctx={page} imp={imp} />
            {extra.dryRun ? <DryRunResult ctx={page} imp={imp} result={extra.dryRun} problems={reportLines(imp, extra.dryRun.problems, t)} /> : null}
            <Form ctx={page} action={`/admin/imports/${imp.id}/run`}>
              <button type="submit">{t('data-import:run.button')}</button>
            </Form>
          </>
        ) : null}
        {imp.status === 'queued' || imp.status === 'running' ? <Progress ctx={page} imp={imp} /> : null}
        {report ? (
          <Card title={t('data-import:report.title')}>
            <Counts ctx={page} counts={imp.counts} />
            {lines.length === 0 ? <Empty>{t('data-import:report.none')}</Empty> : <ReportTable ctx={page} lines={lines} />}
            {report.rows.length >= REPORT_SHOWN ? <p class="meta">{t('data-import:report.more', { shown: REPORT_SHOWN })}</p> : null}
            <p>
              <a href={`/admin/imports/${imp.id}/report.csv`} download>
                {t('data-import:report.download')}
              </a>
            </p>
          </Card>
        ) : null}
        {imp.status === 'done' ? (
          <Card title={t('data-import:undo.title')}>
            <p>{t('data-import:undo.intro')}</p>
            <Form ctx={page} action={`/admin/imports/${imp.id}/undo`}>
              <button type="submit" class="danger">
                {t('data-import:undo.button')}
              </button>
            </Form>
          </Card>
        ) : null}
      </Layout>,
      status,
    );
  }

  app.get('/admin/imports', (req, reply) => listPage(req, reply));
  app.post('/admin/imports', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, string>;
    const file = req.uploads?.file;
    try {
      const imp = await i.upload(req.actor, { kind: body.kind, fileName: file?.filename ?? '', bytes: file ? new Uint8Array(file.bytes) : new Uint8Array() });
      return redirect(reply, `/admin/imports/${imp.id}`);
    } catch (error) {
      return listPage(req, reply, { message: formErrors(error, req.t).message, kind: body.kind });
    }
  });
  app.get('/admin/imports/:id', { schema: { params: idParams } }, (req, reply) => importPage(req, reply, req.params.id));
  app.get('/admin/imports/:id/progress', { schema: { params: idParams } }, async (req, reply) => {
    const imp = await i.getImport(req.actor, req.params.id);
    if (imp.status !== 'queued' && imp.status !== 'running') return reply.header('hx-refresh', 'true').status(204).send();
    return sendPage(reply, <Progress ctx={pageContext(req, reply)} imp={imp} />);
  });
  app.post('/admin/imports/:id/mapping', { schema: { params: idParams } }, async (req, reply) => {
    const form = nestForm(req.body) as { map?: Record<string, string>; next?: string };
    const mapping = Object.fromEntries(Object.entries(form.map ?? {}).map(([field, column]) => [field, column === '' ? null : column]));
    try {
      await i.setMapping(req.actor, req.params.id, mapping);
      if (form.next !== 'dry-run') {
        flash(reply, 'success', req.t('data-import:mapping.saved'));
        return redirect(reply, `/admin/imports/${req.params.id}`);
      }
      return importPage(req, reply, req.params.id, { dryRun: await i.dryRun(req.actor, req.params.id) });
    } catch (error) {
      return importPage(req, reply, req.params.id, { message: formErrors(error, req.t).message }, 422);
    }
  });
  app.post('/admin/imports/:id/run', { schema: { params: idParams } }, async (req, reply) => {
    try {
      const imp = await i.start(req.actor, req.params.id);
      if (imp.status === 'done') flash(reply, 'success', req.t('data-import:run.started'));
      return redirect(reply, `/admin/imports/${imp.id}`);
    } catch (error) {
      return importPage(req, reply, req.params.id, { message: formErrors(error, req.t).message }, 422);
    }
  });
  app.post('/admin/imports/:id/undo', { schema: { params: idParams } }, async (req, reply) => {
    try {
      const result = await i.undo(req.actor, req.params.id);
      flash(reply, 'success', req.t('data-import:undo.done', { removed: result.removed, kept: result.kept.length }));
      return redirect(reply, `/admin/imports/${req.params.id}`);
    } catch (error) {
      return importPage(req, reply, req.params.id, { message: formErrors(error, req.t).message }, 422);
    }
  });
}
