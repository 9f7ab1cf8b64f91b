import { LANGUAGES } from '@petfriendly/core';
import { Badge, Card, Field, type FieldErrors, Form, type PageContext, Select } from '@petfriendly/ui';
import type { StepState } from '../setup.service';
import type { SetupStep } from '../setup.tables';
import { MEXICAN_TIME_ZONES, STARTER_PRODUCT_CATEGORIES, STARTER_SERVICE_CATEGORIES, STARTER_SERVICES } from '../starter';

/** The steps an admin walks through after creating their account, in order. */
export const PAGE_STEPS = ['clinic', 'fiscal', 'staff', 'services', 'categories'] as const;
export type PageStep = (typeof PAGE_STEPS)[number];
export const nextOf = (step: PageStep) => {
  const next = PAGE_STEPS[PAGE_STEPS.indexOf(step) + 1];
  return next ? `/setup/${next}` : '/setup';
};

const TONE = { done: 'ok', skipped: 'warn', todo: 'muted' } as const;

/** Where setup stands: every step with its state, the current one marked. */
export function StepList(props: { ctx: PageContext; steps: { step: SetupStep; state: StepState }[]; current?: SetupStep }) {
  const { t } = props.ctx;
  return (
    <nav aria-label={t('setup:progress')}>
      <ol class="list setup-steps">
        {props.steps.map((s) => (
          <li aria-current={s.step === props.current ? 'step' : undefined}>
            {s.step === 'admin' ? (
              <span>{t('setup:steps.admin')}</span>
            ) : (
              <a href={`/setup/${s.step === 'csd' ? 'fiscal' : s.step}`}>{t(`setup:steps.${s.step}`)}</a>
            )}{' '}
            <Badge tone={TONE[s.state]}>{t(`setup:state.${s.state}`)}</Badge>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** "Leave it for later": the step stays on the admin's dashboard. */
export function SkipForm(props: { ctx: PageContext; step: SetupStep }) {
  return (
    <Form ctx={props.ctx} action={`/setup/${props.step}/skip`} class="inline">
      <button type="submit" class="btn-secondary">
        {props.ctx.t('setup:skip')}
      </button>
    </Form>
  );
}

export function FirstAdminForm(props: { ctx: PageContext; values: Record<string, string>; errors?: FieldErrors }) {
  const { t } = props.ctx;
  const v = props.values;
  return (
    <Form ctx={props.ctx} action="/setup/admin">
      <Field name="code" label={t('setup:admin.code')} value={v.code} errors={props.errors} required autocomplete="off" hint={t('setup:admin.codeHint')} />
      <Field name="name" label={t('setup:admin.name')} value={v.name} errors={props.errors} required autocomplete="name" />
      <Field name="email" label={t('setup:admin.email')} type="email" value={v.email} errors={props.errors} required autocomplete="email" />
      <Field
        name="password"
        label={t('setup:admin.password')}
        type="password"
        errors={props.errors}
        required
        autocomplete="new-password"
        hint={t('setup:admin.passwordHint')}
      />
      <button type="submit" class="btn-block">
        {t('setup:admin.submit')}
      </button>
    </Form>
  );
}

export function ClinicForm(props: { ctx: PageContext; values: Record<string, unknown>; errors?: FieldErrors }) {
  const { t } = props.ctx;
  const v = props.values;
  const zones = MEXICAN_TIME_ZONES.includes(String(v.timeZone)) ? MEXICAN_TIME_ZONES : [String(v.timeZone), ...MEXICAN_TIME_ZONES];
  const closed = (v.closedDays as number[] | undefined) ?? [];
  return (
    <Form ctx={props.ctx} action="/setup/clinic">
      <Field name="name" label={t('setup:clinic.name')} value={String(v.name ?? '')} errors={props.errors} required />
      <Field name="address" label={t('setup:clinic.address')} value={String(v.address ?? '')} errors={props.errors} required autocomplete="address-line1" />
      <Field name="phone" label={t('setup:clinic.phone')} type="tel" value={String(v.phone ?? '')} errors={props.errors} required autocomplete="tel" />
      <Field name="email" label={t('setup:clinic.email')} type="email" value={String(v.email ?? '')} errors={props.errors} required />
      <Select
        name="timeZone"
        label={t('setup:clinic.timeZone')}
        value={String(v.timeZone)}
        errors={props.errors}
        options={zones.map((z) => ({ value: z, label: z }))}
      />
      <Select
        name="defaultLanguage"
        label={t('setup:clinic.language')}
        value={String(v.defaultLanguage)}
        errors={props.errors}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`setup:languages.${l}`) }))}
      />
      <div class="grid-2">
        <Field name="opens" label={t('setup:clinic.opens')} type="time" value={String(v.opens ?? '')} errors={props.errors} required />
        <Field name="closes" label={t('setup:clinic.closes')} type="time" value={String(v.closes ?? '')} errors={props.errors} required />
      </div>
      <fieldset class={`field${props.errors?.closedDays ? ' has-error' : ''}`}>
        <legend>{t('setup:clinic.closedDays')}</legend>
        <div class="checks">
          {[0, 1, 2, 3, 4, 5, 6].map((d) => (
            <label class="checkbox">
              <input type="checkbox" name="closedDays" value={String(d)} checked={closed.includes(d)} /> {t(`setup:weekdays.${d}`)}
            </label>
          ))}
        </div>
        {props.errors?.closedDays ? <small class="error">{props.errors.closedDays}</small> : null}
      </fieldset>
      <button type="submit" class="btn-block">
        {t('setup:saveContinue')}
      </button>
    </Form>
  );
}

export function FiscalForm(props: {
  ctx: PageContext;
  values: Record<string, string>;
  regimenes: { clave: string; descripcion: string }[];
  errors?: FieldErrors;
}) {
  const { t } = props.ctx;
  const v = props.values;
  return (
    <Form ctx={props.ctx} action="/setup/fiscal">
      <Field name="rfc" label={t('setup:fiscal.rfc')} value={v.rfc} errors={props.errors} required />
      <Field name="legalName" label={t('setup:fiscal.legalName')} value={v.legalName} errors={props.errors} required hint={t('setup:fiscal.legalNameHint')} />
      <Select
        name="regimenFiscal"
        label={t('setup:fiscal.regimen')}
        value={v.regimenFiscal}
        errors={props.errors}
        options={props.regimenes.map((r) => ({ value: r.clave, label: `${r.clave} · ${r.descripcion}` }))}
      />
      <Field
        name="postalCode"
        label={t('setup:fiscal.postalCode')}
        value={v.postalCode}
        errors={props.errors}
        required
        hint={t('setup:fiscal.postalCodeHint')}
      />
      <button type="submit" class="btn-block">
        {t('setup:save')}
      </button>
    </Form>
  );
}

/** The CSD upload (multipart; the server reads it whole before checking the CSRF token among its fields). */
export function CsdForm(props: { ctx: PageContext; errors?: FieldErrors }) {
  const { t } = props.ctx;
  return (
    <form method="post" action="/setup/csd" enctype="multipart/form-data" class="stack" data-hx-boost="false">
      <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />
      <Field name="cer" label={t('setup:csd.cer')} type="file" accept=".cer" errors={props.errors} required />
      <Field name="key" label={t('setup:csd.key')} type="file" accept=".key" errors={props.errors} required />
      <Field name="password" label={t('setup:csd.password')} type="password" errors={props.errors} required autocomplete="off" />
      <button type="submit" class="btn-block">
        {t('setup:csd.submit')}
      </button>
    </form>
  );
}

export function InviteForm(props: { ctx: PageContext; values: Record<string, string>; errors?: FieldErrors }) {
  const { t } = props.ctx;
  const v = props.values;
  return (
    <Form ctx={props.ctx} action="/setup/staff">
      <Field name="name" label={t('setup:staff.name')} value={v.name} errors={props.errors} required />
      <Field name="email" label={t('setup:staff.email')} type="email" value={v.email} errors={props.errors} required />
      <Select
        name="role"
        label={t('setup:staff.role')}
        value={v.role ?? 'veterinarian'}
        errors={props.errors}
        options={(['veterinarian', 'receptionist', 'manager', 'admin'] as const).map((r) => ({ value: r, label: t(`accounts:roles.${r}`) }))}
      />
      <button type="submit" class="btn-block">
        {t('setup:staff.invite')}
      </button>
    </Form>
  );
}

/** The starter services: tick the ones the clinic offers and set its price (IVA included). */
export function ServicesForm(props: { ctx: PageContext; picked: string[]; prices: Record<string, string>; errors?: FieldErrors }) {
  const { t } = props.ctx;
  return (
    <Form ctx={props.ctx} action="/setup/services">
      {STARTER_SERVICE_CATEGORIES.map((c) => (
        <Card title={`${c.icon} ${c.name}`}>
          <ul class="list">
            {STARTER_SERVICES.filter((s) => s.category === c.key).map((s) => (
              <li class="setup-service">
                <label class="checkbox">
                  <input type="checkbox" name="pick" value={s.key} checked={props.picked.includes(s.key)} /> <b>{s.name}</b>
                  <small class="meta">
                    {' '}
                    · {t('setup:services.minutes', { count: s.durationMinutes })}
                    {s.onlineBookable ? '' : ` · ${t('setup:services.phoneOnly')}`}
                  </small>
                </label>
                <Field
                  name={`price.${s.key}`}
                  label={t('setup:services.price', { name: s.name })}
                  type="number"
                  min="0"
                  step="0.01"
                  value={props.prices[s.key] ?? s.price}
                  errors={props.errors}
                />
              </li>
            ))}
          </ul>
        </Card>
      ))}
      {props.errors?.services ? <p class="error">{props.errors.services}</p> : null}
      <button type="submit" class="btn-block">
        {t('setup:services.submit')}
      </button>
    </Form>
  );
}

export function CategoriesForm(props: { ctx: PageContext; picked: string[]; errors?: FieldErrors }) {
  const { t } = props.ctx;
  return (
    <Form ctx={props.ctx} action="/setup/categories">
      <fieldset class="field">
        <legend>{t('setup:categories.starter')}</legend>
        {STARTER_PRODUCT_CATEGORIES.map((c) => (
          <label class={`checkbox${'parent' in c ? ' indent' : ''}`}>
            <input type="checkbox" name="keys" value={c.key} checked={props.picked.includes(c.key)} /> {c.name}
          </label>
        ))}
      </fieldset>
      <Field name="extra" label={t('setup:categories.extra')} errors={props.errors} hint={t('setup:categories.extraHint')} />
      <button type="submit" class="btn-block">
        {t('setup:categories.submit')}
      </button>
    </Form>
  );
}
