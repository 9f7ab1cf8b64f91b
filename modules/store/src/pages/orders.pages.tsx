import { type HttpApp, type ModuleContext, pageOnlyQuery, requireAuthenticated } from '@petfriendly/core';
import { Card, Empty, Form, flash, formErrors, Layout, Pager, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import type { TFunction } from 'i18next';
import type { OrderDetail } from '../order.service';
import type { StoreServices } from '../services';
import { orderNumberParams } from '../store.schemas';
import { cartOwner } from './cart-session';
import { day, money, OrderBadges, OrderFacts, OrderSide, OrderTimeline, TotalsList } from './parts';

/** The lines of an order with unit prices as the customer paid them (with IVA). */
export function OrderItems({ t, order, petName }: { t: TFunction; order: OrderDetail; petName?: (id: number) => string | undefined }) {
  return (
    <ul class="list">
      {order.items.map((item) => {
        const pet = item.petId && petName ? petName(item.petId) : undefined;
        return (
          <li>
            <span>
              <b>
                {item.quantity} × {item.name}
              </b>
              <br />
              <span class="meta">
                {t('store:cart.each', { price: money(item.unitPrice) })} · {item.sku}
                {pet ? ` · ${t('store:cart.forPet', { pet })}` : ''}
              </span>
            </span>
            <b>{money(item.total)}</b>
          </li>
        );
      })}
    </ul>
  );
}

export const orderTotals = (order: OrderDetail) => ({
  subtotal: order.subtotal,
  discount: order.discountAmount,
  tax: order.taxAmount,
  shipping: order.shippingAmount,
  total: order.total,
});

/** The owner's orders: the list, one order with its progress, cancelling while it is not being prepared. */
export async function myOrdersPages(app: HttpApp, s: StoreServices, vet: PetsPort & RecordsPort, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;

  app.get('/my/orders', { schema: { querystring: pageOnlyQuery } }, async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    await cartOwner(req, reply, s);
    const orders = await s.orders.getUserOrders(actor, { page: req.query.page, pageSize: 10 });
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:orders.title')}>
        <div class="card-head">
          <h1>{t('store:orders.title')}</h1>
          <a class="btn" href="/store">
            🛍 {t('store:nav.store')}
          </a>
        </div>
        <Card>
          {orders.items.length === 0 ? <Empty>{t('store:orders.none')}</Empty> : null}
          <ul class="list">
            {orders.items.map((o) => (
              <li>
                <a href={`/my/orders/${encodeURIComponent(o.orderNumber)}`} class="order-link">
                  <b>{t('store:orders.order', { number: o.orderNumber })}</b>
                  <br />
                  <span class="meta">
                    {day(o.createdAt, page.lang, tz)} · {t(`store:fulfilment.${o.fulfilment}`)}
                  </span>
                </a>
                <OrderSide t={t} order={o} />
              </li>
            ))}
          </ul>
          <Pager ctx={page} page={orders.page} hasNext={orders.hasNext} href={(n) => `/my/orders?page=${n}`} />
        </Card>
      </Layout>,
    );
  });

  app.get('/my/orders/:number', { schema: { params: orderNumberParams } }, async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    await cartOwner(req, reply, s);
    const order = await s.orders.getOrder(actor, req.params.number);
    const pets = actor.kind === 'owner' && order.items.some((i) => i.petId) ? await vet.pets.getUserPets(actor) : [];
    const page = pageContext(req, reply);
    const { t } = page;
    const cancellable = order.status === 'pending' && !order.paidAt;
    const payable = order.paymentMethod === 'card_online' && !order.paidAt && order.status !== 'cancelled';
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:orders.order', { number: order.orderNumber })}>
        <div class="card-head">
          <h1>{t('store:orders.order', { number: order.orderNumber })}</h1>
          <OrderBadges t={t} order={order} />
        </div>
        <p class="meta">
          <a href="/my/orders">← {t('store:orders.title')}</a>
        </p>
        {payable ? (
          <Card class="pay-now">
            <p>{t('store:orders.payPrompt', { total: money(order.total) })}</p>
            <a class="btn" href={`/pay/order/${order.id}`} data-hx-boost="false">
              💳 {t('store:orders.payCard')}
            </a>
          </Card>
        ) : null}
        <div class="cart-layout">
          <div class="stack">
            <Card title={t('store:orders.items')}>
              <OrderItems t={t} order={order} petName={(id) => pets.find((p) => p.id === id)?.name} />
              <TotalsList t={t} totals={orderTotals(order)} showShipping={order.fulfilment === 'delivery'} />
            </Card>
            <Card>
              <OrderFacts t={t} order={order} />
            </Card>
          </div>
          <Card title={t('store:orders.progress')}>
            <OrderTimeline t={t} order={order} lang={page.lang} timeZone={tz} />
            {order.status !== 'cancelled' && order.fulfilment === 'pickup' ? <p class="meta">🏥 {t('store:orders.pickupNote')}</p> : null}
            {cancellable ? (
              <Form ctx={page} action={`/my/orders/${encodeURIComponent(order.orderNumber)}/cancel`} class="stack">
                <button type="submit" class="btn-secondary" data-confirm={t('store:orders.cancelConfirm')}>
                  {t('store:orders.cancel')}
                </button>
              </Form>
            ) : order.status === 'processing' ? (
              <p class="meta">{t('store:orders.cannotCancel')}</p>
            ) : null}
          </Card>
        </div>
      </Layout>,
    );
  });

  app.post('/my/orders/:number/cancel', { schema: { params: orderNumberParams } }, async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    const { number } = req.params;
    const order = await s.orders.getOrder(actor, number);
    try {
      await s.orders.cancelOwnOrder(actor, order.id);
      flash(reply, 'success', req.t('store:orders.cancelled', { number: order.orderNumber }));
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, `/my/orders/${encodeURIComponent(order.orderNumber)}`);
  });
}
