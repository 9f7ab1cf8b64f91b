import { type Actor, formatMoney, type ModuleContext } from '@petfriendly/core';
import { toCsv, toPdf, toXlsx } from './export-formats';
import type { ReportService } from './report.service';
import { reportTables } from './report-tables';
import type { EXPORT_FORMATS } from './reports.schemas';

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The dashboard's report as a file: the same figures, the same filters, in the reader's language. */
export function createExportService(ctx: ModuleContext, reports: ReportService) {
  async function exportDashboard(actor: Actor, format: ExportFormat, query: unknown = {}, options: { compress?: boolean } = {}) {
    const d = await reports.dashboard(actor, query);
    const t = ctx.i18n.t(actor.language);
    const tables = reportTables(d, t);
    const title = t('reports:title');
    const filename = `${title.toLowerCase().replace(/\s+/g, '-')}-${d.period.from}-${d.period.to}.${format}`.normalize('NFD').replace(/[^\w.-]/g, '');
    const body =
      format === 'csv'
        ? toCsv(tables)
        : format === 'xlsx'
          ? await toXlsx(tables, title)
          : await toPdf(
              tables,
              {
                title: `${ctx.clinic.NAME} · ${title}`,
                subtitle: t('reports:range', { from: d.period.from, to: d.period.to }),
                locale: actor.language === 'es' ? 'es-MX' : actor.language,
              },
              options,
            );
    return { filename, contentType: TYPES[format], body, dashboard: d };
  }

  /** A few lines of the headline figures, for a mail or an assistant's answer. */
  function summaryLines(actor: Actor, d: Awaited<ReturnType<ReportService['dashboard']>>): string[] {
    const t = ctx.i18n.t(actor.language);
    const pesos = (v: string) => formatMoney(v, 'MXN', actor.language === 'es' ? 'es-MX' : actor.language);
    return [
      `${t('reports:card.revenue')}: ${pesos(d.revenue.current)} (${t('reports:vsPrevious')}: ${pesos(d.revenue.previous)}; ${t('reports:vsLastYear')}: ${pesos(d.revenue.lastYear)})`,
      `${t('reports:card.invoices')}: ${d.invoices.current}; ${t('reports:card.averageTransaction')}: ${pesos(d.averageTransaction.current)}`,
      `${t('reports:card.newOwners')}: ${d.newOwners.current}; ${t('reports:card.returningOwners')}: ${d.returningOwners.current}`,
      `${t('reports:card.booked')}: ${d.appointments.booked.current}; ${t('reports:card.noShows')}: ${d.appointments.noShows.current}; ${t('reports:card.cancelled')}: ${d.appointments.cancelled.current}`,
      ...d.topServices.slice(0, 3).map((s, i) => `${t('reports:section.topServices')} ${i + 1}: ${s.description} (${pesos(s.net)})`),
      t('reports:receivables.overdue', { amount: pesos(d.receivables.overdue), count: d.receivables.overdueInvoices }),
    ];
  }

  return { exportDashboard, summaryLines };
}

export type ExportService = ReturnType<typeof createExportService>;
