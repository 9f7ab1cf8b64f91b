import { Card, Field, type FieldErrors, Form, FormErrorSummary, type PageContext, Select, TextArea } from '@petfriendly/ui';
import { ROUTES } from '../controlled.tables';
import { administerSchema } from './book.schemas';

export type BookForm = 'administer' | 'waste' | 'count';
export interface FormState {
  form: BookForm;
  values: Record<string, string>;
  errors: FieldErrors;
  message: string;
}
interface Props {
  page: PageContext;
  productId: number;
  batches: { batchId: number; batchNumber: string; balance: number }[];
  colleagues: { id: string; name: string }[];
  /** Only a vet administers. */
  isVet: boolean;
  state?: FormState;
}

const DOSE_UNITS = administerSchema.shape.doseUnit.options;

function BatchSelect({ page, batches, state, form }: Props & { form: BookForm }) {
  const v = state?.form === form ? state.values : {};
  return (
    <Select
      name="batchId"
      label={page.t('store:book.chooseBatch')}
      value={v.batchId ?? String(batches[0]?.batchId ?? '')}
      errors={state?.form === form ? state.errors : undefined}
      options={batches.map((b) => ({ value: String(b.batchId), label: `${b.batchNumber || '—'} · ${b.balance}` }))}
    />
  );
}

/** The three things a vet or manager records in the book: a dose given, a waste, a count. */
export function BookForms(props: Props) {
  const { page, productId, state, colleagues } = props;
  const { t } = page;
  const of = (form: BookForm): { v: Record<string, string>; errors?: FieldErrors; message?: string } =>
    state?.form === form ? { v: state.values, errors: state.errors, message: state.message } : { v: {}, errors: undefined, message: undefined };
  const a = of('administer');
  const w = of('waste');
  const c = of('count');
  const people = colleagues.map((p) => ({ value: p.id, label: p.name }));
  return (
    <div class="grid-2">
      {props.isVet ? (
        <Card title={t('store:book.administer.title')} icon="syringe">
          <Form ctx={page} action={`/admin/controlled/${productId}/administer`} id="administer">
            <FormErrorSummary message={a.message} />
            <BatchSelect {...props} form="administer" />
            <Field name="petId" type="number" min="1" label={t('store:book.administer.pet')} value={a.v.petId} errors={a.errors} required />
            <Field name="visitId" type="number" min="1" label={t('store:book.administer.visit')} value={a.v.visitId} errors={a.errors} />
            <Field name="quantity" type="number" min="1" label={t('store:book.administer.quantity')} value={a.v.quantity ?? '1'} errors={a.errors} required />
            <div class="row">
              <Field name="dose" label={t('store:book.administer.dose')} value={a.v.dose} errors={a.errors} required placeholder="2.5" />
              <Select
                name="doseUnit"
                label={t('store:book.administer.doseUnit')}
                value={a.v.doseUnit ?? 'ml'}
                errors={a.errors}
                options={DOSE_UNITS.map((u) => ({ value: u, label: u }))}
              />
              <Select
                name="route"
                label={t('store:book.administer.route')}
                value={a.v.route ?? 'IM'}
                errors={a.errors}
                options={ROUTES.map((r) => ({ value: r, label: r }))}
              />
            </div>
            <TextArea name="notes" label={t('store:book.administer.notes')} value={a.v.notes} errors={a.errors} rows={2} />
            <button type="submit">{t('store:book.administer.submit')}</button>
          </Form>
        </Card>
      ) : null}
      <Card title={t('store:book.waste.title')} icon="triangle-alert">
        <Form ctx={page} action={`/admin/controlled/${productId}/waste`} id="waste">
          <FormErrorSummary message={w.message} />
          <BatchSelect {...props} form="waste" />
          <Field name="quantity" type="number" min="1" label={t('store:book.waste.quantity')} value={w.v.quantity ?? '1'} errors={w.errors} required />
          <Select name="witnessId" label={t('store:book.waste.witness')} value={w.v.witnessId} errors={w.errors} options={people} />
          <TextArea name="reason" label={t('store:book.waste.reason')} value={w.v.reason} errors={w.errors} rows={2} required />
          <button type="submit">{t('store:book.waste.submit')}</button>
        </Form>
      </Card>
      <Card title={t('store:book.count.title')} icon="clipboard-list">
        <Form ctx={page} action={`/admin/controlled/${productId}/count`} id="count">
          <FormErrorSummary message={c.message} />
          <BatchSelect {...props} form="count" />
          <Field name="counted" type="number" min="0" label={t('store:book.count.counted')} value={c.v.counted} errors={c.errors} required />
          <TextArea name="reason" label={t('store:book.count.reason')} value={c.v.reason} errors={c.errors} rows={2} />
          <button type="submit">{t('store:book.count.submit')}</button>
        </Form>
      </Card>
    </div>
  );
}
