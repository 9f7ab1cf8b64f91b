import { fileResponse, type HttpApp } from '@petfriendly/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AccountingServices } from '../services';
import { balanzaSchema, catalogoSchema, polizasSchema, satFormatSchema } from './sat.schemas';

const tags = ['accounting'];
const satFile = fileResponse("The SAT's XML (Contabilidad Electrónica 1.3), or the same zipped as the SAT takes it", 'application/xml', 'application/zip');
const diotOut = z.object({
  year: z.number().int(),
  month: z.number().int(),
  fileName: z.string(),
  txt: z.string().describe('The A-29 batch file: one pipe-delimited line per supplier and operation'),
  lines: z.array(
    z.object({
      tipoTercero: z.string(),
      tipoOperacion: z.string(),
      rfc: z.string(),
      foreignName: z.string(),
      base16: z.string(),
      base8: z.string(),
      base0: z.string(),
      exempt: z.string(),
      ivaPaid: z.string(),
      ivaWithheld: z.string(),
    }),
  ),
});

/** `/api/v1/accounting/sat/…`: the month's electronic accounting files and the DIOT (bookkeepers; the services check). */
export async function satRoutes(app: HttpApp, s: AccountingServices) {
  const base = '/api/v1/accounting/sat';
  const send = (reply: FastifyReply, file: ReturnType<typeof s.sat.download>) =>
    reply.type(file.type).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);

  app.get(
    `${base}/catalogo`,
    {
      schema: {
        tags,
        summary: 'Catálogo de cuentas (CT) with códigos agrupadores',
        querystring: catalogoSchema.and(satFormatSchema),
        response: { 200: satFile },
      },
    },
    async (req, reply) => send(reply, s.sat.download(await s.sat.catalogo(req.actor, req.query), req.query.format)),
  );
  app.get(
    `${base}/balanza`,
    {
      schema: {
        tags,
        summary: 'Balanza de comprobación (BN normal, BC complementaria with modifiedOn; month 13 the year-end closing)',
        querystring: balanzaSchema.and(satFormatSchema),
        response: { 200: satFile },
      },
    },
    async (req, reply) => send(reply, s.sat.download(await s.sat.balanza(req.actor, req.query), req.query.format)),
  );
  app.get(
    `${base}/polizas`,
    {
      schema: {
        tags,
        summary: 'Pólizas del periodo (PL) with each CFDI’s UUID; AF/FC need numOrden, DE/CO numTramite',
        querystring: polizasSchema.and(satFormatSchema),
        response: { 200: satFile },
      },
    },
    async (req, reply) => send(reply, s.sat.download(await s.sat.polizas(req.actor, req.query), req.query.format)),
  );
  app.get(
    '/api/v1/accounting/diot',
    { schema: { tags, summary: "The month's DIOT (operations with suppliers, A-29 batch layout)", querystring: catalogoSchema, response: { 200: diotOut } } },
    (req) => s.diot.report(req.actor, req.query),
  );
}
