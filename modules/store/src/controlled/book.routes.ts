import { fileResponse, type HttpApp, idParams, rowSchema } from '@petfriendly/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { controlledEntries } from '../controlled.tables';
import type { StoreServices } from '../services';
import { administerSchema, balanceSchema, bookEntrySchema, bookQuerySchema, countResultSchema, countSchema, wasteSchema } from './book.schemas';
import { bookCsv, bookPdf } from './print';

const tags = ['controlled-drugs'];
const entryOut = rowSchema(controlledEntries);

/** The printed book for a period, as a PDF to read or a CSV to download. */
export async function sendBook(req: FastifyRequest, reply: FastifyReply, s: StoreServices, format: 'pdf' | 'csv') {
  const book = await s.book.printable(req.actor, req.query);
  const options = { t: req.t, locale: req.lang, timeZone: s.book.timeZone };
  const name = `libro-controlados-${book.from ?? 'inicio'}-${book.to ?? 'hoy'}`;
  if (format === 'csv') {
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(bookCsv(book, options));
  }
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${name}.pdf"`)
    .send(await bookPdf(book, options));
}

/** `/api/v1/controlled`: the controlled-drug book for vets and managers (the service checks roles). */
export async function bookRoutes(app: HttpApp, s: StoreServices) {
  app.get(
    '/api/v1/controlled/balances',
    {
      schema: {
        tags,
        summary: 'What the book holds per batch of controlled products',
        querystring: z.object({ productId: bookQuerySchema.shape.productId }),
        response: { 200: z.array(balanceSchema) },
      },
    },
    async (req) => s.book.balances(req.actor, req.query.productId),
  );
  app.get(
    '/api/v1/controlled/entries',
    {
      schema: {
        tags,
        summary: 'The book’s lines for a product, batch and period, oldest first',
        querystring: bookQuerySchema,
        response: { 200: z.array(bookEntrySchema) },
      },
    },
    async (req) => s.book.entries(req.actor, req.query),
  );
  app.get(
    '/api/v1/controlled/book.:format',
    {
      schema: {
        tags,
        summary: 'The book printed for a period, as the authority inspects it (PDF) or as CSV',
        params: z.object({ format: z.enum(['pdf', 'csv']) }),
        querystring: bookQuerySchema,
        response: { 200: fileResponse('The book as a file', 'application/pdf', 'text/csv') },
      },
    },
    async (req, reply) => sendBook(req, reply, s, req.params.format),
  );
  app.post(
    '/api/v1/controlled/administrations',
    { schema: { tags, summary: 'Vets: a dose given to a patient, out of a batch', body: administerSchema, response: { 201: entryOut } } },
    async (req, reply) => reply.status(201).send(await s.book.administer(req.actor, req.body)),
  );
  app.post(
    '/api/v1/controlled/wastes',
    { schema: { tags, summary: 'Units wasted or destroyed before a witness', body: wasteSchema, response: { 201: entryOut } } },
    async (req, reply) => reply.status(201).send(await s.book.waste(req.actor, req.body)),
  );
  app.get(
    '/api/v1/controlled/counts/pending',
    { schema: { tags, summary: 'Counts whose difference waits for a second person', response: { 200: z.array(countResultSchema) } } },
    async (req) => s.book.pendingCounts(req.actor),
  );
  app.post(
    '/api/v1/controlled/counts',
    { schema: { tags, summary: 'A physical count of a batch; a difference needs a reason', body: countSchema, response: { 201: countResultSchema } } },
    async (req, reply) => reply.status(201).send(await s.book.count(req.actor, req.body)),
  );
  app.post(
    '/api/v1/controlled/counts/:id/approve',
    { schema: { tags, summary: 'Another person approves a count: the batch is adjusted to it', params: idParams, response: { 200: countResultSchema } } },
    async (req) => s.book.approveCount(req.actor, req.params.id),
  );
}
