import { amountText, computeTotals, TAX_CLASSES, type TaxClass, type TaxRates, taxTreatment } from '@petfriendly/core';
import { Card, Field, type FieldErrors, Form, nestForm, type PageContext, Select, TextArea } from '@petfriendly/ui';
import { CONTROLLED_GROUPS, LIFE_STAGES } from '../store.tables';
import { money } from './parts';

const SPECIES = ['dog', 'cat', 'bird', 'rabbit', 'other'] as const;
const BOOLEANS = ['requiresPrescription', 'isControlled', 'isActive', 'isFeatured'] as const;
/** Fields whose error the form shows next to them (the summary then says no more). */
export const PRODUCT_FIELDS = [
  'name',
  'sku',
  'barcode',
  'categoryId',
  'shortDescription',
  'description',
  'price',
  'costPrice',
  'compareAtPrice',
  'species',
  'lifeStages',
  'taxClass',
  'satProductCode',
  'satUnitCode',
  'requiresPrescription',
  'isControlled',
  'controlledGroup',
  'prescriptionName',
  'reorderPoint',
  'reorderQuantity',
  'location',
  'weightKg',
  'petWeightMinKg',
  'petWeightMaxKg',
];

export const TEXTS = [
  'name',
  'sku',
  'barcode',
  'categoryId',
  'description',
  'shortDescription',
  'price',
  'costPrice',
  'compareAtPrice',
  'prescriptionName',
  'controlledGroup',
  'taxClass',
  'satProductCode',
  'satUnitCode',
  'reorderPoint',
  'reorderQuantity',
  'location',
  'weightKg',
  'petWeightMinKg',
  'petWeightMaxKg',
] as const;

/** The product form as the page holds it: texts, the ticked boxes as lists, yes/no as booleans. */
export type ProductForm = Partial<Record<(typeof TEXTS)[number], string>> & { species: string[]; lifeStages: string[] } & Record<
    (typeof BOOLEANS)[number],
    boolean
  >;
export type FormProblem = { errors: FieldErrors; message: string; status: number };

const listOf = (v: unknown): string[] => (v == null || v === '' ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
export const text = (v: unknown) => (v == null ? '' : String(v));

/** A posted form (an unticked box sends nothing; one ticked box of a group sends a string). */
export function readForm(body: unknown): ProductForm {
  const raw = nestForm(body);
  return {
    ...Object.fromEntries(TEXTS.map((key) => [key, text(raw[key])])),
    ...(Object.fromEntries(BOOLEANS.map((key) => [key, raw[key] === 'true'])) as Record<(typeof BOOLEANS)[number], boolean>),
    species: listOf(raw.species),
    lifeStages: listOf(raw.lifeStages),
  };
}

export const emptyForm = (): ProductForm => ({
  taxClass: 'iva16',
  satProductCode: '01010101',
  satUnitCode: 'H87',
  species: [],
  lifeStages: [],
  requiresPrescription: false,
  isControlled: false,
  isActive: true,
  isFeatured: false,
});

function CheckField({ name, label, checked, errors }: { name: string; label: string; checked: boolean; errors?: FieldErrors }) {
  const error = errors?.[name];
  return (
    <div class={`field${error ? ' has-error' : ''}`}>
      <label class="checkbox">
        <input type="checkbox" name={name} value="true" checked={checked} aria-invalid={error ? 'true' : undefined} /> {label}
      </label>
      {error ? <small class="error">{error}</small> : null}
    </div>
  );
}

/** A group of boxes sent as one list (`species=dog&species=cat`). */
function CheckGroup({
  name,
  legend,
  hint,
  options,
  chosen,
  errors,
}: {
  name: string;
  legend: string;
  hint: string;
  options: { value: string; label: string }[];
  chosen: string[];
  errors?: FieldErrors;
}) {
  const error = errors?.[name] ?? Object.entries(errors ?? {}).find(([k]) => k.startsWith(`${name}.`))?.[1];
  return (
    <fieldset class={`checks${error ? ' has-error' : ''}`}>
      <legend>{legend}</legend>
      <div class="choices">
        {options.map((o) => (
          <label class="choice chip check-chip">
            <input type="checkbox" name={name} value={o.value} checked={chosen.includes(o.value)} /> {o.label}
          </label>
        ))}
      </div>
      {error ? <small class="error">{error}</small> : <small class="hint">{hint}</small>}
    </fieldset>
  );
}

/** All of `productSchema`, in the order a manager fills it on a phone. */
export function ProductFormView(props: {
  page: PageContext;
  action: string;
  values: ProductForm;
  errors?: FieldErrors;
  categories: { id: number; name: string; depth: number }[];
  canEdit: boolean;
  threshold: number;
  isNew: boolean;
  rates: TaxRates;
}) {
  const { page, values: v, errors, canEdit } = props;
  const { t } = page;
  const taxClass = (TAX_CLASSES as readonly string[]).includes(v.taxClass ?? '') ? (v.taxClass as TaxClass) : 'iva16';
  const breakdown = amountText.safeParse(v.price ?? '').success
    ? computeTotals([{ quantity: 1, unitPrice: v.price!.trim(), tax: taxTreatment(taxClass, props.rates) }])
    : null;
  const shelf = breakdown ? t('store:products.shelfPrice', { tax: money(breakdown.tax.toFixed(2)), base: money(breakdown.subtotal.toFixed(2)) }) : '';
  const categoryOptions = props.categories.map((c) => ({
    value: String(c.id),
    label: `${'\u00a0\u00a0\u00a0'.repeat(c.depth)}${c.depth ? '↳ ' : ''}${c.name}`,
  }));
  return (
    <Form ctx={page} action={props.action} class="stack product-form">
      <fieldset class="plain stack" disabled={!canEdit}>
        <Card title={t('store:products.basics')}>
          <div class="stack">
            <Field name="name" label={t('store:products.name')} required value={v.name} errors={errors} />
            <div class="row">
              <Field name="sku" label={t('store:products.sku')} required value={v.sku} errors={errors} autocomplete="off" />
              <Field name="barcode" label={t('store:products.barcode')} value={v.barcode} errors={errors} autocomplete="off" />
            </div>
            <Select
              name="categoryId"
              label={t('store:products.category')}
              required
              value={v.categoryId ?? ''}
              errors={errors}
              options={[{ value: '', label: t('store:products.chooseCategory') }, ...categoryOptions]}
            />
            <TextArea name="shortDescription" label={t('store:products.shortDescription')} value={v.shortDescription} errors={errors} rows={2} />
            <TextArea name="description" label={t('store:products.description')} value={v.description} errors={errors} rows={5} />
          </div>
        </Card>
        <Card title={t('store:products.pricing')}>
          <div class="stack">
            <div class="row">
              <Field
                name="price"
                label={t('store:products.price')}
                required
                type="number"
                min="0"
                step="0.01"
                value={v.price}
                errors={errors}
                hint={shelf ? `${t('store:products.priceHint')} ${shelf}` : t('store:products.priceHint')}
              />
              <Field
                name="compareAtPrice"
                label={t('store:products.compareAtPrice')}
                type="number"
                min="0"
                step="0.01"
                value={v.compareAtPrice}
                errors={errors}
                hint={t('store:products.compareAtHint')}
              />
            </div>
            <Field
              name="costPrice"
              label={t('store:products.costPrice')}
              type="number"
              min="0"
              step="0.01"
              value={v.costPrice}
              errors={errors}
              hint={t('store:products.costHint')}
            />
            <Select
              name="taxClass"
              label={t('store:products.taxClass')}
              value={taxClass}
              errors={errors}
              options={TAX_CLASSES.map((c) => ({ value: c, label: t(`store:products.tax.${c}`) }))}
            />
            <div class="row">
              <Field
                name="satProductCode"
                label={t('store:products.satProductCode')}
                value={v.satProductCode}
                errors={errors}
                hint={t('store:products.satProductHint')}
                autocomplete="off"
              />
              <Field
                name="satUnitCode"
                label={t('store:products.satUnitCode')}
                value={v.satUnitCode}
                errors={errors}
                hint={t('store:products.satUnitHint')}
                autocomplete="off"
              />
            </div>
          </div>
        </Card>
        <Card title={t('store:products.audience')}>
          <div class="stack">
            <CheckGroup
              name="species"
              legend={t('store:products.species')}
              hint={t('store:products.speciesHint')}
              chosen={v.species}
              errors={errors}
              options={SPECIES.map((sp) => ({ value: sp, label: t(`vet-clinic:species.${sp}`) }))}
            />
            <CheckGroup
              name="lifeStages"
              legend={t('store:products.lifeStages')}
              hint={t('store:products.lifeStagesHint')}
              chosen={v.lifeStages}
              errors={errors}
              options={LIFE_STAGES.map((st) => ({ value: st, label: t(`store:products.stage.${st}`) }))}
            />
            <div class="row">
              <Field
                name="petWeightMinKg"
                label={t('store:products.petWeightMinKg')}
                value={v.petWeightMinKg}
                errors={errors}
                type="number"
                step="0.01"
                min="0"
                hint={t('store:products.petWeightHint')}
              />
              <Field
                name="petWeightMaxKg"
                label={t('store:products.petWeightMaxKg')}
                value={v.petWeightMaxKg}
                errors={errors}
                type="number"
                step="0.01"
                min="0"
              />
            </div>
          </div>
        </Card>
        <Card title={t('store:products.prescription')}>
          <div class="stack">
            <CheckField name="requiresPrescription" label={t('store:products.requiresPrescription')} checked={v.requiresPrescription} errors={errors} />
            <CheckField name="isControlled" label={t('store:products.isControlled')} checked={v.isControlled} errors={errors} />
            <Select
              name="controlledGroup"
              label={t('store:book.group')}
              value={v.controlledGroup ?? ''}
              errors={errors}
              options={[{ value: '', label: '—' }, ...CONTROLLED_GROUPS.map((g) => ({ value: g, label: t(`store:book.groups.${g}`) }))]}
            />
            <Field name="prescriptionName" label={t('store:products.prescriptionName')} value={v.prescriptionName} errors={errors} />
          </div>
        </Card>
        <Card title={t('store:products.shop')}>
          <div class="stack">
            <CheckField name="isActive" label={t('store:products.isActive')} checked={v.isActive} errors={errors} />
            <CheckField name="isFeatured" label={t('store:products.isFeatured')} checked={v.isFeatured} errors={errors} />
            <Field
              name="reorderPoint"
              label={t('store:products.reorderPoint')}
              type="number"
              min="0"
              step="1"
              value={v.reorderPoint}
              errors={errors}
              hint={t('store:products.reorderHint', { count: props.threshold })}
            />
            <Field
              name="reorderQuantity"
              label={t('store:products.reorderQuantity')}
              type="number"
              min="0"
              step="1"
              value={v.reorderQuantity}
              errors={errors}
            />
            <Field name="location" label={t('store:products.location')} value={v.location} errors={errors} hint={t('store:products.locationHint')} />
            <Field
              name="weightKg"
              label={t('store:products.weightKg')}
              type="number"
              min="0"
              step="0.001"
              value={v.weightKg}
              errors={errors}
              hint={t('store:products.weightHint')}
            />
          </div>
        </Card>
        <button type="submit" class="btn-block">
          {props.isNew ? t('store:products.create') : t('store:products.save')}
        </button>
      </fieldset>
    </Form>
  );
}

/** The product's photos with their actions, and the upload form. */
