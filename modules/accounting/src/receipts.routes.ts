import { type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import { receiptListOut, receiptListQuerySchema, receiptMatchOut, receiptMatchSchema } from './receipts.schemas';
import type { AccountingServices } from './services';

const tags = ['accounting'];

/** `/api/v1/accounting`: the store's receipts as the books know them, and a bill's lines matched to them. */
export async function receiptRoutes(app: HttpApp, s: AccountingServices) {
  const base = '/api/v1/accounting';
  app.get(
    `${base}/receipts`,
    {
      schema: {
        tags,
        summary: "Stock receipts, newest first: those no bill has matched yet (default) or all, optionally one supplier's by RFC",
        querystring: receiptListQuerySchema,
        response: { 200: receiptListOut },
      },
    },
    (req) => s.receipts.listReceipts(req.actor, req.query),
  );
  app.get(
    `${base}/bills/:id/receipt-matches`,
    {
      schema: {
        tags,
        summary: "A bill's lines matched to receipts, with the differences found",
        params: idParams,
        response: { 200: z.array(receiptMatchOut) },
      },
    },
    (req) => s.receipts.billMatches(req.actor, req.params.id),
  );
  app.post(
    `${base}/bills/:id/receipt-matches`,
    {
      schema: {
        tags,
        summary:
          'Match a line of the bill (booked to 2102, goods received) to a receipt, with the quantity and unit price billed; quantity and price differences are flagged (409 when the receipt or the line is already matched)',
        params: idParams,
        body: receiptMatchSchema,
        response: { 201: receiptMatchOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.receipts.matchReceipt(req.actor, req.params.id, req.body)),
  );
}
