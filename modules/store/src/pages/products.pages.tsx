import { formBody, type HttpApp, idParams, isServiceError, pageNumber, pageOf, requireStaff, rowId } from '@petfriendly/core';
import { Badge, Card, Empty, FormErrorSummary, flash, formErrors, Layout, Pager, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StoreServices } from '../services';
import { taxRatesOf } from '../store.settings';
import { money, summaryOf, Thumb } from './parts';

import { emptyForm, type FormProblem, PRODUCT_FIELDS, type ProductForm, ProductFormView, readForm, TEXTS, text } from './product-form';
import { ImagesCard, readUpload } from './product-images';

const imageParams = z.object({ id: rowId, imageId: rowId });

export async function productAdminPages(app: HttpApp, s: StoreServices) {
  const maxMb = Math.round(s.settings.IMAGE_MAX_BYTES / 100_000) / 10;
  const canEditOf = (role: string) => role === 'manager' || role === 'admin';

  app.get('/admin/products', { schema: { querystring: z.object({ q: z.string().optional(), page: pageNumber }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query;
    let found: Awaited<ReturnType<typeof s.products.searchProducts>> = pageOf([], { page: q.page, pageSize: 20 });
    let problem: string | undefined;
    try {
      found = await s.products.searchProducts(staff, { query: q.q, inStockOnly: false, includeInactive: true, page: q.page, pageSize: 20 });
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

  async function editPage(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    form?: { values: ProductForm } & FormProblem,
    upload?: FormProblem & { altText?: string },
  ) {
    const staff = requireStaff(req.actor);
    const product = await s.products.getProduct(staff, id);
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

  app.get('/admin/products/:id', { schema: { params: idParams } }, (req, reply) => editPage(req, reply, req.params.id));

  app.post('/admin/products/:id', { schema: { params: idParams } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const { id } = req.params;
    const values = readForm(req.body);
    try {
      const product = await s.products.updateProduct(staff, id, values);
      flash(reply, 'success', req.t('store:products.saved', { name: product.name }));
      return redirect(reply, `/admin/products/${id}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return editPage(req, reply, id, { values, errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 });
    }
  });

  app.post('/admin/products/:id/images', { schema: { params: idParams, body: formBody({ altText: z.string().optional() }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const { id } = req.params;
    let altText = '';
    try {
      const upload = readUpload(req, req.body);
      altText = upload.altText;
      await s.images.addImage(staff, id, upload);
      flash(reply, 'success', req.t('store:products.imageAdded'));
      return redirect(reply, `/admin/products/${id}#images`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return editPage(req, reply, id, undefined, { errors: fields, message, altText, status: isServiceError(error) ? error.statusCode : 422 });
    }
  });

  // Making an image the main one and removing one: the result is said in a flash, back on the product.
  const imageActions = [
    { action: 'primary', run: s.images.setPrimary, done: 'store:products.primarySet' },
    { action: 'delete', run: s.images.removeImage, done: 'store:products.imageRemoved' },
  ] as const;
  for (const { action, run, done } of imageActions) {
    app.post(`/admin/products/:id/images/:imageId/${action}`, { schema: { params: imageParams } }, async (req, reply) => {
      const staff = requireStaff(req.actor);
      const { id, imageId } = req.params;
      try {
        await run(staff, id, imageId);
        flash(reply, 'success', req.t(done));
      } catch (error) {
        flash(reply, 'error', formErrors(error, req.t).message);
      }
      return redirect(reply, `/admin/products/${id}#images`);
    });
  }
}
