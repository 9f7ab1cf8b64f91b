import { Card, Field, type FieldErrors, Form, type PageContext, Select } from '@petfriendly/ui';
import type { Child } from 'hono/jsx';
import { MOTIVOS_CANCELACION } from '../cfdi/index';
import type { FiscalProfile } from '../fiscal.service';
import type { Invoice } from '../invoice.service';
import { CfdiFacts, DownloadLinks } from './owner.pages';
import { invoiceUrl } from './parts';

/** The invoice page's forms: which one came back with errors, its messages and what was typed. */
export interface FormState {
  opened?: string;
  messageFor(form: string): Child;
  errorsFor(form: string): FieldErrors;
  valuesFor(form: string): Record<string, string>;
}

/** The front desk's CFDI card: the customer's fiscal data, issuing, the files, and cancelling (managers). */
export function CfdiCard(props: {
  page: PageContext;
  invoice: Invoice;
  fiscal: FiscalProfile | null;
  tz: string;
  canIssue: boolean;
  canCancel: boolean;
  forms: FormState;
}) {
  const { page, invoice, fiscal, tz, canIssue, canCancel, forms } = props;
  const { t } = page;
  return (
    <Card title={t('billing:cfdi.title')} class="bill-cfdi">
      <div id="cfdi" />
      {forms.messageFor('cfdi')}
      {invoice.ownerId ? (
        <p class="meta">
          {fiscal ? (
            <>
              🧾 <b>{fiscal.rfc}</b> · {fiscal.legalName} · {t('billing:fiscal.regimen')} {fiscal.regimenFiscal} · {t('billing:fiscal.uso')} {fiscal.usoCfdi}
            </>
          ) : (
            t('billing:desk.noFiscal')
          )}{' '}
          ·{' '}
          <a href={`/admin/billing/owners/${invoice.ownerId}/fiscal?next=${encodeURIComponent(invoiceUrl(invoice.id, '#cfdi'))}`}>
            {t(fiscal ? 'billing:desk.editFiscal' : 'billing:desk.addFiscal')}
          </a>
        </p>
      ) : null}
      {invoice.cfdiStatus === 'none' && invoice.globalInvoiceId ? <p class="meta">{t('billing:cfdi.inGlobalHelp')}</p> : null}
      {canIssue ? (
        <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/cfdi`} class="row">
          <button type="submit">🧾 {t('billing:desk.issueCfdi')}</button>
        </Form>
      ) : null}
      {invoice.cfdiStatus === 'none' && invoice.status === 'draft' ? <p class="meta">{t('billing:desk.cfdiAfterIssue')}</p> : null}
      {invoice.cfdiStatus !== 'none' ? <CfdiFacts t={t} invoice={invoice} lang={page.lang} tz={tz} /> : null}
      {invoice.cfdiStatus !== 'none' ? <DownloadLinks t={t} base={invoiceUrl(invoice.id)} invoice={invoice} /> : null}
      {canCancel ? (
        <details class="add" open={forms.opened === 'cfdi-cancel' ? true : undefined}>
          <summary>{t('billing:desk.cancelCfdi')}</summary>
          <div data-hx-confirm={t('billing:desk.confirmCancelCfdi')}>
            <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/cfdi/cancel`} class="stack">
              {forms.messageFor('cfdi-cancel')}
              <Select
                name="motive"
                label={t('billing:desk.motive')}
                value={forms.valuesFor('cfdi-cancel').motive ?? '02'}
                errors={forms.errorsFor('cfdi-cancel')}
                options={MOTIVOS_CANCELACION.map((m) => ({ value: m.clave, label: `${m.clave} · ${m.descripcion}` }))}
              />
              <Field
                name="replacementUuid"
                label={t('billing:desk.replacementUuid')}
                value={forms.valuesFor('cfdi-cancel').replacementUuid}
                errors={forms.errorsFor('cfdi-cancel')}
                hint={t('billing:desk.replacementHint')}
              />
              <button type="submit" class="btn-small btn-danger">
                {t('billing:desk.cancelCfdi')}
              </button>
            </Form>
          </div>
        </details>
      ) : null}
    </Card>
  );
}
