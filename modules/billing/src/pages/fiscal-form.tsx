import { Field, type FieldErrors, Form, type PageContext, Select } from '@petfriendly/ui';
import { REGIMENES_FISCALES, USOS_CFDI } from '../cfdi/index';

export interface FiscalValues {
  rfc?: string;
  legalName?: string;
  regimenFiscal?: string;
  postalCode?: string;
  usoCfdi?: string;
  email?: string | null;
}

/** Payroll and payment-receipt usos never apply to a clinic's invoice. */
const USOS = USOS_CFDI.filter((u) => u.clave !== 'CN01' && u.clave !== 'CP01');

function personaLabel(ctx: PageContext, r: { fisica: boolean; moral: boolean }): string {
  if (r.fisica && r.moral) return '';
  return ` (${ctx.t(r.fisica ? 'billing:fiscal.fisica' : 'billing:fiscal.moral')})`;
}

/** The CFDI receptor's data, as on the Constancia de Situación Fiscal. */
export function FiscalForm({
  ctx,
  action,
  values,
  errors,
  next,
}: {
  ctx: PageContext;
  action: string;
  values: FiscalValues;
  errors: FieldErrors;
  next?: string;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={action} id="fiscal-form">
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field
        name="rfc"
        label={t('billing:fiscal.rfc')}
        value={values.rfc}
        errors={errors}
        required
        hint={t('billing:fiscal.rfcHint')}
        autocomplete="off"
        placeholder="XAXX010101000"
      />
      <Field
        name="legalName"
        label={t('billing:fiscal.legalName')}
        value={values.legalName}
        errors={errors}
        required
        hint={t('billing:fiscal.legalNameHint')}
      />
      <Select
        name="regimenFiscal"
        label={t('billing:fiscal.regimen')}
        value={values.regimenFiscal ?? ''}
        errors={errors}
        required
        options={[
          { value: '', label: t('billing:fiscal.choose') },
          ...REGIMENES_FISCALES.map((r) => ({ value: r.clave, label: `${r.clave} · ${r.descripcion}${personaLabel(ctx, r)}` })),
        ]}
      />
      <div class="row bill-row-top">
        <Field
          name="postalCode"
          label={t('billing:fiscal.postalCode')}
          value={values.postalCode}
          errors={errors}
          required
          hint={t('billing:fiscal.postalCodeHint')}
          autocomplete="postal-code"
        />
        <Field name="email" type="email" label={t('billing:fiscal.email')} value={values.email ?? ''} errors={errors} autocomplete="email" />
      </div>
      <Select
        name="usoCfdi"
        label={t('billing:fiscal.uso')}
        value={values.usoCfdi ?? ''}
        errors={errors}
        required
        options={[
          { value: '', label: t('billing:fiscal.choose') },
          ...USOS.map((u) => ({ value: u.clave, label: `${u.clave} · ${u.descripcion.replace(/\.$/, '')}${personaLabel(ctx, u)}` })),
        ]}
      />
      <p class="meta">{t('billing:fiscal.usoHint')}</p>
      <button type="submit">{t('billing:fiscal.save')}</button>
    </Form>
  );
}
