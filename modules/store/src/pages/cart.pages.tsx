import type { AccountsPort } from '@petfriendly/accounts';
import { formBody, type HttpApp, idParams, isServiceError, requireAuthenticated, ValidationError } from '@petfriendly/core';
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
  pageContext,
  redirect,
  sendPage,
  TextArea,
} from '@petfriendly/ui';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CartOwner } from '../cart.service';
import type { StoreServices } from '../services';
import { cartOwner } from './cart-session';
import { cartTotalsView, money, summaryOf, TotalsList } from './parts';

type Fulfilment = 'pickup' | 'delivery';
const fulfilmentOf = (value: unknown): Fulfilment => (value === 'delivery' ? 'delivery' : 'pickup');
const EMPTY_CART = {
  id: null,
  items: [],
  total: { subtotal: '0.00', discount: '0.00', tax: '0.00', shipping: '0.00', total: '0.00', coupon: null, couponProblem: null },
  count: 0,
};

/** Fields of the checkout form; any other problem belongs to the cart and is shown there. */
const CHECKOUT_FIELDS = /^(paymentMethod|fulfilment|notes|shippingAddress(\..+)?)$/;

/** The cart (guests too) and the checkout (signed-in owners). */
export async function cartPages(app: HttpApp, s: StoreServices, vet: PetsPort & RecordsPort, accounts: AccountsPort) {
  const getCart = async (owner: CartOwner | null, fulfilment: Fulfilment) => (owner ? s.carts.getCart(owner, fulfilment) : EMPTY_CART);

  async function cartPage(
    req: FastifyRequest,
    reply: FastifyReply,
    asked: string | undefined,
    problem: { errors?: FieldErrors; message?: string; lineId?: number; status?: number } = {},
  ) {
    const fulfilment = fulfilmentOf(asked);
    const owner = await cartOwner(req, reply, s);
    const cart = await getCart(owner, fulfilment);
    const pets = req.actor.kind === 'owner' && cart.items.some((i) => i.petId) ? await vet.pets.getUserPets(req.actor) : [];
    const page = pageContext(req, reply);
    const { t } = page;
    const blocked = cart.items.some((i) => i.problem);
    const settings = s.settings;
    // Cart actions come back to the cart as it was shown: pickup or delivery.
    const keep = <input type="hidden" name="fulfilment" value={fulfilment} />;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:cart.title')}>
        <div class="card-head">
          <h1>🛒 {t('store:cart.title')}</h1>
          <a class="btn btn-secondary btn-small" href="/store">
            ← {t('store:cart.keepShopping')}
          </a>
        </div>
        <FormErrorSummary message={problem.lineId ? undefined : summaryOf(problem.message, problem.errors, ['code'])} />
        {cart.items.length === 0 ? (
          <Card>
            <Empty>{t('store:cart.empty')}</Empty>
            <a class="btn" href="/store">
              {t('store:cart.keepShopping')}
            </a>
          </Card>
        ) : (
          <div class="cart-layout">
            <Card class="cart-lines">
              <ul class="list">
                {cart.items.map((item) => {
                  const pet = pets.find((p) => p.id === item.petId);
                  const lineError = problem.lineId === item.id ? problem.message : undefined;
                  return (
                    <li class={`cart-line${item.problem ? ' has-problem' : ''}`} id={`line-${item.id}`}>
                      <span class="line-main">
                        <a href={`/store/${item.product.slug}`}>
                          <b>{item.product.name}</b>
                        </a>
                        <br />
                        <span class="meta">
                          {t('store:cart.each', { price: money(item.product.price) })}
                          {pet ? ` · ${t('store:cart.forPet', { pet: pet.name })}` : ''}
                        </span>
                        {item.problem === 'short' ? (
                          <>
                            <br />
                            <Badge tone="danger">
                              {item.product.inStock > 0 ? t('store:cart.short', { count: item.product.inStock }) : t('store:shop.outOfStock')}
                            </Badge>
                          </>
                        ) : item.problem === 'unavailable' ? (
                          <>
                            <br />
                            <Badge tone="danger">{t('store:cart.unavailable')}</Badge>
                          </>
                        ) : null}
                      </span>
                      <div class="line-actions">
                        <Form ctx={page} action={`/store/cart/items/${item.id}`} class="qty-form">
                          {keep}
                          <div class={`field${lineError ? ' has-error' : ''}`}>
                            <label class="sr-only" for={`qty-${item.id}`}>
                              {t('store:cart.quantity')}
                            </label>
                            <input
                              id={`qty-${item.id}`}
                              name="quantity"
                              type="number"
                              min="0"
                              max="99"
                              value={String(item.quantity)}
                              aria-invalid={lineError ? 'true' : undefined}
                            />
                          </div>
                          <button type="submit" class="btn-small">
                            {t('store:cart.update')}
                          </button>
                        </Form>
                        <Form ctx={page} action={`/store/cart/items/${item.id}/remove`} class="inline">
                          {keep}
                          <button type="submit" class="btn-small btn-secondary" aria-label={`${t('store:cart.remove')} ${item.product.name}`}>
                            ✕
                          </button>
                        </Form>
                        <b class="line-total">{money(item.lineTotal)}</b>
                      </div>
                      {lineError ? <small class="error line-error">{lineError}</small> : null}
                    </li>
                  );
                })}
              </ul>
            </Card>
            <div class="stack">
              <Card title={t('store:cart.coupon')}>
                {cart.total.coupon ? (
                  <div class="stack">
                    <p>
                      <Badge tone={cart.total.couponProblem ? 'warn' : 'ok'}>🏷 {cart.total.coupon.code}</Badge> {cart.total.coupon.description}
                    </p>
                    {cart.total.couponProblem ? <p class="error">{t('store:cart.couponNotApplied')}</p> : null}
                    <Form ctx={page} action="/store/cart/coupon/remove" class="inline">
                      {keep}
                      <button type="submit" class="btn-small btn-secondary">
                        {t('store:cart.removeCoupon')}
                      </button>
                    </Form>
                  </div>
                ) : (
                  <Form ctx={page} action="/store/cart/coupon" class="row">
                    {keep}
                    <Field name="code" label={t('store:cart.couponCode')} errors={problem.errors} autocomplete="off" />
                    <button type="submit" class="btn-secondary">
                      {t('store:cart.applyCoupon')}
                    </button>
                  </Form>
                )}
              </Card>
              <Card title={t('store:cart.fulfilment')}>
                <form method="get" action="/store/cart" class="stack">
                  <div class="choices">
                    {(['pickup', 'delivery'] as const).map((f) => (
                      <label class={`choice radio-choice${f === fulfilment ? ' chosen' : ''}`}>
                        <span>
                          <input type="radio" name="fulfilment" value={f} checked={f === fulfilment} data-autosubmit /> <b>{t(`store:fulfilment.${f}`)}</b>
                        </span>
                        <span class="meta">
                          {f === 'pickup'
                            ? t('store:cart.pickupHint')
                            : t('store:cart.deliveryHint', { rate: money(settings.SHIPPING_FLAT_RATE), over: money(settings.FREE_SHIPPING_OVER) })}
                        </span>
                      </label>
                    ))}
                  </div>
                  <noscript>
                    <button type="submit" class="btn-small btn-secondary">
                      {t('store:cart.recalculate')}
                    </button>
                  </noscript>
                </form>
              </Card>
              <Card title={t('store:cart.summary')}>
                <TotalsList t={t} totals={cartTotalsView(cart.total)} showShipping={fulfilment === 'delivery'} />
                {blocked ? <p class="error">{t('store:cart.problems')}</p> : null}
                {blocked ? (
                  <span class="btn btn-block disabled" aria-disabled="true">
                    {t('store:cart.checkout')}
                  </span>
                ) : req.actor.kind === 'anonymous' ? (
                  // Guests sign in first and come straight back to the checkout; their cart joins their account's.
                  <a class="btn btn-block" href={`/sign-in?next=${encodeURIComponent(`/store/checkout?fulfilment=${fulfilment}`)}`}>
                    {t('store:cart.signInToCheckout')} →
                  </a>
                ) : (
                  <a class="btn btn-block" href={`/store/checkout?fulfilment=${fulfilment}`}>
                    {t('store:cart.checkout')} →
                  </a>
                )}
              </Card>
            </div>
          </div>
        )}
      </Layout>,
      problem.status ?? 200,
    );
  }

  const fulfilmentQuery = z.object({ fulfilment: z.string().optional() });
  app.get('/store/cart', { schema: { querystring: fulfilmentQuery } }, (req, reply) => cartPage(req, reply, req.query.fulfilment));

  const cartBody = formBody({ fulfilment: z.string().optional(), quantity: z.string().optional(), code: z.string().optional() });
  /** A cart action: done, back to the cart with a note; refused, the cart again with the reason where it belongs. */
  const cartAction = async (
    req: FastifyRequest,
    reply: FastifyReply,
    fulfilment: string | undefined,
    run: (owner: CartOwner) => Promise<string | null>,
    lineId?: number,
  ) => {
    try {
      const back = fulfilmentOf(fulfilment) === 'delivery' ? '/store/cart?fulfilment=delivery' : '/store/cart';
      const owner = await cartOwner(req, reply, s);
      if (!owner) return redirect(reply, back);
      const done = await run(owner);
      if (done) flash(reply, 'success', done);
      return redirect(reply, back);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return cartPage(req, reply, fulfilment, { errors: fields, message, lineId, status: isServiceError(error) ? error.statusCode : 422 });
    }
  };

  app.post('/store/cart/items/:id', { schema: { params: idParams, body: cartBody } }, (req, reply) =>
    cartAction(
      req,
      reply,
      req.body.fulfilment,
      async (owner) => {
        const { quantity } = req.body;
        await s.carts.updateItem(owner, req.params.id, { quantity });
        return req.t(Number(quantity) === 0 ? 'store:cart.removed' : 'store:cart.updated');
      },
      req.params.id,
    ),
  );
  app.post('/store/cart/items/:id/remove', { schema: { params: idParams, body: cartBody } }, (req, reply) =>
    cartAction(req, reply, req.body.fulfilment, async (owner) => {
      await s.carts.removeItem(owner, req.params.id);
      return req.t('store:cart.removed');
    }),
  );
  app.post('/store/cart/coupon', { schema: { body: cartBody } }, (req, reply) =>
    cartAction(req, reply, req.body.fulfilment, async (owner) => {
      const cart = await s.carts.applyCoupon(owner, { code: req.body.code ?? '' });
      return req.t('store:cart.couponApplied', { code: cart.total.coupon?.code ?? '' });
    }),
  );
  app.post('/store/cart/coupon/remove', { schema: { body: cartBody } }, (req, reply) =>
    cartAction(req, reply, req.body.fulfilment, async (owner) => {
      await s.carts.removeCoupon(owner);
      return req.t('store:cart.couponRemoved');
    }),
  );

  async function checkoutPage(
    req: FastifyRequest,
    reply: FastifyReply,
    asked: string | undefined,
    form: { values?: Record<string, any>; errors?: FieldErrors; message?: string; status?: number } = {},
  ) {
    const actor = requireAuthenticated(req.actor);
    const values = form.values ?? {};
    const fulfilment = fulfilmentOf(values.fulfilment ?? asked);
    const owner = await cartOwner(req, reply, s);
    const cart = await getCart(owner, fulfilment);
    if (cart.items.length === 0) {
      flash(reply, 'info', req.t('store:cart.empty'));
      return redirect(reply, '/store/cart');
    }
    if (cart.items.some((i) => i.problem)) {
      flash(reply, 'error', req.t('store:cart.problems'));
      return redirect(reply, `/store/cart?fulfilment=${fulfilment}`);
    }
    const profile = actor.kind === 'owner' ? await accounts.users.getProfile(actor).catch(() => null) : null;
    const address = (values.shippingAddress ?? {}) as Record<string, string>;
    const payment = values.paymentMethod === 'card_online' ? 'card_online' : 'pay_at_clinic';
    const page = pageContext(req, reply);
    const { t } = page;
    const errors = form.errors ?? {};
    return sendPage(
      reply,
      <Layout ctx={page} title={t('store:checkout.title')}>
        <div class="card-head">
          <h1>{t('store:checkout.title')}</h1>
          <a class="btn btn-secondary btn-small" href={`/store/cart?fulfilment=${fulfilment}`}>
            ← {t('store:checkout.backToCart')}
          </a>
        </div>
        <FormErrorSummary
          message={summaryOf(
            form.message,
            form.errors,
            Object.keys(form.errors ?? {}).filter((n) => CHECKOUT_FIELDS.test(n)),
          )}
        />
        <div class="cart-layout">
          <Form ctx={page} action="/store/checkout" class="stack checkout-form" id="checkout">
            <Card title={t('store:cart.fulfilment')}>
              <div class="choices">
                {(['pickup', 'delivery'] as const).map((f) => (
                  <label class="choice radio-choice">
                    <span>
                      <input
                        type="radio"
                        name="fulfilment"
                        value={f}
                        checked={f === fulfilment}
                        data-hx-get={`/store/checkout?fulfilment=${f}`}
                        data-hx-trigger="change"
                        data-hx-select="#order-summary"
                        data-hx-target="#order-summary"
                        data-hx-swap="outerHTML"
                      />{' '}
                      <b>{t(`store:fulfilment.${f}`)}</b>
                    </span>
                    <span class="meta">
                      {f === 'pickup'
                        ? t('store:checkout.pickupHint')
                        : t('store:cart.deliveryHint', { rate: money(s.settings.SHIPPING_FLAT_RATE), over: money(s.settings.FREE_SHIPPING_OVER) })}
                    </span>
                  </label>
                ))}
              </div>
              <fieldset class="delivery-only stack">
                <legend>{t('store:checkout.address')}</legend>
                {errors.shippingAddress ? <small class="error">{errors.shippingAddress}</small> : null}
                <Field name="shippingAddress.street" label={t('store:checkout.street')} value={address.street} errors={errors} autocomplete="address-line1" />
                <div class="row">
                  <Field name="shippingAddress.city" label={t('store:checkout.city')} value={address.city} errors={errors} autocomplete="address-level2" />
                  <Field name="shippingAddress.state" label={t('store:checkout.state')} value={address.state} errors={errors} autocomplete="address-level1" />
                </div>
                <div class="row">
                  <Field
                    name="shippingAddress.postalCode"
                    label={t('store:checkout.postalCode')}
                    value={address.postalCode}
                    errors={errors}
                    autocomplete="postal-code"
                  />
                  <Field
                    name="shippingAddress.phone"
                    label={t('store:checkout.phone')}
                    type="tel"
                    value={address.phone ?? profile?.owner?.phone ?? ''}
                    errors={errors}
                    autocomplete="tel"
                  />
                </div>
              </fieldset>
            </Card>
            <Card title={t('store:checkout.payment')}>
              <div class="stack">
                <div class="choices">
                  {(['pay_at_clinic', 'card_online'] as const).map((p) => (
                    <label class="choice radio-choice">
                      <span>
                        <input type="radio" name="paymentMethod" value={p} checked={p === payment} /> <b>{t(`store:payment.${p}`)}</b>
                      </span>
                      <span class="meta">{t(`store:checkout.${p}Hint`)}</span>
                    </label>
                  ))}
                </div>
                {errors.paymentMethod ? <small class="error">{errors.paymentMethod}</small> : null}
                <TextArea name="notes" label={t('store:checkout.notes')} value={values.notes} errors={errors} rows={2} />
              </div>
            </Card>
          </Form>
          <Card title={t('store:cart.summary')}>
            <div id="order-summary">
              <ul class="list compact">
                {cart.items.map((item) => (
                  <li>
                    <span>
                      {item.quantity} × {item.product.name}
                    </span>
                    <span>{money(item.lineTotal)}</span>
                  </li>
                ))}
              </ul>
              <TotalsList t={t} totals={cartTotalsView(cart.total)} showShipping={fulfilment === 'delivery'} />
            </div>
            <button type="submit" form="checkout" class="btn-block">
              {t('store:checkout.place')}
            </button>
          </Card>
        </div>
      </Layout>,
      form.status ?? 200,
    );
  }

  app.get('/store/checkout', { schema: { querystring: fulfilmentQuery } }, (req, reply) => checkoutPage(req, reply, req.query.fulfilment));

  app.post('/store/checkout', async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    const values = nestForm(req.body) as Record<string, any>;
    const input = { ...values };
    if (input.fulfilment !== 'delivery') delete input.shippingAddress;
    try {
      const owner = await cartOwner(req, reply, s);
      if (!owner) throw new ValidationError('store.cart_empty', 'Your cart is empty.');
      const order = await s.checkout.completeCheckout(actor, owner, input);
      flash(reply, 'success', req.t('store:checkout.placed', { number: order.orderNumber }));
      return redirect(reply, `/my/orders/${encodeURIComponent(order.orderNumber)}`);
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      const names = Object.keys(fields);
      // The form's own fields come back next to them; stock, prescriptions or a changed cart are the cart's business.
      if (error instanceof ValidationError && names.length > 0 && names.every((n) => CHECKOUT_FIELDS.test(n))) {
        return checkoutPage(req, reply, undefined, { values, errors: fields, message, status: 422 });
      }
      flash(reply, 'error', message);
      return redirect(reply, `/store/cart?fulfilment=${fulfilmentOf(values.fulfilment)}`);
    }
  });
}
