import { type HttpApp, idParams, requireStaff } from '@petfriendly/core';
import { Badge, Card, Empty, Form, flash, Layout, pageContext, redirect, sendPage } from '@petfriendly/ui';
import { sendZip } from './export.routes';
import type { ExportService } from './export.service';

const TONES = { queued: 'muted', running: 'info', done: 'ok', failed: 'danger' } as const;

/** The admin's "take our data out": start an export, watch it run, download the ZIP. */
export async function exportPages(app: HttpApp, s: ExportService) {
  app.get('/admin/export', async (req, reply) => {
    requireStaff(req.actor, ['admin']);
    const exports = await s.list(req.actor);
    const page = pageContext(req, reply);
    const { t, fmt } = page;
    const busy = exports.some((e) => e.status === 'queued' || e.status === 'running');
    return sendPage(
      reply,
      <Layout ctx={page} title={t('backup:export.title')} description={t('backup:export.help')} area="admin">
        <h1>{t('backup:export.title')}</h1>
        <p class="meta">{t('backup:export.help')}</p>
        <Form ctx={page} action="/admin/export">
          <button type="submit" disabled={busy}>
            {t('backup:export.start')}
          </button>
        </Form>
        <div
          id="exports"
          {...(busy ? { 'data-hx-get': '/admin/export', 'data-hx-trigger': 'every 3s', 'data-hx-select': '#exports', 'data-hx-swap': 'outerHTML' } : {})}
        >
          <Card title={t('backup:export.list')}>
            {exports.length === 0 ? <Empty>{t('backup:export.none')}</Empty> : null}
            <ul class="list">
              {exports.map((e) => (
                <li data-testid="export">
                  <span class="grow">
                    <b>{fmt.dateTime(e.requestedAt)}</b> <Badge tone={TONES[e.status]}>{t(`backup:export.status.${e.status}`)}</Badge>
                    <br />
                    <span class="meta">
                      {e.status === 'done'
                        ? t('backup:export.summary', { tables: e.tables ?? 0, files: e.files ?? 0, size: megabytes(e.bytes ?? 0) })
                        : (e.error ?? '')}
                    </span>
                  </span>
                  {e.status === 'done' ? (
                    <a class="btn-small" href={`/admin/export/${e.id}/download`} download>
                      {t('backup:export.download')}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </Layout>,
    );
  });

  app.post('/admin/export', async (req, reply) => {
    await s.request(req.actor);
    flash(reply, 'success', req.t('backup:export.started'));
    return redirect(reply, '/admin/export');
  });

  app.get('/admin/export/:id/download', { schema: { params: idParams } }, async (req, reply) => sendZip(reply, await s.file(req.actor, req.params.id)));
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
