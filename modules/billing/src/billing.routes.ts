import { fileResponse, type HttpApp, idParams, noContent, rowId } from '@petfriendly/core';
import {
  cancelCfdiSchema,
  cancelInvoiceSchema,
  cardIntentOut,
  deskInvoiceSchema,
  fiscalProfileOut,
  fiscalProfileSchema,
  globalInvoiceSchema,
  invoiceDetailOut,
  invoiceLineOut,
  invoiceListSchema,
  invoiceOut,
  invoicePageOut,
  lineSchema,
  paymentOut,
  paymentSchema,
  refundSchema,
} from './billing.schemas';
import type { BillingServices } from './services';

const tags = ['billing'];

/** `/api/v1` for invoices, payments, CFDI, fiscal data; and the Stripe webhook. */
export async function billingRoutes(app: HttpApp, s: BillingServices) {
  app.get(
    '/api/v1/invoices',
    {
      schema: {
        tags,
        summary: 'Invoices (owners: their own; staff: filter by owner and status)',
        querystring: invoiceListSchema,
        response: { 200: invoicePageOut },
      },
    },
    async (req) => s.invoices.listInvoices(req.actor, req.query),
  );
  app.get(
    '/api/v1/invoices/:id',
    { schema: { tags, summary: 'One invoice with lines and payments', params: idParams, response: { 200: invoiceDetailOut } } },
    async (req) => s.invoices.getInvoice(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/invoices',
    { schema: { tags, summary: 'Staff: a draft invoice at the front desk', body: deskInvoiceSchema, response: { 201: invoiceOut } } },
    async (req, reply) => reply.status(201).send(await s.invoices.createManual(req.actor, req.body)),
  );
  app.post(
    '/api/v1/appointments/:id/invoice',
    { schema: { tags, summary: 'Staff: invoice a finished appointment', params: idParams, response: { 201: invoiceOut } } },
    async (req, reply) => reply.status(201).send(await s.invoices.createFromAppointment(req.actor, req.params.id)),
  );
  app.post(
    '/api/v1/invoices/:id/lines',
    {
      schema: {
        tags,
        summary: 'Staff: add a product (from stock), a service or a free line to a draft',
        params: idParams,
        body: lineSchema,
        response: { 201: invoiceLineOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.invoices.addLine(req.actor, req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/invoices/:id/lines/:lineId',
    { schema: { tags, summary: 'Staff: remove a draft line', params: idParams.extend({ lineId: rowId }), response: { 204: noContent } } },
    async (req, reply) => {
      await s.invoices.removeLine(req.actor, req.params.id, req.params.lineId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/invoices/:id/issue',
    { schema: { tags, summary: 'Staff: issue a draft (due in PAYMENT_TERMS_DAYS)', params: idParams, response: { 200: invoiceOut } } },
    async (req) => s.invoices.issueInvoice(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/invoices/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Staff: cancel an unpaid invoice (SAT motive, substitute invoice)',
        params: idParams,
        body: cancelInvoiceSchema.optional(),
        response: { 200: invoiceOut },
      },
    },
    async (req) => s.invoices.cancelInvoice(req.actor, req.params.id, req.body ?? {}),
  );
  app.post(
    '/api/v1/invoices/:id/payments',
    {
      schema: {
        tags,
        summary: 'Staff: record cash, card at the terminal, transfer or account credit (idempotencyKey: recorded once)',
        params: idParams,
        body: paymentSchema,
        response: { 201: paymentOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.payments.recordPayment(req.actor, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/invoices/:id/card-payment',
    { schema: { tags, summary: 'Start paying the balance by card online (Stripe PaymentIntent)', params: idParams, response: { 200: cardIntentOut } } },
    async (req) => {
      const { invoice: _invoice, ...intent } = await s.payments.startCardPayment(req.actor, req.params.id);
      return intent;
    },
  );
  app.post(
    '/api/v1/payments/:id/refund',
    {
      schema: {
        tags,
        summary: 'Managers: refund (card through Stripe, cash, or to account credit)',
        params: idParams,
        body: refundSchema,
        response: { 201: paymentOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.payments.refundPayment(req.actor, req.params.id, req.body)),
  );
  app.post(
    '/api/v1/invoices/:id/cfdi',
    {
      schema: { tags, summary: 'Issue the CFDI 4.0 (owners: for their own invoice, with their fiscal data)', params: idParams, response: { 201: invoiceOut } },
    },
    async (req, reply) => reply.status(201).send(await s.cfdi.issueCfdi(req.actor, req.params.id)),
  );
  app.post(
    '/api/v1/invoices/:id/cfdi/cancel',
    { schema: { tags, summary: 'Managers: cancel the CFDI with a SAT motive', params: idParams, body: cancelCfdiSchema, response: { 200: invoiceOut } } },
    async (req) => s.cfdi.cancelCfdi(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/v1/global-invoices',
    {
      schema: {
        tags,
        summary: "Desk: the month's global invoice (público en general) for the paid sales without a CFDI of their own",
        body: globalInvoiceSchema,
        response: { 201: invoiceOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.cfdi.issueGlobalInvoice(req.actor, req.body)),
  );
  const files = { xml: 'The CFDI as XML (a cancelled one too)', pdf: 'The CFDI as PDF', acuse: "The SAT's cancellation receipt (acuse) of a cancelled CFDI" };
  for (const [format, summary] of Object.entries(files) as [keyof typeof files, string][]) {
    app.get(
      format === 'acuse' ? '/api/v1/invoices/:id/cfdi/acuse.xml' : `/api/v1/invoices/:id/cfdi.${format}`,
      {
        schema: {
          tags,
          summary,
          params: idParams,
          response: { 200: fileResponse(summary, format === 'pdf' ? 'application/pdf' : 'application/xml') },
        },
      },
      async (req, reply) => {
        const file = await s.cfdi.cfdiFile(req.actor, req.params.id, format);
        return reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
      },
    );
  }
  app.get(
    '/api/v1/payments/:id/complement.xml',
    {
      schema: {
        tags,
        summary: 'The Pagos 2.0 receipt of a payment on a PPD invoice',
        params: idParams,
        response: { 200: fileResponse('The CFDI de pagos', 'application/xml') },
      },
    },
    async (req, reply) => {
      const file = await s.cfdi.complementFile(req.actor, req.params.id);
      return reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    },
  );
  app.get(
    '/api/v1/fiscal-profile',
    { schema: { tags, summary: "The caller's fiscal data (RFC, régimen, CP, uso CFDI)", response: { 200: fiscalProfileOut.nullable() } } },
    async (req) => s.fiscal.getFiscalProfile(req.actor),
  );
  app.put(
    '/api/v1/fiscal-profile',
    { schema: { tags, summary: "Save the caller's fiscal data (RFC validated)", body: fiscalProfileSchema, response: { 200: fiscalProfileOut } } },
    async (req) => s.fiscal.saveFiscalProfile(req.actor, req.body),
  );

  // Stripe signs the raw body: this route keeps it as a Buffer.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post<{ Body: Buffer }>('/webhooks/stripe', { config: { rateLimit: { max: 300, timeWindow: '1 minute' } }, schema: { hide: true } }, async (req) =>
      s.payments.handleWebhook(req.body, req.headers),
    );
  });
}
