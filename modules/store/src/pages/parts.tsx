import { money as decimal, formatMoney, formatters } from '@petfriendly/core';
import { Badge, type FieldErrors } from '@petfriendly/ui';
import type { TFunction } from 'i18next';
import type { CartTotal } from '../cart.service';
import type { Order } from '../order.service';
import type { ProductCard } from '../product.service';
import type { OrderStatus } from '../store.tables';

/** Prices in pesos, as the clinic's customers read them ($1,234.50). */
export const money = (value: string | number) => formatMoney(value, 'MXN');

export function StockState({ t, inStock }: { t: TFunction; inStock: number }) {
  if (inStock <= 0) return <Badge tone="muted">{t('store:shop.outOfStock')}</Badge>;
  if (inStock <= 5) return <Badge tone="warn">{t('store:shop.lowStock', { count: inStock })}</Badge>;
  return <Badge tone="ok">{t('store:shop.inStock')}</Badge>;
}

const SPECIES_ICON: Record<string, string> = { dog: '🐶', cat: '🐱', bird: '🐦', rabbit: '🐰' };

export function Thumb({ image, species, name, size }: { image: string | null | undefined; species: string[]; name: string; size?: 'lg' }) {
  return (
    <span class={`thumb${size === 'lg' ? ' thumb-lg' : ''}`}>
      {image ? (
        <img src={image} alt={name} loading="lazy" />
      ) : (
        <span aria-hidden="true">{species.length === 1 ? (SPECIES_ICON[species[0]!] ?? '🐾') : '🐾'}</span>
      )}
    </span>
  );
}

/** The price (IVA included) and, when there is one, the former price struck through. */
export function Price({ t, price, compareAt }: { t: TFunction; price: string; compareAt: string | null }) {
  return (
    <span class="price">
      {money(price)}
      {compareAt && decimal(compareAt).gt(price) ? (
        <s class="was" title={t('store:shop.was')}>
          {money(compareAt)}
        </s>
      ) : null}
    </span>
  );
}

export function RxBadges({ t, requiresPrescription, isControlled }: { t: TFunction; requiresPrescription: boolean; isControlled: boolean }) {
  return (
    <>
      {requiresPrescription ? <Badge tone="info">℞ {t('store:shop.prescription')}</Badge> : null}
      {isControlled ? <Badge tone="danger">{t('store:shop.controlled')}</Badge> : null}
    </>
  );
}

/** One product in a grid: the whole tile links to the product page. */
export function ProductTile({ t, card }: { t: TFunction; card: ProductCard }) {
  return (
    <a class="card product-tile" href={`/store/${card.slug}`}>
      <Thumb image={card.image} species={card.species} name={card.name} />
      <span class="tile-body">
        <span class="tile-badges">
          <RxBadges t={t} requiresPrescription={card.requiresPrescription} isControlled={card.isControlled} />
        </span>
        <b class="tile-name">{card.name}</b>
        <Price t={t} price={card.price} compareAt={card.compareAtPrice} />
        <StockState t={t} inStock={card.inStock} />
      </span>
    </a>
  );
}

export function CartLink({ t, count }: { t: TFunction; count: number }) {
  return (
    <a class="btn btn-secondary cart-link" href="/store/cart">
      🛒 {t('store:cart.link', { count })}
    </a>
  );
}

export interface TotalsView {
  subtotal: string;
  discount: string;
  tax: string;
  shipping: string;
  total: string;
  couponCode?: string | null;
}

/** A cart's totals for the receipt: the cart's subtotal counts shipping, the receipt lists it on its own line. */
export function cartTotalsView(total: CartTotal): TotalsView {
  return { ...total, subtotal: decimal(total.subtotal).minus(total.shipping).toFixed(2), couponCode: total.coupon?.code ?? null };
}

/** Subtotal, discount, shipping and total, all IVA included, and the IVA the total includes, as a receipt shows them. */
export function TotalsList({ t, totals, showShipping }: { t: TFunction; totals: TotalsView; showShipping: boolean }) {
  return (
    <dl class="totals">
      <dt>{t('store:cart.subtotal')}</dt>
      <dd>{money(totals.subtotal)}</dd>
      {decimal(totals.discount).gt(0) ? (
        <>
          <dt>
            {t('store:cart.discount')}
            {totals.couponCode ? ` (${totals.couponCode})` : ''}
          </dt>
          <dd>−{money(totals.discount)}</dd>
        </>
      ) : null}
      {showShipping ? (
        <>
          <dt>{t('store:cart.shipping')}</dt>
          <dd>{decimal(totals.shipping).gt(0) ? money(totals.shipping) : t('store:cart.free')}</dd>
        </>
      ) : null}
      <dt class="grand">{t('store:cart.total')}</dt>
      <dd class="grand">{money(totals.total)}</dd>
      <dt class="meta">{t('store:shop.taxIncluded')}</dt>
      <dd class="meta">{money(totals.tax)}</dd>
    </dl>
  );
}

export const STATUS_TONE: Record<OrderStatus, 'warn' | 'info' | 'ok' | 'muted'> = {
  pending: 'warn',
  processing: 'info',
  shipped: 'info',
  delivered: 'ok',
  cancelled: 'muted',
};

/** The status as a customer reads it: "shipped" is "ready for pickup" when they collect at the clinic. */
export function statusLabel(t: TFunction, order: Pick<Order, 'status' | 'fulfilment'>): string {
  return order.status === 'shipped' && order.fulfilment === 'pickup' ? t('store:status.ready') : t(`store:status.${order.status}`);
}

export function StatusBadge({ t, order }: { t: TFunction; order: Pick<Order, 'status' | 'fulfilment'> }) {
  return <Badge tone={STATUS_TONE[order.status]}>{statusLabel(t, order)}</Badge>;
}

export function PaidBadge({ t, order }: { t: TFunction; order: Pick<Order, 'paidAt' | 'status'> }) {
  if (order.paidAt) return <Badge tone="ok">{t('store:orders.paid')}</Badge>;
  return order.status === 'cancelled' ? null : <Badge tone="warn">{t('store:orders.unpaid')}</Badge>;
}

/** Shipping address of an order on one line. */
export const addressLine = (a: Record<string, string> | null) =>
  a ? [a.street, a.city, a.state, a.postalCode].filter(Boolean).join(', ') + (a.phone ? ` · ☎ ${a.phone}` : '') : '';

/** Where the order goes, how it is paid, and the customer's notes. */
export function OrderFacts({ t, order }: { t: TFunction; order: Pick<Order, 'fulfilment' | 'shippingAddress' | 'paymentMethod' | 'notes'> }) {
  return (
    <dl class="facts">
      <dt>{t('store:orders.fulfilment')}</dt>
      <dd>
        {t(`store:fulfilment.${order.fulfilment}`)}
        {order.fulfilment === 'delivery' && order.shippingAddress ? (
          <>
            <br />
            <span class="meta">{addressLine(order.shippingAddress)}</span>
          </>
        ) : null}
      </dd>
      <dt>{t('store:orders.payment')}</dt>
      <dd>{t(`store:payment.${order.paymentMethod}`)}</dd>
      {order.notes ? (
        <>
          <dt>{t('store:orders.notes')}</dt>
          <dd class="pre">{order.notes}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** Status and payment badges side by side. */
export function OrderBadges({ t, order }: { t: TFunction; order: Pick<Order, 'status' | 'fulfilment' | 'paidAt'> }) {
  return (
    <span>
      <StatusBadge t={t} order={order} /> <PaidBadge t={t} order={order} />
    </span>
  );
}

/** The right-hand side of an order in a list: its total over its badges. */
export function OrderSide({ t, order }: { t: TFunction; order: Pick<Order, 'status' | 'fulfilment' | 'paidAt' | 'total'> }) {
  return (
    <span class="order-side">
      <b>{money(order.total)}</b>
      <OrderBadges t={t} order={order} />
    </span>
  );
}

export const when = (d: Date, lang: string, timeZone: string) => formatters(lang, timeZone).dateTime(d);
export const day = (d: Date, lang: string, timeZone: string) => formatters(lang, timeZone).date(d);

/** The order's steps with when each happened; those not reached yet are shown greyed. */
export function OrderTimeline({ t, order, lang, timeZone }: { t: TFunction; order: Order; lang: string; timeZone: string }) {
  const shippedKey = order.fulfilment === 'pickup' ? 'ready' : 'shipped';
  const steps: { key: string; at: Date | null; done: boolean }[] = [
    { key: 'created', at: order.createdAt, done: true },
    { key: 'paid', at: order.paidAt, done: !!order.paidAt },
    { key: shippedKey, at: order.shippedAt, done: !!order.shippedAt },
    { key: order.fulfilment === 'pickup' ? 'pickedUp' : 'delivered', at: order.deliveredAt, done: !!order.deliveredAt },
  ];
  const shown = order.status === 'cancelled' ? [...steps.filter((s) => s.done), { key: 'cancelled', at: order.cancelledAt, done: true }] : steps;
  return (
    <ol class="steps">
      {shown.map((step) => (
        <li class={`${step.done ? 'done' : 'todo'}${step.key === 'cancelled' ? ' cancelled' : ''}`}>
          <b>{t(`store:step.${step.key}`)}</b>
          {step.at ? <span class="meta">{when(step.at, lang, timeZone)}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** A form's message, unless it only repeats the one error already shown next to one of the form's fields. */
export function summaryOf(message: string | undefined, errors: FieldErrors | undefined, shown: readonly string[]): string | undefined {
  return message && shown.some((name) => errors?.[name] === message) ? undefined : message;
}
