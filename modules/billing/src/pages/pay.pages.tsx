import { type HttpApp, idParams, type ModuleContext, requireAuthenticated, rowId } from '@petfriendly/core';
import { Card, Form, flash, formErrors, Layout, pageContext, redirect, sendPage } from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { BillingServices } from '../services';
import { LinesTable, money, Totals } from './parts';
import { STRIPE_PAY_JS } from './stripe-pay.client';

const STRIPE_LOCALE: Record<string, string> = { es: 'es-419', en: 'en', de: 'de', fr: 'fr', it: 'it' };

/**
 * Paying an invoice's balance by card online: Stripe's Payment Element when Stripe is configured, and
 * a clearly labelled test button on the embedded local gateway.
 */
export async function payPages(app: HttpApp, s: BillingServices, ctx: ModuleContext) {
  const invoicePath = (req: FastifyRequest, id: number) => (req.actor.kind === 'staff' ? `/admin/billing/invoices/${id}` : `/my/invoices/${id}`);
  const baseUrl = (req: FastifyRequest) => (ctx.server.BASE_URL ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');

  app.get('/billing/pay.js', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=3600').type('text/javascript; charset=utf-8').send(STRIPE_PAY_JS),
  );

  async function payPage(req: FastifyRequest, reply: FastifyReply, invoiceId: number) {
    const actor = requireAuthenticated(req.actor);
    let intent: Awaited<ReturnType<BillingServices['payments']['startCardPayment']>>;
    try {
      intent = await s.payments.startCardPayment(actor, invoiceId);
    } catch (error) {
      flash(reply, 'error', formErrors(error, req.t).message);
      return redirect(reply, invoicePath(req, invoiceId));
    }
    const { invoice } = intent;
    const page = pageContext(req, reply);
    const { t } = page;
    const amount = money(intent.amount);
    const title = t('billing:pay.title', { number: invoice.invoiceNumber });
    return sendPage(
      reply,
      <Layout ctx={page} title={title}>
        <div class="bill-narrow">
          <h1>{title}</h1>
          <p class="meta">
            <a href={invoicePath(req, invoice.id)}>← {t('billing:invoice.title', { number: invoice.invoiceNumber })}</a>
          </p>
          <Card class="bill-pay">
            <p>
              {t('billing:pay.amount')}: <b class="bill-amount">{amount}</b>
            </p>
          </Card>
          {intent.gateway === 'stripe' && intent.publishableKey && intent.clientSecret ? (
            <Card icon="credit-card" title={t('billing:pay.card')}>
              <div
                id="stripe-pay"
                data-key={intent.publishableKey}
                data-secret={intent.clientSecret}
                data-locale={STRIPE_LOCALE[page.lang] ?? 'auto'}
                data-return-url={`${baseUrl(req)}/my/invoices/${invoice.id}?paid=1`}
                data-processing={t('billing:pay.processing')}
                data-failed={t('billing:pay.failed')}
                data-unavailable={t('billing:pay.unavailable')}
              >
                <form id="payment-form" class="stack" data-hx-boost="false">
                  <div id="payment-element" class="bill-element" />
                  <div id="payment-message" class="flash flash-error" role="alert" hidden />
                  <button type="submit" disabled>
                    🔒 {t('billing:pay.submit', { amount })}
                  </button>
                </form>
                <noscript>
                  <p class="flash flash-info">{t('billing:pay.needsJs')}</p>
                </noscript>
                <p class="meta">{t('billing:pay.secure')}</p>
              </div>
              <script src="https://js.stripe.com/v3/"></script>
              <script src="/billing/pay.js" defer></script>
            </Card>
          ) : (
            <Card title={`🧪 ${t('billing:pay.localTitle')}`} class="bill-test">
              <p>{t('billing:pay.localHelp')}</p>
              <Form ctx={page} action={`/pay/local/${encodeURIComponent(intent.intentId)}`}>
                <button type="submit">{t('billing:pay.localSubmit', { amount })}</button>
              </Form>
            </Card>
          )}
          <details class="add">
            <summary>{t('billing:invoice.lines')}</summary>
            <LinesTable t={t} invoice={invoice} />
            <Totals t={t} invoice={invoice} />
          </details>
        </div>
      </Layout>,
    );
  }

  app.get('/pay/invoice/:id', { schema: { params: idParams } }, async (req, reply) => payPage(req, reply, req.params.id));

  app.get('/pay/order/:orderId', { schema: { params: z.object({ orderId: rowId }) } }, async (req, reply) => {
    const invoice = await s.invoices.invoiceOfOrder(requireAuthenticated(req.actor), req.params.orderId);
    return payPage(req, reply, invoice.id);
  });

  app.post('/pay/local/:intentId', { schema: { params: z.object({ intentId: z.string() }) } }, async (req, reply) => {
    const { intentId } = req.params;
    const payment = await s.payments.confirmLocalCardPayment(req.actor, intentId).catch((error: unknown) => {
      flash(reply, 'error', formErrors(error, req.t).message);
      return null;
    });
    if (!payment) return redirect(reply, req.actor.kind === 'staff' ? '/admin/billing' : '/my/invoices');
    flash(reply, 'success', req.t('billing:pay.received'));
    return redirect(reply, invoicePath(req, payment.invoiceId));
  });
}
