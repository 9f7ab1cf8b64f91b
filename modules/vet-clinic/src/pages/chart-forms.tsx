import { Checkbox, Field, type FieldErrors, Form, FormErrorSummary, type PageContext, Select, TextArea } from '@petfriendly/ui';
import type { VaccineProtocol } from '../vaccination';
import { RECORD_TYPES, ROUTES, SEVERITIES, SOAP_SECTIONS } from '../vet-clinic.tables';

export interface FormState {
  form: string;
  values: Record<string, unknown>;
  errors: FieldErrors;
  message?: string;
}

/** A collapsible form on the chart; it opens itself when it comes back with errors. */
export function Section({
  ctx,
  id,
  title,
  state,
  open,
  children,
}: {
  ctx: PageContext;
  id: string;
  title: string;
  state?: FormState;
  open?: boolean;
  children?: unknown;
}) {
  const mine = state?.form === id;
  return (
    <details class="add" open={mine || open} id={`form-${id}`}>
      <summary>+ {title}</summary>
      {mine ? <FormErrorSummary message={state?.message ?? ctx.t('ui:form.fixErrors')} /> : null}
      {children as never}
    </details>
  );
}

export const val = (state: FormState | undefined, form: string, key: string) => {
  if (state?.form !== form) return undefined;
  const parts = key.split('.');
  let node: unknown = state.values;
  for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
  return node == null ? undefined : String(node);
};
export const errs = (state: FormState | undefined, form: string) => (state?.form === form ? state.errors : {});

export function VisitForm({ ctx, petId, state, open }: { ctx: PageContext; petId: number; state?: FormState; open?: boolean }) {
  const t = ctx.t;
  const e = errs(state, 'visit');
  const v = (k: string) => val(state, 'visit', k);
  return (
    <Section ctx={ctx} id="visit" title={t('vet-clinic:visit.new')} state={state} open={open}>
      <Form ctx={ctx} action={`/admin/pets/${petId}/visits`}>
        <Field name="reason" label={t('vet-clinic:visit.reason')} value={v('reason')} errors={e} required />
        <fieldset class="vitals">
          <legend>{t('vet-clinic:vitals.title')}</legend>
          <Field name="vitals.weightKg" type="number" step="0.01" label={t('vet-clinic:vitals.weightKg')} value={v('vitals.weightKg')} errors={e} />
          <Field name="vitals.temperatureC" type="number" step="0.1" label={t('vet-clinic:vitals.temperatureC')} value={v('vitals.temperatureC')} errors={e} />
          <Field name="vitals.heartRate" type="number" label={t('vet-clinic:vitals.heartRate')} value={v('vitals.heartRate')} errors={e} />
          <Field name="vitals.respiratoryRate" type="number" label={t('vet-clinic:vitals.respiratoryRate')} value={v('vitals.respiratoryRate')} errors={e} />
          <Field
            name="vitals.bodyConditionScore"
            type="number"
            min="1"
            max="9"
            label={t('vet-clinic:vitals.bodyConditionScore')}
            value={v('vitals.bodyConditionScore')}
            errors={e}
          />
        </fieldset>
        {SOAP_SECTIONS.map((section) => (
          <TextArea name={section} label={t(`vet-clinic:visit.${section}`)} value={v(section)} errors={e} rows={3} />
        ))}
        <Checkbox name="close" label={t('vet-clinic:visit.close')} checked={v('close') === 'true'} />
        <button type="submit">{t('ui:form.save')}</button>
      </Form>
    </Section>
  );
}

export function VaccinationForm({
  ctx,
  petId,
  protocols,
  state,
  today,
  visits,
  charges,
}: {
  ctx: PageContext;
  petId: number;
  protocols: VaccineProtocol[];
  state?: FormState;
  today: string;
  /** The pet's visits still open to changes, and billing's catalogue: a vaccine given in one is charged. */
  visits: { id: number; reason: string; visitDate: Date }[];
  charges: { value: string; label: string }[];
}) {
  const t = ctx.t;
  const e = errs(state, 'vaccination');
  const v = (k: string) => val(state, 'vaccination', k);
  return (
    <Section ctx={ctx} id="vaccination" title={t('vet-clinic:vaccination.add')} state={state}>
      <Form ctx={ctx} action={`/admin/pets/${petId}/vaccinations`}>
        <Select
          name="protocolCode"
          label={t('vet-clinic:vaccination.protocol')}
          value={v('protocolCode')}
          errors={e}
          options={[
            ...protocols.map((p) => ({ value: p.code, label: t(`vet-clinic:vaccination.name.${p.code}`, { defaultValue: p.name }) })),
            { value: '', label: t('vet-clinic:vaccination.other') },
          ]}
        />
        <Field name="vaccineName" label={t('vet-clinic:vaccination.vaccine')} value={v('vaccineName')} errors={e} required placeholder="Nobivac DHPPi" />
        <div class="row">
          <Field
            name="administeredDate"
            type="date"
            label={t('vet-clinic:vaccination.administeredDate')}
            value={v('administeredDate') ?? today}
            max={today}
            errors={e}
            required
          />
          <Field name="nextDueDate" type="date" label={t('vet-clinic:vaccination.nextDue')} value={v('nextDueDate')} errors={e} />
        </div>
        <div class="row">
          <Field name="manufacturer" label={t('vet-clinic:vaccination.manufacturer')} value={v('manufacturer')} errors={e} />
          <Field name="lotNumber" label={t('vet-clinic:vaccination.lot')} value={v('lotNumber')} errors={e} />
          <Field name="site" label={t('vet-clinic:vaccination.site')} value={v('site')} errors={e} />
        </div>
        <Checkbox name="givenElsewhere" label={t('vet-clinic:vaccination.givenElsewhere')} checked={v('givenElsewhere') === 'true'} />
        {visits.length && charges.length ? (
          <div class="row">
            <Select
              name="visitId"
              label={t('vet-clinic:charges.visit')}
              value={v('visitId') ?? String(visits[0]!.id)}
              errors={e}
              options={[{ value: '', label: t('vet-clinic:charges.noVisit') }, ...visits.map((x) => ({ value: String(x.id), label: x.reason }))]}
            />
            <Select
              name="chargeAs"
              label={t('vet-clinic:charges.chargeAs')}
              value={v('chargeAs') ?? ''}
              errors={e}
              options={[{ value: '', label: t('vet-clinic:charges.noCharge') }, ...charges]}
            />
          </div>
        ) : null}
        <button type="submit">{t('ui:form.save')}</button>
      </Form>
    </Section>
  );
}

export function AllergyForm({ ctx, petId, state }: { ctx: PageContext; petId: number; state?: FormState }) {
  const t = ctx.t;
  const e = errs(state, 'allergy');
  const v = (k: string) => val(state, 'allergy', k);
  return (
    <Section ctx={ctx} id="allergy" title={t('vet-clinic:allergy.add')} state={state}>
      <Form ctx={ctx} action={`/admin/pets/${petId}/allergies`}>
        <Field name="allergen" label={t('vet-clinic:allergy.allergen')} value={v('allergen')} errors={e} required />
        <Select
          name="severity"
          label={t('vet-clinic:allergy.severity')}
          value={v('severity') ?? 'mild'}
          errors={e}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`vet-clinic:severity.${s}`) }))}
        />
        <TextArea name="reaction" label={t('vet-clinic:allergy.reaction')} value={v('reaction')} errors={e} rows={2} />
        <button type="submit">{t('ui:form.save')}</button>
      </Form>
    </Section>
  );
}

export function MedicationForm({ ctx, petId, state, today }: { ctx: PageContext; petId: number; state?: FormState; today: string }) {
  const t = ctx.t;
  const e = errs(state, 'medication');
  const v = (k: string) => val(state, 'medication', k);
  return (
    <Section ctx={ctx} id="medication" title={t('vet-clinic:medication.add')} state={state}>
      <Form ctx={ctx} action={`/admin/pets/${petId}/medications`}>
        <Field name="name" label={t('vet-clinic:medication.name')} value={v('name')} errors={e} required />
        <div class="row">
          <Field name="dosage" label={t('vet-clinic:medication.dosage')} value={v('dosage')} errors={e} required placeholder="250 mg" />
          <Field name="frequency" label={t('vet-clinic:medication.frequency')} value={v('frequency')} errors={e} required placeholder="c/12 h" />
          <Select
            name="route"
            label={t('vet-clinic:medication.route')}
            value={v('route') ?? 'oral'}
            errors={e}
            options={ROUTES.map((r) => ({ value: r, label: t(`vet-clinic:route.${r}`) }))}
          />
        </div>
        <div class="row">
          <Field name="startDate" type="date" label={t('vet-clinic:medication.startDate')} value={v('startDate') ?? today} errors={e} required />
          <Field name="endDate" type="date" label={t('vet-clinic:medication.endDate')} value={v('endDate')} errors={e} />
        </div>
        <Checkbox name="isOngoing" label={t('vet-clinic:medication.isOngoing')} checked={v('isOngoing') === 'true'} />
        <button type="submit">{t('ui:form.save')}</button>
      </Form>
    </Section>
  );
}

/** Per visit: a note (internal by default), and an addendum once the record is locked or an edit before. */
export function VisitTools({ ctx, visitId, petId, locked, state }: { ctx: PageContext; visitId: number; petId: number; locked: boolean; state?: FormState }) {
  const t = ctx.t;
  const noteForm = `note-${visitId}`;
  const addendumForm = `addendum-${visitId}`;
  return (
    <>
      <Section ctx={ctx} id={noteForm} title={t('vet-clinic:visit.addNote')} state={state}>
        <Form ctx={ctx} action={`/admin/pets/${petId}/visits/${visitId}/notes`}>
          <TextArea
            name="content"
            label={t('vet-clinic:visit.note')}
            value={val(state, noteForm, 'content')}
            errors={errs(state, noteForm)}
            rows={2}
            required
          />
          <Select
            name="isInternal"
            label=" "
            value="true"
            options={[
              { value: 'true', label: t('vet-clinic:visit.internal') },
              { value: 'false', label: t('vet-clinic:visit.shared') },
            ]}
          />
          <button type="submit" class="btn-small">
            {t('ui:form.save')}
          </button>
        </Form>
      </Section>
      <Section ctx={ctx} id={addendumForm} title={t('vet-clinic:visit.addAddendum')} state={state}>
        {locked ? <p class="meta">{t('vet-clinic:visit.lockedHelp')}</p> : null}
        <Form ctx={ctx} action={`/admin/pets/${petId}/visits/${visitId}/addenda`}>
          <Select
            name="section"
            label={t('vet-clinic:visit.section')}
            value="plan"
            options={SOAP_SECTIONS.map((s) => ({ value: s, label: t(`vet-clinic:visit.${s}`) }))}
          />
          <TextArea
            name="content"
            label={t('vet-clinic:visit.addendum')}
            value={val(state, addendumForm, 'content')}
            errors={errs(state, addendumForm)}
            rows={2}
            required
          />
          <button type="submit" class="btn-small">
            {t('ui:form.save')}
          </button>
        </Form>
      </Section>
    </>
  );
}

export function MedicalRecordForm({ ctx, petId, state, today }: { ctx: PageContext; petId: number; state?: FormState; today: string }) {
  const t = ctx.t;
  const e = errs(state, 'record');
  const v = (k: string) => val(state, 'record', k);
  return (
    <Section ctx={ctx} id="record" title={t('vet-clinic:records.add')} state={state}>
      <Form ctx={ctx} action={`/admin/pets/${petId}/records`}>
        <div class="row">
          <Select
            name="recordType"
            label={t('vet-clinic:records.recordType')}
            value={v('recordType') ?? 'lab'}
            errors={e}
            options={RECORD_TYPES.map((r) => ({ value: r, label: t(`vet-clinic:records.types.${r}`) }))}
          />
          <Field name="date" type="date" label={t('vet-clinic:records.date')} value={v('date') ?? today} errors={e} required />
        </div>
        <Field name="title" label={t('vet-clinic:records.title2')} value={v('title')} errors={e} required />
        <TextArea name="description" label={t('vet-clinic:records.description')} value={v('description')} errors={e} rows={2} />
        <TextArea name="diagnosis" label={t('vet-clinic:records.diagnosis')} value={v('diagnosis')} errors={e} rows={2} />
        <TextArea name="treatment" label={t('vet-clinic:records.treatment')} value={v('treatment')} errors={e} rows={2} />
        <TextArea name="internalNotes" label={t('vet-clinic:records.internalNotes')} value={v('internalNotes')} errors={e} rows={2} />
        <button type="submit">{t('ui:form.save')}</button>
      </Form>
    </Section>
  );
}
