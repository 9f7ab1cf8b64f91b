import { money as decimal, type HttpApp, idParams, isServiceError, type ModuleContext, pageOnlyQuery, requireAuthenticated } from '@petfriendly/core';
import {
  Card,
  Empty,
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
  sendPage,
} from '@petfriendly/ui';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { balanceOf, type Invoice } from '../invoice.service';
import type { BillingServices } from '../services';
import { FiscalForm, type FiscalValues } from './fiscal-form';
import { CfdiBadge, dateOf, dayOf, LinesTable, money, nextQuery, PaymentsList, StatusBadge, safeNext, Totals } from './parts';

const paidQuery = z.object({ paid: z.string().optional(), redirect_status: z.string().optional() });

/** Sends the CFDI's PDF or XML as a download (owners their own, staff any). */
export function cfdiDownload(s: BillingServices, format: 'pdf' | 'xml' | 'acuse') {
  return async (req: FastifyRequest, reply: FastifyReply, id: number) => {
    const file = await s.cfdi.cfdiFile(req.actor, id, format);
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .type(file.type)
      .send(file.body);
  };
}

/** The owner portal's invoices: list, detail, card payment link, asking for a factura, fiscal data. */
export async function ownerPages(app: HttpApp, s: BillingServices, ctx: ModuleContext) {
  const tz = ctx.clinic.TIME_ZONE;

  app.get('/my/invoices', { schema: { querystring: pageOnlyQuery } }, async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    const list = await s.invoices.listInvoices(actor, { page: req.query.page });
    const page = pageContext(req, reply);
    const { t } = page;
    return sendPage(
      reply,
      <Layout ctx={page} title={t('billing:my.title')}>
        <div class="card-head">
          <h1>{t('billing:my.title')}</h1>
          <a class="btn btn-secondary btn-small" href="/my/fiscal">
            🧾 {t('billing:fiscal.title')}
          </a>
        </div>
        <Card>
          {list.items.length === 0 ? <Empty>{t('billing:my.none')}</Empty> : null}
          {list.items.length ? (
            <table class="data bill-list">
              <thead>
                <tr>
                  <th>{t('billing:invoice.number')}</th>
                  <th>{t('billing:invoice.date')}</th>
                  <th class="num">{t('billing:invoice.total')}</th>
                  <th class="num">{t('billing:invoice.balance')}</th>
                  <th>{t('billing:invoice.status')}</th>
                  <th>{t('billing:cfdi.title')}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((i) => (
                  <tr>
                    <td>
                      <a href={`/my/invoices/${i.id}`}>
                        <b>{i.invoiceNumber}</b>
                      </a>
                    </td>
                    <td data-label={t('billing:invoice.date')}>{dateOf(i.issuedAt ?? i.createdAt, page.lang, tz)}</td>
                    <td class="num" data-label={t('billing:invoice.total')}>
                      {money(i.total)}
                    </td>
                    <td class="num" data-label={t('billing:invoice.balance')}>
                      {i.status === 'cancelled' ? '—' : money(balanceOf(i))}
                    </td>
                    <td data-label={t('billing:invoice.status')}>
                      <StatusBadge t={t} status={i.status} />
                    </td>
                    <td data-label={t('billing:cfdi.title')}>
                      <CfdiBadge t={t} invoice={i} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <Pager ctx={page} page={list.page} hasNext={list.hasNext} href={(n) => `/my/invoices?page=${n}`} />
        </Card>
      </Layout>,
    );
  });

  app.get('/my/invoices/:id', { schema: { params: idParams, querystring: paidQuery } }, async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    const invoice = await s.invoices.getInvoice(actor, req.params.id);
    const page = pageContext(req, reply);
    const { t } = page;
    const payable = decimal(invoice.balance).gt(0) && invoice.status !== 'cancelled' && invoice.status !== 'draft';
    const canAsk =
      invoice.cfdiStatus === 'none' && !invoice.globalInvoiceId && invoice.status !== 'cancelled' && invoice.status !== 'draft' && invoice.kind === 'standard';
    const hasFile = invoice.cfdiStatus !== 'none';
    // Back from Stripe: the webhook may still be on its way.
    const back = req.query;
    const notice = back.paid !== '1' ? null : back.redirect_status === 'failed' ? 'error' : payable ? 'info' : 'success';
    return sendPage(
      reply,
      <Layout ctx={page} title={t('billing:invoice.title', { number: invoice.invoiceNumber })}>
        <div class="card-head">
          <h1>{t('billing:invoice.title', { number: invoice.invoiceNumber })}</h1>
          <span>
            <StatusBadge t={t} status={invoice.status} /> <CfdiBadge t={t} invoice={invoice} />
          </span>
        </div>
        <p class="meta">
          <a href="/my/invoices">← {t('billing:my.title')}</a> · {t('billing:invoice.date')}: {dateOf(invoice.issuedAt ?? invoice.createdAt, page.lang, tz)}
          {invoice.dueDate && payable ? ` · ${t('billing:invoice.dueDate')}: ${dayOf(invoice.dueDate, page.lang)}` : ''}
        </p>
        {notice ? <div class={`flash flash-${notice}`}>{t(`billing:pay.returned.${notice}`)}</div> : null}
        {payable ? (
          <Card class="bill-pay">
            <p>
              {t('billing:invoice.balance')}: <b>{money(invoice.balance)}</b>
            </p>
            <a class="btn" href={`/pay/invoice/${invoice.id}`} data-hx-boost="false">
              💳 {t('billing:my.payCard')}
            </a>
          </Card>
        ) : null}
        <div class="bill-layout">
          <Card title={t('billing:invoice.lines')}>
            <LinesTable t={t} invoice={invoice} />
            <Totals t={t} invoice={invoice} />
          </Card>
          <div>
            <Card title={t('billing:invoice.payments')}>
              <PaymentsList t={t} payments={invoice.payments} lang={page.lang} timeZone={tz} />
            </Card>
            <Card title={t('billing:cfdi.facturaTitle')}>
              {canAsk ? (
                <>
                  <p>{t('billing:my.askHelp')}</p>
                  <Form ctx={page} action={`/my/invoices/${invoice.id}/cfdi`} class="row">
                    <button type="submit">🧾 {t('billing:my.ask')}</button>
                    <a href={`/my/fiscal?next=/my/invoices/${invoice.id}`}>{t('billing:fiscal.title')}</a>
                  </Form>
                </>
              ) : null}
              {invoice.cfdiStatus === 'none' && invoice.globalInvoiceId ? <p class="meta">{t('billing:cfdi.inGlobalHelp')}</p> : null}
              {invoice.cfdiStatus === 'none' && !canAsk && !invoice.globalInvoiceId ? <p class="meta">{t('billing:cfdi.notYet')}</p> : null}
              {hasFile ? <CfdiFacts t={t} invoice={invoice} lang={page.lang} tz={tz} /> : null}
              {hasFile ? <DownloadLinks t={t} base={`/my/invoices/${invoice.id}`} invoice={invoice} /> : null}
            </Card>
          </div>
        </div>
      </Layout>,
    );
  });

  app.post('/my/invoices/:id/cfdi', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    try {
      await s.cfdi.issueCfdi(req.actor, id);
      flash(reply, 'success', req.t('billing:my.cfdiReady'));
    } catch (error) {
      if (isServiceError(error) && error.code === 'billing.fiscal_data_missing') {
        flash(reply, 'info', req.t('billing:my.fiscalFirst'));
        return redirect(reply, `/my/fiscal?next=${encodeURIComponent(`/my/invoices/${id}`)}`);
      }
      flash(reply, 'error', formErrors(error, req.t).message);
    }
    return redirect(reply, `/my/invoices/${id}`);
  });

  app.get('/billing/payments/:id/complement.xml', { schema: { params: idParams } }, async (req, reply) => {
    const file = await s.cfdi.complementFile(req.actor, req.params.id);
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .type(file.type)
      .send(file.body);
  });
  app.get('/my/invoices/:id/cfdi.pdf', { schema: { params: idParams } }, (req, reply) => cfdiDownload(s, 'pdf')(req, reply, req.params.id));
  app.get('/my/invoices/:id/cfdi.xml', { schema: { params: idParams } }, (req, reply) => cfdiDownload(s, 'xml')(req, reply, req.params.id));
  app.get('/my/invoices/:id/cfdi/acuse.xml', { schema: { params: idParams } }, (req, reply) => cfdiDownload(s, 'acuse')(req, reply, req.params.id));

  const fiscalPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    nextAsked: string | undefined,
    values: FiscalValues,
    errors: FieldErrors = {},
    message?: string,
    status = 200,
  ) => {
    const page = pageContext(req, reply);
    const { t } = page;
    const next = safeNext(nextAsked, '');
    return sendPage(
      reply,
      <Layout ctx={page} title={t('billing:fiscal.title')}>
        <div class="bill-narrow">
          <h1>{t('billing:fiscal.title')}</h1>
          <p class="meta">
            <a href={next || '/my/invoices'}>← {next ? t('billing:fiscal.backToInvoice') : t('billing:my.title')}</a>
          </p>
          <Card>
            <p>{t('billing:fiscal.intro')}</p>
            <FormErrorSummary message={message} />
            <FiscalForm ctx={page} action="/my/fiscal" values={values} errors={errors} next={next || undefined} />
          </Card>
        </div>
      </Layout>,
      status,
    );
  };

  app.get('/my/fiscal', { schema: { querystring: nextQuery } }, async (req, reply) => {
    const actor = requireAuthenticated(req.actor);
    const profile = await s.fiscal.getFiscalProfile(actor);
    return fiscalPage(req, reply, req.query.next, profile ?? {});
  });

  app.post('/my/fiscal', { schema: { querystring: nextQuery } }, async (req, reply) => {
    const body = nestForm(req.body) as FiscalValues & { next?: string };
    const { next, ...values } = body;
    try {
      await s.fiscal.saveFiscalProfile(req.actor, values);
      const to = safeNext(next, '');
      flash(reply, 'success', req.t(to ? 'billing:fiscal.savedAsk' : 'billing:fiscal.saved'));
      return redirect(reply, to || '/my/fiscal');
    } catch (error) {
      const { fields, message } = formErrors(error, req.t);
      return fiscalPage(req, reply, req.query.next ?? next, values, fields, message, 422);
    }
  });
}

type CfdiShown = Pick<Invoice, 'cfdiStatus' | 'cfdiUuid' | 'cfdiMetodoPago' | 'cfdiCancelMotive' | 'cfdiCancelledAt' | 'cfdiAcuse'>;

export function CfdiFacts({ t, invoice, lang, tz }: { t: TFunction; invoice: CfdiShown; lang: string; tz: string }) {
  const cancelled = invoice.cfdiStatus === 'cancelled' || invoice.cfdiStatus === 'cancel_pending';
  return (
    <dl class="bill-facts">
      <dt>{t('billing:cfdi.uuid')}</dt>
      <dd>{invoice.cfdiUuid ? <code class="bill-uuid">{invoice.cfdiUuid}</code> : <b class="bill-unstamped">{t('billing:cfdi.unstamped')}</b>}</dd>
      {invoice.cfdiMetodoPago ? (
        <>
          <dt>{t('billing:cfdi.metodoPago')}</dt>
          <dd>{t(`billing:cfdi.metodo.${invoice.cfdiMetodoPago}`)}</dd>
        </>
      ) : null}
      {cancelled && invoice.cfdiCancelledAt ? (
        <>
          <dt>{t('billing:cfdi.cancelledOn')}</dt>
          <dd>
            {dateOf(invoice.cfdiCancelledAt, lang, tz)} · {t('billing:cfdi.motive', { motive: invoice.cfdiCancelMotive ?? '' })}
          </dd>
        </>
      ) : null}
      {cancelled && !invoice.cfdiAcuse ? (
        <dd class="meta bill-wide">{t(invoice.cfdiUuid ? 'billing:cfdi.acusePending' : 'billing:cfdi.noAcuseUnstamped')}</dd>
      ) : null}
      {!invoice.cfdiUuid && invoice.cfdiStatus === 'sealed' ? <dd class="meta bill-wide">{t('billing:cfdi.unstampedHelp')}</dd> : null}
    </dl>
  );
}

/** The CFDI's PDF and XML (a cancelled one keeps both), and the SAT's acuse once it was cancelled. */
export function DownloadLinks({ t, base, invoice }: { t: TFunction; base: string; invoice: Pick<Invoice, 'cfdiAcuse'> }) {
  return (
    <div class="card-actions">
      <a class="btn btn-small btn-secondary" href={`${base}/cfdi.pdf`} data-hx-boost="false" download>
        ⬇ {t('billing:cfdi.pdf')}
      </a>
      <a class="btn btn-small btn-secondary" href={`${base}/cfdi.xml`} data-hx-boost="false" download>
        ⬇ {t('billing:cfdi.xml')}
      </a>
      {invoice.cfdiAcuse ? (
        <a class="btn btn-small btn-secondary" href={`${base}/cfdi/acuse.xml`} hx-boost="false" download>
          ⬇ {t('billing:cfdi.acuse')}
        </a>
      ) : null}
    </div>
  );
}
