import { type HttpApp, idParams, isServiceError, type ModuleContext, pageNumber, pageOnlyQuery, requireStaff } from '@petfriendly/core';
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
  Pager,
  pageContext,
  redirect,
  Select,
  sendPage,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StoreServices } from '../services';
import { adjustSchema } from '../store.schemas';
import { money, summaryOf, when } from './parts';

type Tab = 'low' | 'expiring' | 'search';
const ADJUST_REASONS = adjustSchema.shape.reason.options;

/** Staff inventory, phone first: what runs low, what expires, any product's stock, receiving and adjusting. */
export async function inventoryPages(app: HttpApp, s: StoreServices, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;

  const listQuery = z.object({ tab: z.string().optional(), q: z.string().optional(), page: pageNumber });
  app.get('/admin/inventory', { schema: { querystring: listQuery } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query;
    const tab: Tab = q.q ? 'search' : q.tab === 'expiring' ? 'expiring' : 'low';
    const [low, expiring] = await Promise.all([s.inventory.getLowStockProducts(staff), s.inventory.getExpiringProducts(staff)]);
    const found = tab === 'search' ? await s.products.searchProducts(staff, { query: q.q, inStockOnly: false, page: q.page, pageSize: 20 }) : null;
    const page = pageContext(req, reply);
    const { t } = page;
    const tabLink = (name: Tab, label: string, count?: number) => (
      <a href={`/admin/inventory?tab=${name}`} class={tab === name ? 'active' : undefined} aria-current={tab === name ? 'page' : undefined}>
        {label}
        {count ? (
          <>
            {' '}
            <Badge tone={name === 'low' ? 'warn' : 'danger'}>{count}</Badge>
          </>
        ) : null}
      </a>
    );
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:inventory.title')} area="admin">
        <h1>{t('store:inventory.title')}</h1>
        <form method="get" action="/admin/inventory" class="search-bar" role="search">
          <input type="search" name="q" value={q.q ?? ''} placeholder={t('store:inventory.searchPlaceholder')} aria-label={t('store:inventory.search')} />
          <button type="submit">🔍</button>
        </form>
        <nav class="tabs">
          {tabLink('low', t('store:inventory.low'), low.length)}
          {tabLink('expiring', t('store:inventory.expiring'), expiring.length)}
          {tab === 'search' ? tabLink('search', t('store:inventory.search')) : null}
        </nav>
        {tab === 'low' ? (
          <Card>
            {low.length === 0 ? <Empty>{t('store:inventory.noLow')}</Empty> : null}
            <ul class="list">
              {low.map((p) => (
                <li>
                  <a href={`/admin/inventory/${p.id}`} class="grow">
                    <b>{p.name}</b>
                    <br />
                    <span class="meta">
                      {p.sku} · {p.category}
                    </span>
                  </a>
                  <span class="stock-figure">
                    <Badge tone={p.quantity === 0 ? 'danger' : 'warn'}>{t('store:inventory.onHandCount', { count: p.quantity })}</Badge>
                    <small class="meta">{t('store:inventory.reorderAt', { count: p.reorderPoint })}</small>
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {tab === 'expiring' ? (
          <Card>
            {expiring.length === 0 ? <Empty>{t('store:inventory.noExpiring')}</Empty> : null}
            <ul class="list">
              {expiring.map((b) => (
                <li>
                  <a href={`/admin/inventory/${b.productId}`} class="grow">
                    <b>{b.name}</b>
                    <br />
                    <span class="meta">
                      {t('store:inventory.batch')} {b.batchNumber || '—'} · {t('store:inventory.expiry')} {b.expiryDate} ·{' '}
                      {t('store:inventory.units', { count: b.quantity })}
                    </span>
                  </a>
                  <Badge tone={b.daysUntilExpiry < 0 ? 'danger' : b.daysUntilExpiry <= 30 ? 'warn' : 'info'}>
                    {b.daysUntilExpiry < 0 ? t('store:inventory.expired') : t('store:inventory.daysLeft', { count: b.daysUntilExpiry })}
                  </Badge>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {tab === 'search' ? (
          <Card>
            {!found || (found.items.length === 0 && q.q) ? (
              <Empty>{q.q ? t('store:shop.noneFor', { query: q.q }) : t('store:inventory.searchHelp')}</Empty>
            ) : null}
            <ul class="list">
              {(found?.items ?? []).map((p) => (
                <li>
                  <a href={`/admin/inventory/${p.id}`} class="grow">
                    <b>{p.name}</b>
                    <br />
                    <span class="meta">
                      {p.sku} · {money(p.price)}
                    </span>
                  </a>
                  <Badge tone={p.inStock === 0 ? 'danger' : 'muted'}>{t('store:inventory.onHandCount', { count: p.inStock })}</Badge>
                </li>
              ))}
            </ul>
            {found ? (
              <Pager
                ctx={page}
                page={found.page}
                hasNext={found.hasNext}
                href={(n) => `/admin/inventory?tab=search&q=${encodeURIComponent(q.q ?? '')}&page=${n}`}
              />
            ) : null}
          </Card>
        ) : null}
      </Layout>,
    );
  });

  type Problem = { form: 'receive' | 'adjust'; values: Record<string, any>; errors: FieldErrors; message: string; status: number };

  async function productStockPage(req: FastifyRequest, reply: FastifyReply, id: number, pageNumber: number, problem?: Problem) {
    const staff = requireStaff(req.actor);
    const product = await s.products.getProduct(staff, id);
    const [stock, movements] = await Promise.all([
      s.inventory.checkStock(staff, product.id),
      s.inventory.listMovements(staff, product.id, { page: pageNumber, pageSize: 20 }),
    ]);
    const page = pageContext(req, reply);
    const { t } = page;
    const today = s.inventory.today();
    const receive = problem?.form === 'receive' ? problem : null;
    const adjust = problem?.form === 'adjust' ? problem : null;
    return sendPage(
      reply,
      <Layout ctx={page} title={product.name} area="admin">
        <p class="meta">
          <a href="/admin/inventory">← {t('store:inventory.title')}</a>
        </p>
        <h1>{product.name}</h1>
        <p class="meta">
          {product.sku} · {product.category.name} · {money(product.price)}{' '}
          {product.isActive ? null : <Badge tone="muted">{t('store:inventory.inactive')}</Badge>}
        </p>
        <div class="vitals">
          <div class="vital">
            <b>{stock.quantity}</b>
            <small>{t('store:inventory.onHand')}</small>
          </div>
          <div class="vital">
            <b>{stock.reorderPoint}</b>
            <small>{t('store:inventory.reorderPoint')}</small>
          </div>
          <div class="vital">
            <b>{stock.lastCountDate ?? '—'}</b>
            <small>{t('store:inventory.lastCount')}</small>
          </div>
        </div>
        {stock.location ? <p class="meta">📍 {stock.location}</p> : null}
        <details class="card add" id="form-receive" open={!!receive}>
          <summary>📥 {t('store:inventory.receive')}</summary>
          <FormErrorSummary
            message={summaryOf(receive?.message, receive?.errors, ['quantity', 'batchNumber', 'expiryDate', 'costPerUnit', 'supplier', 'supplierRfc'])}
          />
          <Form ctx={page} action={`/admin/inventory/${product.id}/receive`}>
            <div class="row">
              <Field
                name="quantity"
                label={t('store:inventory.quantity')}
                type="number"
                min="1"
                step="1"
                required
                value={receive?.values.quantity}
                errors={receive?.errors}
              />
              <Field name="batchNumber" label={t('store:inventory.batchNumber')} value={receive?.values.batchNumber} errors={receive?.errors} />
            </div>
            <div class="row">
              <Field
                name="expiryDate"
                label={t('store:inventory.expiry')}
                type="date"
                min={today}
                value={receive?.values.expiryDate}
                errors={receive?.errors}
              />
              <Field
                name="costPerUnit"
                label={t('store:inventory.cost')}
                type="number"
                min="0"
                step="0.01"
                required
                value={receive?.values.costPerUnit}
                errors={receive?.errors}
              />
            </div>
            <div class="row">
              <Field name="supplier" label={t('store:inventory.supplier')} value={receive?.values.supplier} errors={receive?.errors} />
              <Field name="supplierRfc" label={t('store:inventory.supplierRfc')} value={receive?.values.supplierRfc} errors={receive?.errors} />
            </div>
            <button type="submit">{t('store:inventory.receiveButton')}</button>
          </Form>
        </details>
        <details class="card add" id="form-adjust" open={!!adjust}>
          <summary>✏️ {t('store:inventory.adjust')}</summary>
          <FormErrorSummary message={summaryOf(adjust?.message, adjust?.errors, ['quantityChange', 'reason', 'batchId', 'notes'])} />
          <Form ctx={page} action={`/admin/inventory/${product.id}/adjust`}>
            <div class="row">
              <Field
                name="quantityChange"
                label={t('store:inventory.quantityChange')}
                type="number"
                step="1"
                required
                value={adjust?.values.quantityChange}
                errors={adjust?.errors}
                hint={t('store:inventory.quantityChangeHint')}
              />
              <Select
                name="reason"
                label={t('store:inventory.reason')}
                value={adjust?.values.reason ?? 'count'}
                errors={adjust?.errors}
                options={ADJUST_REASONS.map((r) => ({ value: r, label: t(`store:reason.${r}`) }))}
              />
            </div>
            <Select
              name="batchId"
              label={t('store:inventory.batch')}
              value={adjust?.values.batchId ?? ''}
              errors={adjust?.errors}
              options={[
                { value: '', label: t('store:inventory.anyBatch') },
                ...stock.batches.map((b) => ({
                  value: String(b.id),
                  label: `${b.batchNumber || '—'} · ${b.expiryDate ?? t('store:inventory.noExpiry')} · ${b.quantity}`,
                })),
              ]}
            />
            <Field name="notes" label={t('store:inventory.notes')} value={adjust?.values.notes} errors={adjust?.errors} />
            <button type="submit">{t('store:inventory.adjustButton')}</button>
          </Form>
        </details>
        <Card title={t('store:inventory.batches')}>
          {stock.batches.length === 0 ? <Empty>{t('store:inventory.noBatches')}</Empty> : null}
          <ul class="list">
            {stock.batches.map((b) => (
              <li>
                <span>
                  <b>
                    {t('store:inventory.batch')} {b.batchNumber || '—'}
                  </b>
                  <br />
                  <span class="meta">
                    {t('store:inventory.expiry')}: {b.expiryDate ?? t('store:inventory.noExpiry')} · {t('store:inventory.receivedOn', { date: b.receivedDate })}
                    {b.costPerUnit ? ` · ${money(b.costPerUnit)}` : ''}
                  </span>
                </span>
                <span>
                  {b.expiryDate && b.expiryDate < today ? <Badge tone="danger">{t('store:inventory.expired')}</Badge> : null}{' '}
                  <b>{t('store:inventory.units', { count: b.quantity })}</b>
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t('store:inventory.movements')}>
          {movements.items.length === 0 ? <Empty>{t('store:inventory.noMovements')}</Empty> : null}
          <ul class="list movements">
            {movements.items.map((m) => (
              <li>
                <span>
                  <b>{t(`store:reason.${m.reason}`)}</b> {m.reference ? <span class="meta">· {m.reference}</span> : null}
                  <br />
                  <span class="meta">
                    {when(m.createdAt, page.lang, tz)}
                    {m.notes ? ` · ${m.notes}` : ''}
                  </span>
                </span>
                <span class="stock-figure">
                  <b class={m.quantityChange > 0 ? 'plus' : 'minus'}>{m.quantityChange > 0 ? `+${m.quantityChange}` : `−${-m.quantityChange}`}</b>
                  <small class="meta">{t('store:inventory.after', { count: m.quantityAfter })}</small>
                </span>
              </li>
            ))}
          </ul>
          <Pager ctx={page} page={movements.page} hasNext={movements.hasNext} href={(n) => `/admin/inventory/${product.id}?page=${n}`} />
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/admin/inventory/:id', { schema: { params: idParams, querystring: pageOnlyQuery } }, (req, reply) =>
    productStockPage(req, reply, req.params.id, req.query.page),
  );

  const stockAction = (form: Problem['form']) =>
    app.post(`/admin/inventory/:id/${form}`, { schema: { params: idParams } }, async (req, reply) => {
      const staff = requireStaff(req.actor);
      const productId = req.params.id;
      const values = nestForm(req.body) as Record<string, any>;
      try {
        if (form === 'receive') {
          const batch = await s.inventory.receiveStock(staff, { ...values, productId });
          flash(reply, 'success', req.t('store:inventory.received', { count: batch.quantity, batch: batch.batchNumber || '—' }));
        } else {
          const movement = await s.inventory.adjustStock(staff, { ...values, productId });
          flash(reply, 'success', req.t('store:inventory.adjusted', { count: movement.quantityAfter }));
        }
        return redirect(reply, `/admin/inventory/${productId}`);
      } catch (error) {
        const { fields, message } = formErrors(error, req.t);
        return productStockPage(req, reply, productId, 1, { form, values, errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 });
      }
    });
  stockAction('receive');
  stockAction('adjust');
}
