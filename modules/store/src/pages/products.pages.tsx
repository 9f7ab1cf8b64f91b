import {
  computeTotals,
  type HttpApp,
  isServiceError,
  NotFoundError,
  pageOf,
  requireStaff,
  TAX_CLASSES,
  type TaxClass,
  type TaxRates,
  taxTreatment,
} from '@petfriendly/core';
import {
  Badge,
  Card,
  Empty,
  Field,
  type FieldErrors,
  Form,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  nestForm,
  type PageContext,
  Pager,
  pageContext,
  redirect,
  Select,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoreServices } from '../services';
import { taxRatesOf } from '../store.settings';
import { LIFE_STAGES } from '../store.tables';
import { money, summaryOf, Thumb } from './parts';

const SPECIES = ['dog', 'cat', 'bird', 'rabbit', 'other'] as const;
const AMOUNT = /^\d{1,8}(\.\d{1,2})?$/;
const BOOLEANS = ['requiresPrescription', 'isControlled', 'isActive', 'isFeatured'] as const;
/** Fields whose error the form shows next to them (the summary then says no more). */
const PRODUCT_FIELDS = [
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
  'prescriptionName',
  'reorderPoint',
  'reorderQuantity',
  'location',
  'weightKg',
];

const TEXTS = [
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
  'taxClass',
  'satProductCode',
  'satUnitCode',
  'reorderPoint',
  'reorderQuantity',
  'location',
  'weightKg',
] as const;

/** The product form as the page holds it: texts, the ticked boxes as lists, yes/no as booleans. */
type ProductForm = Partial<Record<(typeof TEXTS)[number], string>> & { species: string[]; lifeStages: string[] } & Record<(typeof BOOLEANS)[number], boolean>;
type FormProblem = { errors: FieldErrors; message: string; status: number };

const listOf = (v: unknown): string[] => (v == null || v === '' ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const text = (v: unknown) => (v == null ? '' : String(v));

/** A posted form (an unticked box sends nothing; one ticked box of a group sends a string). */
function readForm(body: unknown): ProductForm {
  const raw = nestForm(body);
  return {
    ...Object.fromEntries(TEXTS.map((key) => [key, text(raw[key])])),
    ...(Object.fromEntries(BOOLEANS.map((key) => [key, raw[key] === 'true'])) as Record<(typeof BOOLEANS)[number], boolean>),
    species: listOf(raw.species),
    lifeStages: listOf(raw.lifeStages),
  };
}

const emptyForm = (): ProductForm => ({
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

const idParam = (req: FastifyRequest, name = 'id') => {
  const value = (req.params as Record<string, string>)[name] ?? '';
  if (!/^\d{1,9}$/.test(value)) throw new NotFoundError('store.product_not_found', `Product ${value} not found.`);
  return Number(value);
};

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
function ProductFormView(props: {
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
  const breakdown = AMOUNT.test(v.price?.trim() ?? '')
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
          </div>
        </Card>
        <Card title={t('store:products.prescription')}>
          <div class="stack">
            <CheckField name="requiresPrescription" label={t('store:products.requiresPrescription')} checked={v.requiresPrescription} errors={errors} />
            <CheckField name="isControlled" label={t('store:products.isControlled')} checked={v.isControlled} errors={errors} />
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
function ImagesCard(props: {
  page: PageContext;
  productId: number;
  images: { id: number; url: string | null; altText: string; isPrimary: boolean }[];
  canEdit: boolean;
  maxMb: number;
  problem?: FormProblem & { altText?: string };
}) {
  const { page, productId, images, canEdit, problem } = props;
  const { t } = page;
  const base = `/admin/products/${productId}/images`;
  return (
    <section class="card" id="images">
      <h2>{t('store:products.images')}</h2>
      {images.length === 0 ? <Empty>{t('store:products.noImages')}</Empty> : null}
      {images.length ? (
        <ul class="image-grid">
          {images.map((image) => (
            <li>
              <span class="thumb">{image.url ? <img src={image.url} alt={image.altText} /> : null}</span>
              {image.isPrimary ? <Badge tone="ok">★ {t('store:products.primary')}</Badge> : null}
              {image.altText ? <small class="meta">{image.altText}</small> : null}
              {canEdit ? (
                <div class="image-actions">
                  {image.isPrimary ? null : (
                    <Form ctx={page} action={`${base}/${image.id}/primary`} class="inline">
                      <button type="submit" class="btn-small btn-secondary">
                        {t('store:products.makePrimary')}
                      </button>
                    </Form>
                  )}
                  <Form ctx={page} action={`${base}/${image.id}/delete`} class="inline">
                    <button type="submit" class="btn-small btn-secondary" data-confirm={t('store:products.removeImageConfirm')}>
                      {t('store:products.removeImage')}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit ? (
        <form method="post" action={base} enctype="multipart/form-data" class="stack upload-form" data-hx-boost="false">
          <input type="hidden" name="_csrf" value={page.csrfToken} />
          <FormErrorSummary message={summaryOf(problem?.message, problem?.errors, ['image', 'altText'])} />
          <Field name="altText" label={t('store:products.altText')} value={problem?.altText} errors={problem?.errors} />
          <Field
            name="image"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            label={t('store:products.image', { mb: props.maxMb })}
            required
            errors={problem?.errors}
          />
          <button type="submit">⬆ {t('store:products.upload')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** The alt text and the one file of the upload form (read before the handler, see readMultipartForm). */
function readUpload(req: FastifyRequest): { bytes: Uint8Array; altText: string } {
  return { bytes: req.uploads.image?.bytes ?? new Uint8Array(), altText: text((req.body as Record<string, unknown>).altText) };
}

/** Staff: the catalogue, phone first. Everyone on staff may look; managers and admins change it (the service checks). */
export async function productAdminPages(app: HttpApp, s: StoreServices) {
  const maxMb = Math.round(s.settings.IMAGE_MAX_BYTES / 100_000) / 10;
  const canEditOf = (role: string) => role === 'manager' || role === 'admin';

  app.get('/admin/products', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query as { q?: string; page?: string };
    const pageNumber = Math.max(1, Number(q.page) || 1);
    let found: Awaited<ReturnType<typeof s.products.searchProducts>> = pageOf([], { page: pageNumber, pageSize: 20 });
    let problem: string | undefined;
    try {
      found = await s.products.searchProducts(staff, { query: q.q, inStockOnly: false, includeInactive: true, page: pageNumber, pageSize: 20 });
    } catch (error) {
      problem = formErrors(error, req.t).message;
    }
    const page = pageContext(req, reply);
    const { t } = page;
    const href = (n: number) => `/admin/products?${new URLSearchParams({ ...(q.q ? { q: q.q } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:products.title')} area="admin">
        <div class="card-head">
          <h1>{t('store:products.title')}</h1>
          <span class="card-actions">
            <a class="btn btn-small btn-secondary" href="/admin/products/categories">
              {t('store:categories.title')}
            </a>
            {canEditOf(staff.role) ? (
              <a class="btn btn-small" href="/admin/products/new">
                + {t('store:products.new')}
              </a>
            ) : null}
          </span>
        </div>
        <form method="get" action="/admin/products" class="search-bar" role="search">
          <input type="search" name="q" value={q.q ?? ''} placeholder={t('store:products.searchPlaceholder')} aria-label={t('store:products.search')} />
          <button type="submit">🔍</button>
        </form>
        <FormErrorSummary message={problem} />
        <Card>
          {found.items.length === 0 && !problem ? <Empty>{q.q ? t('store:shop.noneFor', { query: q.q }) : t('store:products.none')}</Empty> : null}
          <ul class="list product-rows">
            {found.items.map((p) => (
              <li class={p.isActive ? undefined : 'is-inactive'}>
                <a href={`/admin/products/${p.id}`} class="grow product-row">
                  <Thumb image={p.image} species={p.species} name={p.name} />
                  <span>
                    <b>{p.name}</b>
                    <br />
                    <span class="meta">
                      {p.sku} · {money(p.price)} · {t('store:products.stock', { count: p.inStock })}
                    </span>
                    {p.isActive && !p.isFeatured ? null : (
                      <span class="tile-badges">
                        {p.isActive ? null : <Badge tone="muted">{t('store:products.inactive')}</Badge>}
                        {p.isFeatured ? <Badge tone="info">★ {t('store:products.featured')}</Badge> : null}
                      </span>
                    )}
                  </span>
                </a>
              </li>
            ))}
          </ul>
          <Pager ctx={page} page={found.page} hasNext={found.hasNext} href={href} />
        </Card>
      </Layout>,
      problem ? 422 : 200,
    );
  });

  async function newPage(req: FastifyRequest, reply: FastifyReply, values: ProductForm = emptyForm(), problem?: FormProblem) {
    const staff = requireStaff(req.actor);
    const categories = await s.products.listCategories();
    const page = pageContext(req, reply);
    const { t } = page;
    const canEdit = canEditOf(staff.role);
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:products.new')} area="admin">
        <p class="meta">
          <a href="/admin/products">← {t('store:products.title')}</a>
        </p>
        <h1>{t('store:products.new')}</h1>
        {canEdit ? null : <p class="notice spaced">{t('store:products.managersOnly')}</p>}
        <FormErrorSummary message={summaryOf(problem?.message, problem?.errors, PRODUCT_FIELDS)} />
        <ProductFormView
          page={page}
          action="/admin/products/new"
          values={values}
          errors={problem?.errors}
          categories={categories}
          canEdit={canEdit}
          threshold={s.settings.LOW_STOCK_THRESHOLD}
          rates={taxRatesOf(s.settings)}
          isNew
        />
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/admin/products/new', (req, reply) => newPage(req, reply));

  app.post('/admin/products/new', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const values = readForm(req.body);
    try {
      const product = await s.products.createProduct(staff, values);
      flash(reply, 'success', req.t('store:products.created', { name: product.name }));
      return redirect(reply, `/admin/products/${product.id}#images`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return newPage(req, reply, values, { errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 });
    }
  });

  async function editPage(req: FastifyRequest, reply: FastifyReply, form?: { values: ProductForm } & FormProblem, upload?: FormProblem & { altText?: string }) {
    const staff = requireStaff(req.actor);
    const product = await s.products.getProduct(staff, idParam(req));
    const [categories, images] = await Promise.all([s.products.listCategories(), s.images.listImages(staff, product.id)]);
    // A product in a category that is no longer active keeps it as a choice.
    if (!categories.some((c) => c.id === product.categoryId)) categories.push({ ...product.category, depth: 0 });
    const values: ProductForm = form?.values ?? {
      ...Object.fromEntries(TEXTS.map((k) => [k, text((product as Record<string, unknown>)[k])])),
      species: product.species,
      lifeStages: product.lifeStages,
      requiresPrescription: product.requiresPrescription,
      isControlled: product.isControlled,
      isActive: product.isActive,
      isFeatured: product.isFeatured,
    };
    const page = pageContext(req, reply);
    const { t } = page;
    const canEdit = canEditOf(staff.role);
    return sendPage(
      reply,
      <Layout ctx={page} title={product.name} area="admin">
        <p class="meta">
          <a href="/admin/products">← {t('store:products.title')}</a>
        </p>
        <div class="card-head">
          <h1>{product.name}</h1>
          <span class="tile-badges">
            {product.isActive ? null : <Badge tone="muted">{t('store:products.inactive')}</Badge>}
            {product.isFeatured ? <Badge tone="info">★ {t('store:products.featured')}</Badge> : null}
          </span>
        </div>
        <p class="card-actions">
          <a class="btn btn-small btn-secondary" href={`/store/${product.slug}`}>
            🛍 {t('store:products.viewInStore')}
          </a>
          <a class="btn btn-small btn-secondary" href={`/admin/inventory/${product.id}`}>
            📦 {t('store:products.stockLink')} ({product.inStock})
          </a>
        </p>
        {canEdit ? null : <p class="notice spaced">{t('store:products.managersOnly')}</p>}
        <ImagesCard page={page} productId={product.id} images={images} canEdit={canEdit} maxMb={maxMb} problem={upload} />
        <FormErrorSummary message={summaryOf(form?.message, form?.errors, PRODUCT_FIELDS)} />
        <ProductFormView
          page={page}
          action={`/admin/products/${product.id}`}
          values={values}
          errors={form?.errors}
          categories={categories}
          canEdit={canEdit}
          threshold={s.settings.LOW_STOCK_THRESHOLD}
          rates={taxRatesOf(s.settings)}
          isNew={false}
        />
      </Layout>,
      form?.status ?? upload?.status ?? 200,
    );
  }

  app.get('/admin/products/:id', (req, reply) => editPage(req, reply));

  app.post('/admin/products/:id', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const id = idParam(req);
    const values = readForm(req.body);
    try {
      const product = await s.products.updateProduct(staff, id, values);
      flash(reply, 'success', req.t('store:products.saved', { name: product.name }));
      return redirect(reply, `/admin/products/${id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return editPage(req, reply, { values, errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 });
    }
  });

  app.post('/admin/products/:id/images', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const id = idParam(req);
    let altText = '';
    try {
      const upload = readUpload(req);
      altText = upload.altText;
      await s.images.addImage(staff, id, upload);
      flash(reply, 'success', req.t('store:products.imageAdded'));
      return redirect(reply, `/admin/products/${id}#images`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return editPage(req, reply, undefined, { errors: fields, message, altText, status: isServiceError(error) ? error.statusCode : 422 });
    }
  });

  // Making an image the main one and removing one: the result is said in a flash, back on the product.
  const imageActions = [
    { action: 'primary', run: s.images.setPrimary, done: 'store:products.primarySet' },
    { action: 'delete', run: s.images.removeImage, done: 'store:products.imageRemoved' },
  ] as const;
  for (const { action, run, done } of imageActions) {
    app.post(`/admin/products/:id/images/:imageId/${action}`, async (req, reply) => {
      const staff = requireStaff(req.actor);
      const id = idParam(req);
      try {
        await run(staff, id, idParam(req, 'imageId'));
        flash(reply, 'success', req.t(done));
      } catch (error) {
        flash(reply, 'error', formErrors(error, req.t).message);
      }
      return redirect(reply, `/admin/products/${id}#images`);
    });
  }
}
