import { type FieldIssue, localize } from '@petfriendly/core';
import { stringify } from 'csv-stringify/sync';
import type { TFunction } from 'i18next';
import type { Import } from './import.service';

export interface ReportLine {
  line: number;
  status: string;
  column: string;
  message: string;
}

/** Where an error points, in the reader's words: the file's own header for a mapped field, else our field's name. */
function columnOf(imp: Pick<Import, 'headers' | 'mapping'>, field: string, t: TFunction): string {
  const column = imp.mapping[field];
  if (column !== undefined) return imp.headers[column] ?? field;
  return t(`data-import:fields.${field === '(row)' ? 'row' : field}`, { defaultValue: field });
}

/** One line per error of each line that failed, was a duplicate or was kept on undo, in the reader's language. */
export function reportLines(
  imp: Pick<Import, 'headers' | 'mapping'>,
  rows: readonly { line: number; status: string; errors: FieldIssue[] }[],
  t: TFunction,
): ReportLine[] {
  return rows.flatMap((r) =>
    r.errors.map((e) => ({
      line: r.line,
      status: t(`data-import:counts.${r.status}`),
      column: columnOf(imp, e.field, t),
      message: localize(t, e.key ?? e.message, e.message, e.params),
    })),
  );
}

/** The report as CSV (a header line in the reader's language), for a spreadsheet. */
export function reportCsv(lines: readonly ReportLine[], t: TFunction): string {
  return stringify(
    lines.map((l) => [l.line, l.status, l.column, l.message]),
    {
      header: true,
      columns: [t('data-import:report.line'), t('data-import:report.status'), t('data-import:report.column'), t('data-import:report.message')],
      bom: true,
    },
  );
}
