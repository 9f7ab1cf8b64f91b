import { numberFormat } from '@petfriendly/core';
import type { PageContext } from '@petfriendly/ui';
import { Badge, Card, Empty, Form, ScrollRegion, Select } from '@petfriendly/ui';
import { IMPORT_KINDS, ROW_STATUSES } from '../data-import.tables';
import { FIELDS } from '../fields';
import type { Import, ImportService } from '../import.service';
import type { ReportLine } from '../report';

export type DryRun = Awaited<ReturnType<ImportService['dryRun']>>;
export type Detail = Awaited<ReturnType<ImportService['getImport']>>;

/** A count in the reader's way of writing numbers (5,000 / 5.000). */
const num = (ctx: PageContext, n: number) => numberFormat(ctx.lang === 'es' ? 'es-MX' : ctx.lang, {}).format(n);

const tone = { uploaded: 'info', queued: 'warn', running: 'warn', done: 'ok', undone: 'muted' } as const;

export function StatusBadge({ ctx, status }: { ctx: PageContext; status: Import['status'] }) {
  return <Badge tone={tone[status]}>{ctx.t(`data-import:status.${status}`)}</Badge>;
}

/** The file's lines per outcome, as counts. */
export function Counts({ ctx, counts }: { ctx: PageContext; counts: Partial<Record<string, number>> }) {
  const shown = ROW_STATUSES.filter((s) => (counts[s] ?? 0) > 0);
  return (
    <ul class="plain row">
      {shown.map((s) => (
        <li>
          {ctx.t(`data-import:counts.${s}`)}: <b>{num(ctx, counts[s] ?? 0)}</b>
        </li>
      ))}
    </ul>
  );
}

/** Our fields, each with a choice among the file's headers (or none). */
export function MappingForm({ ctx, imp }: { ctx: PageContext; imp: Import }) {
  const { t } = ctx;
  const options = [{ value: '', label: t('data-import:mapping.notImported') }, ...imp.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }))];
  const action = `/admin/imports/${imp.id}`;
  return (
    <Card title={t('data-import:mapping.title')}>
      <p>{t('data-import:mapping.intro', { total: num(ctx, imp.total), file: imp.fileName })}</p>
      <Form ctx={ctx} action={`${action}/mapping`} id="mapping">
        <div class="grid-2">
          {FIELDS[imp.kind].map((f) => (
            <Select
              name={`map.${f.name}`}
              label={`${t(`data-import:fields.${f.name}`)}${f.required ? ' *' : ''}`}
              options={options}
              value={imp.mapping[f.name] === undefined ? '' : String(imp.mapping[f.name])}
            />
          ))}
        </div>
        <div class="row">
          <button type="submit" name="next" value="save" class="secondary">
            {t('data-import:mapping.save')}
          </button>
          <button type="submit" name="next" value="dry-run">
            {t('data-import:dryRun.button')}
          </button>
        </div>
      </Form>
    </Card>
  );
}

/** What a dry run found: counts, the first lines it would create, the first problems. */
export function DryRunResult({ ctx, imp, result, problems }: { ctx: PageContext; imp: Import; result: DryRun; problems: readonly ReportLine[] }) {
  const { t } = ctx;
  const fields = FIELDS[imp.kind].filter((f) => imp.mapping[f.name] !== undefined);
  return (
    <Card title={t('data-import:dryRun.title')}>
      <ul class="plain row" id="dry-run-counts">
        <li>
          {t('data-import:dryRun.wouldCreate')}: <b>{num(ctx, result.counts.created)}</b>
        </li>
        <li>
          {t('data-import:counts.duplicate')}: <b>{num(ctx, result.counts.duplicate)}</b>
        </li>
        <li>
          {t('data-import:counts.failed')}: <b>{num(ctx, result.counts.failed)}</b>
        </li>
      </ul>
      <h3>{t('data-import:dryRun.firstRows')}</h3>
      {result.toCreate.length === 0 ? (
        <Empty>{t('data-import:dryRun.none')}</Empty>
      ) : (
        <ScrollRegion label={t('data-import:dryRun.firstRows')}>
          <table class="data">
            <thead>
              <tr>
                <th class="num">{t('data-import:report.line')}</th>
                {fields.map((f) => (
                  <th>{t(`data-import:fields.${f.name}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.toCreate.map((r) => (
                <tr>
                  <td data-label={t('data-import:report.line')} class="num">
                    {r.line}
                  </td>
                  {fields.map((f) => (
                    <td data-label={t(`data-import:fields.${f.name}`)}>{r.values[f.name]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <h3>{t('data-import:dryRun.problems')}</h3>
      {problems.length === 0 ? <Empty>{t('data-import:dryRun.none')}</Empty> : <ReportTable ctx={ctx} lines={problems} />}
    </Card>
  );
}

/** The report's lines: line number, outcome, column and message. */
export function ReportTable({ ctx, lines }: { ctx: PageContext; lines: readonly ReportLine[] }) {
  const { t } = ctx;
  return (
    <ScrollRegion label={t('data-import:report.title')}>
      <table class="data" id="report">
        <thead>
          <tr>
            <th class="num">{t('data-import:report.line')}</th>
            <th>{t('data-import:report.status')}</th>
            <th>{t('data-import:report.column')}</th>
            <th>{t('data-import:report.message')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr>
              <td data-label={t('data-import:report.line')} class="num">
                {l.line}
              </td>
              <td data-label={t('data-import:report.status')}>{l.status}</td>
              <td data-label={t('data-import:report.column')}>{l.column}</td>
              <td data-label={t('data-import:report.message')}>{l.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A running import's progress; htmx asks again every two seconds and reloads the page when it has finished. */
export function Progress({ ctx, imp }: { ctx: PageContext; imp: Import }) {
  const label = ctx.t('data-import:run.progress', { processed: num(ctx, imp.processed), total: num(ctx, imp.total) });
  return (
    <div id="progress" data-hx-get={`/admin/imports/${imp.id}/progress`} data-hx-trigger="every 2s" data-hx-swap="outerHTML">
      <p>{ctx.t('data-import:run.queued')}</p>
      <progress max={String(imp.total)} value={String(imp.processed)} aria-label={label}>
        {label}
      </progress>
      <p>{label}</p>
    </div>
  );
}

export function UploadForm({ ctx, kind }: { ctx: PageContext; kind?: string }) {
  const { t } = ctx;
  return (
    <Card title={t('data-import:upload.title')}>
      <p class="meta">{t('data-import:upload.order')}</p>
      <Form ctx={ctx} action="/admin/imports" multipart>
        <Select
          name="kind"
          label={t('data-import:upload.kind')}
          value={kind ?? 'owners'}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`data-import:kinds.${k}`) }))}
        />
        <div class="field">
          <label for="f-file">{t('data-import:upload.file')}</label>
          <input id="f-file" type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </div>
        <button type="submit">{t('data-import:upload.submit')}</button>
      </Form>
    </Card>
  );
}
