import type { PageContext } from '@petfriendly/ui';
import type { StatementKind } from '../statement-exports.service';

/** The statement of the page's period as a file: CSV, XLSX, PDF. */
export function ExportLinks(props: { ctx: PageContext; statement: StatementKind; query: Record<string, string> }) {
  const { t } = props.ctx;
  const qs = new URLSearchParams(props.query).toString();
  return (
    <p class="exports">
      {t('accounting:export.label')}:{' '}
      {(['csv', 'xlsx', 'pdf'] as const).map((format, i) => (
        <>
          {i > 0 ? ' · ' : null}
          <a href={`/admin/accounting/export/${props.statement}/${format}?${qs}`} data-hx-boost="false" download>
            {t(`accounting:export.${format}`)}
          </a>
        </>
      ))}
    </p>
  );
}
