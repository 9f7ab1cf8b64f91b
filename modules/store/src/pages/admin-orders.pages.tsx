import type { AccountsPort } from '@petfriendly/accounts';
import { money as decimal, type HttpApp, isServiceError, type ModuleContext, pageNumber, requireStaff } from '@petfriendly/core';
import {
  Badge,
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
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Order } from '../order.service';
import type { StoreServices } from '../services';
import { orderNumberParams } from '../store.schemas';
import { ORDER_STATUSES, type OrderStatus } from '../store.tables';
import { OrderItems, orderTotals } from './orders.pages';
import { day, money, OrderBadges, OrderFacts, OrderSide, OrderTimeline, summaryOf, TotalsList, when } from './parts';

const COUPON_FIELDS = ['code', 'description', 'discountType', 'discountValue', 'minimumPurchase', 'maxUses', 'maxUsesPerCustomer', 'validFrom', 'validUntil'];

/** The buttons for moving an order along from where it is (the service checks the move again). */
function nextSteps(order: Order): { status: OrderStatus; labelKey: string }[] {
  switch (order.status) {
    case 'pending':
      return [{ status: 'processing', labelKey: 'store:adminOrders.markProcessing' }];
    case 'processing':
      return [{ status: 'shipped', labelKey: order.fulfilment === 'pickup' ? 'store:adminOrders.markReady' : 'store:adminOrders.markShipped' }];
    case 'shipped':
      return [{ status: 'delivered', labelKey: order.fulfilment === 'pickup' ? 'store:adminOrders.markPickedUp' : 'store:adminOrders.markDelivered' }];
    default:
      return [];
  }
}

/** Staff: orders to prepare and hand over, and the coupons. */
export async function adminOrdersPages(app: HttpApp, s: StoreServices, accounts: AccountsPort, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;

  app.get('/admin/orders', { schema: { querystring: z.object({ status: z.string().optional(), page: pageNumber }) } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const q = req.query;
    const status = (ORDER_STATUSES as readonly string[]).includes(q.status ?? '') ? (q.status as OrderStatus) : undefined;
    const orders = await s.orders.getUserOrders(staff, { status, page: q.page, pageSize: 20 });
    const names = new Map<string, string>();
    for (const ownerId of new Set(orders.items.map((o) => o.ownerId))) {
      names.set(ownerId, (await accounts.users.getUser(staff, ownerId).catch(() => null))?.name ?? '—');
    }
    const page = pageContext(req, reply);
    const { t } = page;
    const href = (st: string | undefined, n = 1) =>
      `/admin/orders?${new URLSearchParams({ ...(st ? { status: st } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:adminOrders.title')} area="admin">
        <div class="card-head">
          <h1>{t('store:adminOrders.title')}</h1>
          <a class="btn btn-small btn-secondary" href="/admin/coupons">
            🏷 {t('store:coupons.title')}
          </a>
        </div>
        <nav class="choices scroll" aria-label={t('store:adminOrders.filter')}>
          <a class={`choice chip${status ? '' : ' chosen'}`} href={href(undefined)}>
            {t('store:adminOrders.all')}
          </a>
          {ORDER_STATUSES.map((st) => (
            <a class={`choice chip${status === st ? ' chosen' : ''}`} href={href(st)}>
              {t(`store:status.${st}`)}
            </a>
          ))}
        </nav>
        <Card>
          {orders.items.length === 0 ? <Empty>{t('store:adminOrders.none')}</Empty> : null}
          <ul class="list">
            {orders.items.map((o) => (
              <li>
                <a href={`/admin/orders/${encodeURIComponent(o.orderNumber)}`} class="grow">
                  <b>{o.orderNumber}</b> · {names.get(o.ownerId)}
                  <br />
                  <span class="meta">
                    {when(o.createdAt, page.lang, tz)} · {o.fulfilment === 'pickup' ? '🏥' : '🚚'} {t(`store:fulfilment.${o.fulfilment}`)}
                  </span>
                </a>
                <OrderSide t={t} order={o} />
              </li>
            ))}
          </ul>
          <Pager ctx={page} page={orders.page} hasNext={orders.hasNext} href={(n) => href(status, n)} />
        </Card>
      </Layout>,
    );
  });

  async function orderPage(req: FastifyRequest, reply: FastifyReply, number: string, problem?: { message: string; status: number }) {
    const staff = requireStaff(req.actor);
    const order = await s.orders.getOrder(staff, number);
    const customer = await accounts.users.getProfile(staff, order.ownerId).catch(() => null);
    const page = pageContext(req, reply);
    const { t } = page;
    const action = `/admin/orders/${encodeURIComponent(order.orderNumber)}/status`;
    const cancellable = order.status === 'pending' || order.status === 'processing';
    return sendPage(
      reply,
      <Layout ctx={page} title={order.orderNumber} area="admin">
        <p class="meta">
          <a href="/admin/orders">← {t('store:adminOrders.title')}</a>
        </p>
        <div class="card-head">
          <h1>{order.orderNumber}</h1>
          <OrderBadges t={t} order={order} />
        </div>
        <FormErrorSummary message={problem?.message} />
        {nextSteps(order).length || cancellable ? (
          <Card class="order-actions">
            <div class="card-actions">
              {nextSteps(order).map((step) => (
                <Form ctx={page} action={action} class="inline">
                  <input type="hidden" name="status" value={step.status} />
                  <button type="submit">{t(step.labelKey)}</button>
                </Form>
              ))}
            </div>
            {cancellable ? (
              <details class="add">
                <summary>{t('store:adminOrders.cancel')}</summary>
                <Form ctx={page} action={action}>
                  <input type="hidden" name="status" value="cancelled" />
                  <Field name="reason" label={t('store:adminOrders.cancelReason')} />
                  <button type="submit" class="btn-danger">
                    {t('store:adminOrders.cancel')}
                  </button>
                </Form>
              </details>
            ) : null}
          </Card>
        ) : null}
        <Card title={t('store:adminOrders.customer')}>
          <p>
            <b>{customer?.user.name ?? '—'}</b>
            <br />
            <span class="meta">
              {customer?.user.email}
              {customer?.owner?.phone ? ` · ☎ ${customer.owner.phone}` : ''}
            </span>
          </p>
          <OrderFacts t={t} order={order} />
        </Card>
        <Card title={t('store:orders.items')}>
          <OrderItems t={t} order={order} />
          <TotalsList t={t} totals={orderTotals(order)} showShipping={order.fulfilment === 'delivery'} />
        </Card>
        <Card title={t('store:orders.progress')}>
          <OrderTimeline t={t} order={order} lang={page.lang} timeZone={tz} />
        </Card>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/admin/orders/:number', { schema: { params: orderNumberParams } }, (req, reply) => orderPage(req, reply, req.params.number));

  app.post('/admin/orders/:number/status', { schema: { params: orderNumberParams } }, async (req, reply) => {
    const staff = requireStaff(req.actor);
    const order = await s.orders.getOrder(staff, req.params.number);
    const body = nestForm(req.body) as { status?: string; reason?: string };
    try {
      const updated = await s.orders.updateOrderStatus(staff, order.id, body);
      flash(
        reply,
        'success',
        req.t('store:adminOrders.updated', {
          number: updated.orderNumber,
          status: req.t(updated.status === 'shipped' && updated.fulfilment === 'pickup' ? 'store:status.ready' : `store:status.${updated.status}`),
        }),
      );
      return redirect(reply, `/admin/orders/${encodeURIComponent(order.orderNumber)}`);
    } catch (error) {
      const { message } = formErrors(error, req.t);
      return orderPage(req, reply, req.params.number, { message, status: isServiceError(error) ? error.statusCode : 422 });
    }
  });

  type CouponProblem = { values: Record<string, any>; errors: FieldErrors; message: string; status: number };

  async function couponsPage(req: FastifyRequest, reply: FastifyReply, problem?: CouponProblem) {
    const staff = requireStaff(req.actor);
    const coupons = await s.coupons.listCoupons(staff);
    const page = pageContext(req, reply);
    const { t } = page;
    const v = problem?.values ?? {};
    const canCreate = staff.role === 'manager' || staff.role === 'admin';
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:coupons.title')} area="admin">
        <p class="meta">
          <a href="/admin/orders">← {t('store:adminOrders.title')}</a>
        </p>
        <h1>🏷 {t('store:coupons.title')}</h1>
        <Card>
          {coupons.length === 0 ? <Empty>{t('store:coupons.none')}</Empty> : null}
          <ul class="list">
            {coupons.map((c) => (
              <li>
                <span>
                  <b>{c.code}</b> {c.isActive ? null : <Badge tone="muted">{t('store:coupons.inactive')}</Badge>}
                  <br />
                  <span class="meta">
                    {c.discountType === 'percent' ? `${decimal(c.discountValue).toString()} %` : money(c.discountValue)}
                    {decimal(c.minimumPurchase).gt(0) ? ` · ${t('store:coupons.minimum', { amount: money(c.minimumPurchase) })}` : ''}
                    {c.validUntil ? ` · ${t('store:coupons.until', { date: day(c.validUntil, page.lang, tz) })}` : ''}
                    {c.description ? ` · ${c.description}` : ''}
                  </span>
                </span>
                <span class="meta">
                  {c.maxUses === null
                    ? t('store:coupons.usedNoLimit', { count: c.timesUsed })
                    : t('store:coupons.used', { count: c.timesUsed, max: c.maxUses })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <details class="card add" id="form-coupon" open={!!problem}>
          <summary>+ {t('store:coupons.create')}</summary>
          <FormErrorSummary message={summaryOf(problem?.message, problem?.errors, COUPON_FIELDS)} />
          {canCreate ? null : <p class="meta">{t('store:coupons.managersOnly')}</p>}
          <Form ctx={page} action="/admin/coupons">
            <div class="row">
              <Field name="code" label={t('store:coupons.code')} required value={v.code} errors={problem?.errors} autocomplete="off" />
              <Field name="description" label={t('store:coupons.description')} value={v.description} errors={problem?.errors} />
            </div>
            <div class="row">
              <Select
                name="discountType"
                label={t('store:coupons.discountType')}
                value={v.discountType ?? 'percent'}
                errors={problem?.errors}
                options={(['percent', 'fixed'] as const).map((d) => ({ value: d, label: t(`store:coupons.${d}`) }))}
              />
              <Field
                name="discountValue"
                label={t('store:coupons.discountValue')}
                type="number"
                min="0"
                step="0.01"
                required
                value={v.discountValue}
                errors={problem?.errors}
              />
              <Field
                name="minimumPurchase"
                label={t('store:coupons.minimumPurchase')}
                type="number"
                min="0"
                step="0.01"
                value={v.minimumPurchase}
                errors={problem?.errors}
              />
            </div>
            <div class="row">
              <Field name="maxUses" label={t('store:coupons.maxUses')} type="number" min="1" step="1" value={v.maxUses} errors={problem?.errors} />
              <Field
                name="maxUsesPerCustomer"
                label={t('store:coupons.maxUsesPerCustomer')}
                type="number"
                min="1"
                step="1"
                value={v.maxUsesPerCustomer}
                errors={problem?.errors}
              />
            </div>
            <div class="row">
              <Field name="validFrom" label={t('store:coupons.validFrom')} type="date" value={v.validFrom} errors={problem?.errors} />
              <Field name="validUntil" label={t('store:coupons.validUntil')} type="date" value={v.validUntil} errors={problem?.errors} />
            </div>
            <Checkbox name="isActive" label={t('store:coupons.active')} checked={problem ? v.isActive === 'true' : true} />
            <button type="submit">{t('store:coupons.create')}</button>
          </Form>
        </details>
      </Layout>,
      problem?.status ?? 200,
    );
  }

  app.get('/admin/coupons', (req, reply) => couponsPage(req, reply));

  app.post('/admin/coupons', async (req, reply) => {
    const staff = requireStaff(req.actor);
    const values = nestForm(req.body) as Record<string, any>;
    try {
      // An unticked checkbox sends nothing: the coupon is then inactive.
      const coupon = await s.coupons.createCoupon(staff, { ...values, isActive: values.isActive === 'true', minimumPurchase: values.minimumPurchase || '0' });
      flash(reply, 'success', req.t('store:coupons.created', { code: coupon.code }));
      return redirect(reply, '/admin/coupons');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return couponsPage(req, reply, { values, errors: fields, message, status: isServiceError(error) ? error.statusCode : 422 });
    }
  });
}
