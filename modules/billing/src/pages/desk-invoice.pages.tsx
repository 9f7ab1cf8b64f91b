import { randomUUID } from 'node:crypto';
import { money as decimal, type HttpApp, idParams, isServiceError, type ModuleContext, requireStaff, TAX_CLASSES, ValidationError } from '@petfriendly/core';
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
  pageContext,
  redirect,
  Select,
  sendPage,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CARD_TYPES } from '../billing.tables';
import type { BillingServices } from '../services';
import { PendingCharges } from './charges.pages';
import type { DeskDeps } from './desk.pages';
import { CfdiCard } from './desk-invoice-cfdi';
import { cfdiDownload } from './owner.pages';
import { type ActionParams, actionParams, CfdiBadge, dayOf, invoiceUrl, LinesTable, money, PaymentsList, StatusBadge, Totals } from './parts';

/** Which form on the invoice page came back with errors, and what was typed in it. */
interface Problem {
  form: string;
  fields: FieldErrors;
  message: string;
  values: Record<string, string>;
}

const DESK_METHODS = ['cash', 'manual_card', 'transfer', 'account_credit'] as const;
const FIELDLESS = new Set(['line-product', 'remove', 'issue', 'cancel', 'cfdi']);
const isManager = (actor: { role: string }) => actor.role === 'manager' || actor.role === 'admin';

/** One invoice at the front desk: lines, pet, payments and refunds, CFDI; each form re-renders with its own errors. */
export async function deskInvoicePages(app: HttpApp, s: BillingServices, ctx: ModuleContext, deps: DeskDeps) {
  const tz = ctx.clinic.TIME_ZONE;

  async function invoicePage(req: FastifyRequest, reply: FastifyReply, id: number, asked: string | undefined, problem?: Problem) {
    const staff = requireStaff(req.actor);
    const invoice = await s.invoices.getInvoice(staff, id);
    const query = (asked ?? '').trim().slice(0, 100);
    const draft = invoice.status === 'draft';
    const ownerId = invoice.ownerId;
    const [names, fiscal, credit, services, products, pets, pending] = await Promise.all([
      ownerId ? deps.accounts.directory.namesOf([ownerId]) : Promise.resolve(new Map<string, string>()),
      ownerId ? s.fiscal.getFiscalProfile(staff, ownerId) : Promise.resolve(null),
      ownerId ? s.payments.creditBalance(staff, ownerId) : Promise.resolve('0.00'),
      draft ? deps.appointments.appointments.listServices(staff) : Promise.resolve([]),
      draft && query ? deps.store.products.searchProducts(staff, { query, inStockOnly: true, pageSize: 8 }) : Promise.resolve(null),
      ownerId ? deps['vet-clinic'].pets.getUserPets(staff, ownerId) : Promise.resolve([]),
      draft && invoice.petId ? s.charges.pendingForPet(staff, invoice.petId) : Promise.resolve([]),
    ]);
    const page = pageContext(req, reply);
    const { t } = page;
    const manager = isManager(staff);
    const payable = invoice.status !== 'cancelled' && decimal(invoice.balance).gt(0);
    const canIssueCfdi = invoice.cfdiStatus === 'none' && !invoice.globalInvoiceId && invoice.status !== 'draft' && invoice.status !== 'cancelled';
    const activeCfdi = invoice.cfdiStatus === 'sealed' || invoice.cfdiStatus === 'stamped';
    const cancellable = invoice.status !== 'cancelled' && decimal(invoice.amountPaid).isZero() && invoice.cfdiStatus !== 'stamped';
    const errorsFor = (form: string) => (problem?.form === form ? problem.fields : {});
    const valuesFor = (form: string) => (problem?.form === form ? problem.values : {});
    // Forms without visible fields (a product's quantity, a remove button) show the field texts in the message.
    const messageFor = (form: string) => {
      if (problem?.form !== form) return null;
      const texts = Object.values(problem.fields).filter(Boolean);
      return <FormErrorSummary message={FIELDLESS.has(form) && texts.length ? texts.join(' ') : problem.message} />;
    };
    const title = t('billing:invoice.title', { number: invoice.invoiceNumber });
    const refundable = s.payments.refundable(invoice.payments);
    const payment = valuesFor('payment');
    const ownerName = ownerId ? (names.get(ownerId) ?? '') : t('billing:desk.publicoGeneral');

    return sendPage(
      reply,
      <Layout ctx={page} title={title} area="admin">
        <p class="meta">
          <a href="/admin/billing">← {t('billing:desk.title')}</a>
        </p>
        <div class="card-head">
          <h1>{title}</h1>
          <span>
            <StatusBadge t={t} status={invoice.status} /> <CfdiBadge t={t} invoice={invoice} />
          </span>
        </div>
        <p class="meta bill-who">
          👤 <b>{ownerName}</b>
          {invoice.appointmentId ? ` · ${t('billing:desk.fromAppointment')}` : invoice.orderId ? ` · ${t('billing:desk.fromOrder')}` : ''}
          {invoice.dueDate && payable && !draft ? ` · ${t('billing:invoice.dueDate')}: ${dayOf(invoice.dueDate, page.lang)}` : ''}
          {!draft && invoice.petId ? ` · 🐾 ${pets.find((p) => p.id === invoice.petId)?.name ?? ''}` : ''}
        </p>
        {draft && pets.length ? (
          <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/pet`} class="row bill-pet">
            {messageFor('pet')}
            <Select
              name="petId"
              label={t('billing:desk.pet')}
              value={String(invoice.petId ?? '')}
              options={[{ value: '', label: t('billing:desk.noPet') }, ...pets.map((p) => ({ value: String(p.id), label: p.name }))]}
              errors={errorsFor('pet')}
            />
            <button type="submit" class="btn-small btn-secondary">
              {t('billing:desk.setPet')}
            </button>
          </Form>
        ) : null}

        <div class="bill-layout">
          <div>
            <Card title={t('billing:invoice.lines')} class="bill-lines-card">
              {messageFor('remove')}
              <LinesTable
                t={t}
                invoice={invoice}
                remove={
                  draft
                    ? (lineId) => (
                        <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/lines/${lineId}/remove`} class="inline">
                          <button type="submit" class="btn-small btn-secondary" aria-label={t('billing:desk.remove')} title={t('billing:desk.remove')}>
                            ✕
                          </button>
                        </Form>
                      )
                    : undefined
                }
              />
              <Totals t={t} invoice={invoice} />
              {draft ? (
                <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/issue`} class="row bill-issue">
                  {messageFor('issue')}
                  <button type="submit" class="btn-secondary">
                    📨 {t('billing:desk.issue')}
                  </button>
                  <span class="meta">{t('billing:desk.issueHelp')}</span>
                </Form>
              ) : null}
            </Card>

            {pending.length ? <PendingCharges ctx={page} invoiceId={invoice.id} items={pending} totals={s.charges.totalsOf(pending)} /> : null}
            {draft ? (
              <Card title={t('billing:desk.addTitle')} class="bill-add">
                <div id="add" />
                <form method="get" action={`${invoiceUrl(invoice.id)}#add`} class="search-bar" role="search">
                  <input type="search" name="q" value={query} placeholder={t('billing:desk.productPlaceholder')} aria-label={t('billing:desk.productSearch')} />
                  <button type="submit">🔍</button>
                </form>
                {messageFor('line-product')}
                {products && products.items.length === 0 ? <Empty>{t('billing:desk.noProducts', { query })}</Empty> : null}
                {products ? (
                  <ul class="list bill-products">
                    {products.items.map((p) => (
                      <li>
                        <span class="bill-grow">
                          <b>{p.name}</b>
                          <br />
                          <span class="meta">
                            {p.sku} · {money(p.price)} {t('billing:desk.withTax')} · {t('billing:desk.inStock', { count: p.inStock })}
                          </span>
                        </span>
                        <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/lines`} class="bill-qty">
                          <input type="hidden" name="kind" value="product" />
                          <input type="hidden" name="productId" value={String(p.id)} />
                          <input type="number" name="quantity" value="1" min="1" max={String(p.inStock)} step="1" aria-label={t('billing:invoice.quantity')} />
                          <button type="submit" class="btn-small">
                            + {t('billing:desk.add')}
                          </button>
                        </Form>
                      </li>
                    ))}
                  </ul>
                ) : null}

                <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/lines`} class="stack bill-subform" id="form-service">
                  {messageFor('line-service')}
                  <input type="hidden" name="kind" value="service" />
                  <div class="row">
                    <Select
                      name="serviceId"
                      label={t('billing:desk.service')}
                      value={valuesFor('line-service').serviceId ?? ''}
                      errors={errorsFor('line-service')}
                      options={[
                        { value: '', label: t('billing:desk.chooseService') },
                        ...services.map((sv) => ({ value: String(sv.id), label: `${sv.name} · ${money(sv.price)}` })),
                      ]}
                    />
                    <div class="bill-qty-field">
                      <Field
                        name="quantity"
                        type="number"
                        label={t('billing:invoice.quantity')}
                        value={valuesFor('line-service').quantity ?? '1'}
                        min="0.01"
                        step="0.01"
                        errors={errorsFor('line-service')}
                      />
                    </div>
                  </div>
                  <button type="submit" class="btn-small">
                    + {t('billing:desk.add')}
                  </button>
                </Form>

                <details class="add" open={problem?.form === 'line-free' ? true : undefined}>
                  <summary>{t('billing:desk.freeLine')}</summary>
                  <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/lines`} class="stack" id="form-free">
                    {messageFor('line-free')}
                    <input type="hidden" name="kind" value="free" />
                    <Field
                      name="description"
                      label={t('billing:invoice.description')}
                      value={valuesFor('line-free').description}
                      errors={errorsFor('line-free')}
                      required
                    />
                    <div class="row">
                      <Field
                        name="unitPrice"
                        label={t('billing:desk.unitPriceNet')}
                        value={valuesFor('line-free').unitPrice}
                        errors={errorsFor('line-free')}
                        placeholder="0.00"
                        required
                      />
                      <Field
                        name="quantity"
                        type="number"
                        label={t('billing:invoice.quantity')}
                        value={valuesFor('line-free').quantity ?? '1'}
                        min="0.01"
                        step="0.01"
                        errors={errorsFor('line-free')}
                      />
                    </div>
                    <div class="row">
                      <Select
                        name="taxClass"
                        label={t('billing:desk.taxClass')}
                        value={valuesFor('line-free').taxClass ?? 'iva16'}
                        errors={errorsFor('line-free')}
                        options={TAX_CLASSES.map((c) => ({ value: c, label: t(`billing:tax.${c}`) }))}
                      />
                      <Field
                        name="discountPercent"
                        type="number"
                        label={t('billing:desk.discountPercent')}
                        value={valuesFor('line-free').discountPercent ?? ''}
                        min="0"
                        max="100"
                        step="0.01"
                        errors={errorsFor('line-free')}
                      />
                    </div>
                    <button type="submit" class="btn-small">
                      + {t('billing:desk.add')}
                    </button>
                  </Form>
                </details>
              </Card>
            ) : null}
          </div>

          <div>
            {payable ? (
              <Card title={t('billing:desk.payTitle')} class="bill-take">
                <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/payments`} class="stack" id="form-payment">
                  {messageFor('payment')}
                  <input type="hidden" name="idempotencyKey" value={payment.idempotencyKey || randomUUID()} />
                  <div class="row">
                    <Field
                      name="amount"
                      label={t('billing:desk.amount')}
                      value={payment.amount ?? decimal(invoice.balance).toFixed(2)}
                      errors={errorsFor('payment')}
                      required
                      hint={t('billing:desk.amountHint')}
                    />
                    <Select
                      name="method"
                      label={t('billing:desk.method')}
                      value={payment.method ?? 'cash'}
                      errors={errorsFor('payment')}
                      options={DESK_METHODS.map((m) => ({ value: m, label: t(`billing:method.${m}`) }))}
                    />
                  </div>
                  <Select
                    name="cardType"
                    label={t('billing:desk.cardType')}
                    value={payment.cardType ?? ''}
                    errors={errorsFor('payment')}
                    options={[
                      { value: '', label: t('billing:desk.cardTypeNone') },
                      ...CARD_TYPES.map((c) => ({ value: c, label: t(`billing:cardType.${c}`) })),
                    ]}
                  />
                  <Field
                    name="referenceNumber"
                    label={t('billing:desk.reference')}
                    value={payment.referenceNumber}
                    errors={errorsFor('payment')}
                    hint={t('billing:desk.referenceHint')}
                  />
                  {s.settings.CASH_DISCOUNT_PERCENT > 0 && decimal(invoice.amountPaid).isZero() && invoice.cfdiStatus === 'none' ? (
                    <>
                      <Checkbox
                        name="applyCashDiscount"
                        label={t('billing:desk.cashDiscount', { percent: s.settings.CASH_DISCOUNT_PERCENT })}
                        checked={payment.applyCashDiscount === 'true'}
                      />
                      {errorsFor('payment').applyCashDiscount ? <small class="error">{errorsFor('payment').applyCashDiscount}</small> : null}
                    </>
                  ) : null}
                  {decimal(credit).gt(0) ? <p class="meta">💰 {t('billing:desk.credit', { amount: money(credit) })}</p> : null}
                  <button type="submit">✓ {t('billing:desk.record')}</button>
                </Form>
              </Card>
            ) : null}

            <Card title={t('billing:invoice.payments')}>
              {messageFor('refund')}
              <PaymentsList
                t={t}
                payments={invoice.payments}
                lang={page.lang}
                timeZone={tz}
                extra={(p) => {
                  const left = refundable.get(p.id);
                  if (!manager || !left?.gt(0)) return null;
                  const form = `refund-${p.id}`;
                  return (
                    <details class="add bill-refund-form" open={problem?.form === form ? true : undefined}>
                      <summary>↩ {t('billing:desk.refund')}</summary>
                      <div data-hx-confirm={t('billing:desk.confirmRefund')}>
                        <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/payments/${p.id}/refund`} class="stack">
                          {messageFor(form)}
                          <Field
                            name="amount"
                            label={t('billing:desk.amount')}
                            value={valuesFor(form).amount ?? left.toFixed(2)}
                            errors={errorsFor(form)}
                            required
                          />
                          <Field name="reason" label={t('billing:desk.refundReason')} value={valuesFor(form).reason} errors={errorsFor(form)} required />
                          <Checkbox name="toCredit" label={t('billing:desk.toCredit')} checked={valuesFor(form).toCredit === 'true'} />
                          <button type="submit" class="btn-small btn-danger">
                            ↩ {t('billing:desk.refund')}
                          </button>
                        </Form>
                      </div>
                    </details>
                  );
                }}
              />
            </Card>

            <CfdiCard
              page={page}
              invoice={invoice}
              fiscal={fiscal}
              tz={tz}
              canIssue={canIssueCfdi}
              canCancel={activeCfdi && manager}
              forms={{ messageFor, errorsFor, valuesFor, opened: problem?.form }}
            />

            {cancellable ? (
              <Card class="bill-danger">
                {messageFor('cancel')}
                <div data-hx-confirm={t('billing:desk.confirmCancel', { number: invoice.invoiceNumber })}>
                  <Form ctx={page} action={`/admin/billing/invoices/${invoice.id}/cancel`} class="row bill-issue">
                    <button type="submit" class="btn-small btn-danger">
                      {t('billing:desk.cancelInvoice')}
                    </button>
                    <span class="meta">{t('billing:desk.cancelHelp')}</span>
                  </Form>
                </div>
              </Card>
            ) : null}
          </div>
        </div>
      </Layout>,
      problem ? 422 : 200,
    );
  }

  app.get('/admin/billing/invoices/:id', { schema: { params: idParams, querystring: z.object({ q: z.string().optional() }) } }, async (req, reply) =>
    invoicePage(req, reply, req.params.id, req.query.q),
  );
  app.get('/admin/billing/invoices/:id/cfdi.pdf', { schema: { params: idParams } }, async (req, reply) => {
    requireStaff(req.actor);
    return cfdiDownload(s, 'pdf')(req, reply, req.params.id);
  });
  app.get('/admin/billing/invoices/:id/cfdi.xml', { schema: { params: idParams } }, async (req, reply) => {
    requireStaff(req.actor);
    return cfdiDownload(s, 'xml')(req, reply, req.params.id);
  });
  app.get('/admin/billing/invoices/:id/cfdi/acuse.xml', { schema: { params: idParams } }, async (req, reply) => {
    requireStaff(req.actor);
    return cfdiDownload(s, 'acuse')(req, reply, req.params.id);
  });

  /**
   * A desk action: on success a flash and back to the invoice; a field problem re-renders the page with
   * the errors next to the fields of the form that was sent, keeping what was typed.
   */
  function action(
    path: string,
    form: (ids: ActionParams, body: Record<string, string>) => string,
    run: (req: FastifyRequest, ids: ActionParams, body: Record<string, string>) => Promise<string>,
    hash = '',
  ) {
    app.post(path, { schema: { params: actionParams } }, async (req, reply) => {
      const ids = req.params;
      const { id } = ids;
      const body = nestForm(req.body) as Record<string, string>;
      try {
        const message = await run(req, ids, body);
        flash(reply, 'success', message);
        return redirect(reply, invoiceUrl(id, hash));
      } catch (error) {
        const { fields, message } = formErrors(error, req.t);
        return invoicePage(req, reply, id, undefined, { form: form(ids, body), fields, message, values: body });
      }
    });
  }

  action(
    '/admin/billing/invoices/:id/lines',
    (_ids, body) => `line-${body.kind ?? 'free'}`,
    async (req, { id }, body) => {
      const { kind, ...line } = body;
      if (kind === 'product') await s.invoices.addLine(req.actor, id, { productId: line.productId, quantity: line.quantity });
      else if (kind === 'service') {
        if (!line.serviceId) throw ValidationError.forField('billing.choose_service', 'serviceId', 'choose a service');
        await s.invoices.addLine(req.actor, id, { serviceId: line.serviceId, quantity: line.quantity });
      } else
        await s.invoices.addLine(req.actor, id, {
          description: line.description,
          unitPrice: line.unitPrice,
          quantity: line.quantity,
          taxClass: line.taxClass,
          discountPercent: line.discountPercent,
        });
      return req.t('billing:desk.lineAdded');
    },
    '#add',
  );
  action(
    '/admin/billing/invoices/:id/lines/:lineId/remove',
    () => 'remove',
    async (req, { id, lineId }) => {
      await s.invoices.removeLine(req.actor, id, lineId ?? 0);
      return req.t('billing:desk.lineRemoved');
    },
  );
  action(
    '/admin/billing/invoices/:id/pet',
    () => 'pet',
    async (req, { id }, body) => {
      const petId = Number((body as { petId?: string }).petId) || null;
      await s.invoices.setPet(req.actor, id, petId);
      return req.t('billing:desk.petSet');
    },
  );
  action(
    '/admin/billing/invoices/:id/issue',
    () => 'issue',
    async (req, { id }) => {
      await s.invoices.issueInvoice(req.actor, id);
      return req.t('billing:desk.issued');
    },
  );
  action(
    '/admin/billing/invoices/:id/payments',
    () => 'payment',
    async (req, { id }, body) => {
      const paid = await s.payments.recordPayment(req.actor, id, body);
      return req.t('billing:desk.recorded', { amount: money(paid.amount) });
    },
  );
  action(
    '/admin/billing/invoices/:id/payments/:paymentId/refund',
    ({ paymentId }) => `refund-${paymentId}`,
    async (req, { paymentId }, body) => {
      const refund = await s.payments.refundPayment(req.actor, paymentId ?? 0, body);
      return req.t('billing:desk.refunded', { amount: money(decimal(refund.amount).negated().toFixed(2)) });
    },
  );
  action(
    '/admin/billing/invoices/:id/cfdi/cancel',
    () => 'cfdi-cancel',
    async (req, { id }, body) => {
      await s.cfdi.cancelCfdi(req.actor, id, body);
      return req.t('billing:desk.cfdiCancelled');
    },
    '#cfdi',
  );
  action(
    '/admin/billing/invoices/:id/cancel',
    () => 'cancel',
    async (req, { id }) => {
      await s.invoices.cancelInvoice(req.actor, id);
      return req.t('billing:desk.invoiceCancelled');
    },
  );

  app.post('/admin/billing/invoices/:id/cfdi', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    try {
      const invoice = await s.cfdi.issueCfdi(req.actor, id);
      flash(reply, 'success', req.t(invoice.cfdiUuid ? 'billing:desk.cfdiStamped' : 'billing:desk.cfdiSealed'));
      return redirect(reply, invoiceUrl(id, '#cfdi'));
    } catch (error) {
      if (isServiceError(error) && error.code === 'billing.fiscal_data_missing') {
        const invoice = await s.invoices.getInvoice(req.actor, id);
        flash(reply, 'info', req.t('billing:desk.fiscalFirst'));
        return redirect(reply, `/admin/billing/owners/${invoice.ownerId}/fiscal?next=${encodeURIComponent(invoiceUrl(id, '#cfdi'))}`);
      }
      const { fields, message } = formErrors(error, req.t);
      return invoicePage(req, reply, id, undefined, { form: 'cfdi', fields, message, values: {} });
    }
  });
}
