import { type HttpApp, isServiceError, pageNumber, pageOf } from '@petfriendly/core';
import {
  Card,
  Checkbox,
  Empty,
  Field,
  type FieldErrors,
  Form,
  FormErrorSummary,
  flash,
  formErrors,
  Layout,
  nestForm,
  Pager,
  pageContext,
  redirect,
  Select,
  sendPage,
} from '@petfriendly/ui';
import type { Pet, PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StoreServices } from '../services';
import { cartCount, cartOwner } from './cart-session';
import { CartLink, Price, ProductTile, RxBadges, StockState, summaryOf, Thumb } from './parts';

const optional = z.string().optional();
const shopQuery = z.object({
  query: optional,
  category: optional,
  species: optional,
  minPrice: optional,
  maxPrice: optional,
  inStock: optional,
  f: optional,
  page: pageNumber,
});
type ShopLink = { [K in keyof z.output<typeof shopQuery>]?: string };
const SPECIES = ['dog', 'cat', 'bird', 'rabbit', 'other'] as const;

/** The shop: search and browse the catalogue, a product's page, adding it to the cart. */
export async function shopPages(app: HttpApp, s: StoreServices, vet: PetsPort & RecordsPort) {
  app.get('/store', { schema: { querystring: shopQuery } }, async (req, reply) => {
    const q = req.query;
    // A first visit shows only what can be bought; once the filter form is sent, the checkbox decides.
    const inStockOnly = q.f ? q.inStock === 'true' : true;
    const owner = await cartOwner(req, reply, s);
    const [categories, count] = await Promise.all([s.products.listCategories(req.actor.language), cartCount(s, owner)]);
    let result: Awaited<ReturnType<typeof s.products.searchProducts>> = pageOf([], { page: q.page, pageSize: 24 });
    let problem: { fields: FieldErrors; message: string } | null = null;
    try {
      result = await s.products.searchProducts(req.actor, {
        query: q.query,
        category: q.category,
        species: q.species,
        minPrice: q.minPrice,
        maxPrice: q.maxPrice,
        inStockOnly,
        page: q.page,
      });
    } catch (error) {
      problem = formErrors(error, req.t);
    }
    const page = pageContext(req, reply);
    const { t } = page;
    const link = (changes: ShopLink) => {
      const merged: ShopLink = { ...q, page: q.page > 1 ? String(q.page) : undefined, ...changes };
      const params = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
      const text = params.toString();
      return text ? `/store?${text}` : '/store';
    };
    // The category tree as rows of chips: the top level, then the children of each chosen category.
    const chosen = categories.find((c) => c.slug === q.category);
    const path: number[] = [];
    for (let c = chosen; c; c = categories.find((p) => p.id === c!.parentId)) path.unshift(c.id);
    const rows = [categories.filter((c) => c.parentId === null), ...path.map((id) => categories.filter((c) => c.parentId === id))].filter((r) => r.length);
    const filtersActive = !!(q.species || q.minPrice || q.maxPrice || !inStockOnly);
    return sendPage(
      reply,
      <Layout ctx={page} title={chosen ? chosen.name : t('store:shop.title')}>
        <div class="card-head">
          <h1>{chosen ? chosen.name : t('store:shop.title')}</h1>
          <CartLink t={t} count={count} />
        </div>
        <form method="get" action="/store" class="stack store-search" role="search">
          <input type="hidden" name="f" value="1" />
          {q.category ? <input type="hidden" name="category" value={q.category} /> : null}
          <div class="search-bar">
            <input type="search" name="query" value={q.query ?? ''} placeholder={t('store:shop.searchPlaceholder')} aria-label={t('store:shop.search')} />
            <button type="submit">🔍 {t('store:shop.searchButton')}</button>
          </div>
          <details class="filters" open={filtersActive}>
            <summary>{t('store:shop.filters')}</summary>
            <Select
              name="species"
              label={t('store:shop.species')}
              value={q.species ?? ''}
              options={[{ value: '', label: t('store:shop.anySpecies') }, ...SPECIES.map((sp) => ({ value: sp, label: t(`vet-clinic:species.${sp}`) }))]}
            />
            <div class="row">
              <Field name="minPrice" label={t('store:shop.priceFrom')} type="number" min="0" step="1" value={q.minPrice} errors={problem?.fields} />
              <Field name="maxPrice" label={t('store:shop.priceTo')} type="number" min="0" step="1" value={q.maxPrice} errors={problem?.fields} />
            </div>
            <div class="row filter-actions">
              <Checkbox name="inStock" label={t('store:shop.inStockOnly')} checked={inStockOnly} />
              <button type="submit" class="btn-small">
                {t('store:shop.apply')}
              </button>
              {filtersActive || q.query ? (
                <a
                  class="btn btn-small btn-secondary"
                  href={link({
                    query: undefined,
                    species: undefined,
                    minPrice: undefined,
                    maxPrice: undefined,
                    inStock: undefined,
                    f: undefined,
                    page: undefined,
                  })}
                >
                  {t('store:shop.clear')}
                </a>
              ) : null}
            </div>
          </details>
        </form>
        {categories.length ? (
          <nav class="category-rows" aria-label={t('store:shop.categories')}>
            {rows.map((row, i) => (
              <div class="choices scroll">
                {i === 0 ? (
                  <a class={`choice chip${chosen ? '' : ' chosen'}`} href={link({ category: undefined, page: undefined })}>
                    {t('store:shop.allCategories')}
                  </a>
                ) : null}
                {row.map((c) => (
                  <a
                    class={`choice chip${path.includes(c.id) ? ' chosen' : ''}`}
                    href={link({ category: c.slug, page: undefined })}
                    aria-current={c.id === chosen?.id ? 'page' : undefined}
                  >
                    {c.name}
                  </a>
                ))}
              </div>
            ))}
          </nav>
        ) : null}
        <FormErrorSummary message={summaryOf(problem?.message, problem?.fields, ['minPrice', 'maxPrice'])} />
        {result.items.length === 0 && !problem ? <Empty>{q.query ? t('store:shop.noneFor', { query: q.query }) : t('store:shop.none')}</Empty> : null}
        <div class="product-grid">
          {result.items.map((card) => (
            <ProductTile t={t} card={card} />
          ))}
        </div>
        <Pager ctx={page} page={result.page} hasNext={result.hasNext} href={(n) => link({ page: String(n) })} />
      </Layout>,
      problem ? 422 : 200,
    );
  });

  async function productPage(
    req: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    form: { values?: Record<string, unknown>; errors?: FieldErrors; message?: string; status?: number } = {},
  ) {
    const product = await s.products.getProduct(req.actor, slug);
    const owner = await cartOwner(req, reply, s);
    const pets: Pet[] = req.actor.kind === 'owner' ? await vet.pets.getUserPets(req.actor) : [];
    const firstPet = pets.find((p) => !p.isDeceased) ?? null;
    const [count, recommended] = await Promise.all([
      cartCount(s, owner),
      firstPet ? s.products.getRecommendations(req.actor, { petId: firstPet.id, limit: 5 }).catch(() => []) : Promise.resolve([]),
    ]);
    const page = pageContext(req, reply);
    const { t } = page;
    const image = product.images[0];
    const canBuy = product.inStock > 0 && !product.isControlled;
    const maxQuantity = Math.max(1, Math.min(99, product.inStock));
    return sendPage(
      reply,
      <Layout ctx={page} title={product.name}>
        <div class="card-head">
          <nav class="meta crumbs">
            <a href="/store">{t('store:shop.title')}</a> › <a href={`/store?category=${encodeURIComponent(product.category.slug)}`}>{product.category.name}</a>
          </nav>
          <CartLink t={t} count={count} />
        </div>
        <div class="product-page">
          <Thumb image={image?.url} species={product.species} name={image?.altText || product.name} size="lg" />
          <div class="stack">
            <div>
              <h1>{product.name}</h1>
              <p class="tile-badges">
                <RxBadges t={t} requiresPrescription={product.requiresPrescription} isControlled={product.isControlled} />
                <StockState t={t} inStock={product.inStock} />
              </p>
              <p class="product-price">
                <Price t={t} price={product.price} compareAt={product.compareAtPrice} /> <small class="meta">{t('store:shop.taxIncluded')}</small>
              </p>
              {product.shortDescription ? <p>{product.shortDescription}</p> : null}
            </div>
            <Card>
              <FormErrorSummary message={summaryOf(form.message, form.errors, ['petId', 'quantity'])} />
              {product.isControlled ? (
                <p class="notice">🏥 {t('store:product.controlledNote')}</p>
              ) : product.inStock <= 0 ? (
                <p class="notice">{t('store:product.unavailable')}</p>
              ) : product.requiresPrescription && req.actor.kind !== 'owner' ? (
                <p class="notice">
                  ℞ {t('store:product.rxNote')} <a href={`/sign-in?next=${encodeURIComponent(`/store/${product.slug}`)}`}>{t('store:product.rxSignIn')}</a>
                </p>
              ) : (
                <Form ctx={page} action="/store/cart/items" class="stack">
                  <input type="hidden" name="productId" value={String(product.id)} />
                  <input type="hidden" name="slug" value={product.slug} />
                  {product.requiresPrescription ? (
                    <>
                      <p class="notice">℞ {t('store:product.rxNote')}</p>
                      {pets.length ? (
                        <Select
                          name="petId"
                          label={t('store:product.pet')}
                          value={String(form.values?.petId ?? '')}
                          errors={form.errors}
                          options={[
                            { value: '', label: t('store:product.choosePet') },
                            ...pets.filter((p) => !p.isDeceased).map((p) => ({ value: String(p.id), label: p.name })),
                          ]}
                        />
                      ) : (
                        <p class="notice">
                          {t('store:product.rxNoPets')} <a href="/my/pets/new">{t('store:product.addPet')}</a>
                        </p>
                      )}
                    </>
                  ) : null}
                  <div class="row">
                    <Field
                      name="quantity"
                      label={t('store:product.quantity')}
                      type="number"
                      min="1"
                      max={String(maxQuantity)}
                      step="1"
                      value={String(form.values?.quantity ?? 1)}
                      errors={form.errors}
                    />
                    <button type="submit" disabled={!canBuy || (product.requiresPrescription && pets.length === 0)}>
                      🛒 {t('store:product.add')}
                    </button>
                  </div>
                </Form>
              )}
            </Card>
            {product.description ? (
              <section>
                <h2>{t('store:product.description')}</h2>
                <p class="description">{product.description}</p>
              </section>
            ) : null}
            <p class="meta">
              {t('store:product.sku')}: {product.sku}
            </p>
          </div>
        </div>
        {firstPet && recommended.filter((r) => r.id !== product.id).length ? (
          <section class="recommended">
            <h2>{t('store:product.recommendedFor', { pet: firstPet.name })}</h2>
            <div class="product-grid">
              {recommended
                .filter((r) => r.id !== product.id)
                .slice(0, 4)
                .map((card) => (
                  <ProductTile t={t} card={card} />
                ))}
            </div>
          </section>
        ) : null}
      </Layout>,
      form.status ?? 200,
    );
  }

  app.get('/store/:slug', { schema: { params: z.object({ slug: z.string() }) } }, async (req, reply) => productPage(req, reply, req.params.slug));

  // Product photos: the file name is a fresh uuid, so a public one may be cached for good; staff-only ones are not shared.
  app.get('/store/images/:productId/:file', { schema: { params: z.object({ productId: z.string(), file: z.string() }) } }, async (req, reply) => {
    const { productId, file } = req.params;
    if (!/^\d{1,9}$/.test(productId)) return reply.status(404).send();
    const image = await s.images.getImage(req.actor, Number(productId), file);
    return reply
      .header('cache-control', image.isPublic ? 'public, max-age=31536000, immutable' : 'private, no-cache')
      .header('x-content-type-options', 'nosniff')
      .type(image.contentType)
      .send(Buffer.from(image.bytes));
  });

  app.post('/store/cart/items', async (req, reply) => {
    const body = nestForm(req.body) as { productId?: string; quantity?: string; petId?: string; slug?: string };
    const slug = typeof body.slug === 'string' && /^[a-z0-9-]+$/.test(body.slug) ? body.slug : String(body.productId ?? '');
    try {
      const owner = (await cartOwner(req, reply, s, { create: true }))!;
      await s.carts.addItem(req.actor, owner, { productId: body.productId, quantity: body.quantity, petId: body.petId });
      const product = await s.products.getProduct(req.actor, slug);
      flash(reply, 'success', req.t('store:product.added', { product: product.name, count: Number(body.quantity) || 1 }));
      return redirect(reply, `/store/${product.slug}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return productPage(req, reply, slug, { values: body, errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 });
    }
  });
}
