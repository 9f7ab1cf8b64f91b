import { fileResponse, type HttpApp, idParams } from '@petfriendly/core';
import { invoiceDetailOut } from './billing.schemas';
import { addChargesSchema, missedChargesOut, missedChargesSchema, visitChargesOut, waiveChargeSchema, waiverOut } from './charges.schemas';
import type { BillingServices } from './services';

const tags = ['billing'];

/** `/api/v1` for charge capture: a visit's chargeable items, adding them to an invoice, waivers, and the missed-charges report. */
export async function chargeRoutes(app: HttpApp, s: BillingServices) {
  app.get(
    '/api/v1/visits/:id/charges',
    {
      schema: {
        tags,
        summary: 'Staff: what was done in a visit with its catalogue price, and whether it is invoiced, waived or pending',
        params: idParams,
        response: { 200: visitChargesOut },
      },
    },
    async (req) => s.charges.visitCharges(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/invoices/:id/charges',
    {
      schema: {
        tags,
        summary: "Staff: add visit items (the pet's pending charges) to a draft as lines at catalogue prices",
        params: idParams,
        body: addChargesSchema,
        response: { 200: invoiceDetailOut },
      },
    },
    async (req) => s.charges.addToInvoice(req.actor, req.params.id, req.body.items),
  );
  app.post(
    '/api/v1/visit-items/:id/waive',
    {
      schema: {
        tags,
        summary: 'Vets, managers: do not charge a visit item, with the reason (kept)',
        params: idParams,
        body: waiveChargeSchema,
        response: { 201: waiverOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.charges.waive(req.actor, req.params.id, req.body)),
  );
  app.get(
    '/api/v1/billing/missed-charges',
    {
      schema: {
        tags,
        summary: "Managers: a month's charges done and not invoiced nor waived, with their value; and the waived ones",
        querystring: missedChargesSchema,
        response: { 200: missedChargesOut },
      },
    },
    async (req) => s.charges.missedCharges(req.actor, req.query),
  );
  app.get(
    '/api/v1/billing/missed-charges.csv',
    {
      schema: {
        tags,
        summary: 'Managers: the missed-charges report as CSV',
        querystring: missedChargesSchema,
        response: { 200: fileResponse('The missed and waived charges of the month', 'text/csv') },
      },
    },
    async (req, reply) => {
      const body = await s.charges.missedChargesCsv(req.actor, req.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="missed-charges-${req.query.month}.csv"`).send(body);
    },
  );
}
