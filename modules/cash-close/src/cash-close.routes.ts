import type { HttpApp, ModuleContext } from '@petfriendly/core';
import { requireStaff } from '@petfriendly/core';
import { closeOut, countSchema, dayOut, dayParams, dayQuery, movementOut, movementSchema } from './cash-close.schemas';
import { READERS } from './cash-close.service';
import type { CashCloseServices } from './services';
import { renderSlip } from './slip';

const tags = ['cash-close'];

/** `/api/v1/cash-close`: reception counts, managers approve (the service checks), and the PDF slip. */
export async function cashCloseRoutes(app: HttpApp, s: CashCloseServices, ctx: ModuleContext) {
  const base = '/api/v1/cash-close';
  const c = s.cashClose;
  app.get(
    base,
    {
      schema: {
        tags,
        summary: "A day's takings by way of paying, drawer movements, expected cash and card, and its close",
        querystring: dayQuery,
        response: { 200: dayOut },
      },
    },
    (req) => c.getDay(req.actor, req.query.day),
  );
  app.post(
    `${base}/movements`,
    { schema: { tags, summary: 'Record the opening float, a withdrawal or a bank deposit', body: movementSchema, response: { 201: movementOut } } },
    async (req, reply) => reply.status(201).send(await c.recordMovement(req.actor, req.body)),
  );
  app.post(
    `${base}/count`,
    { schema: { tags, summary: 'Count the drawer per denomination and enter the card terminal total', body: countSchema, response: { 200: closeOut } } },
    (req) => c.count(req.actor, req.body),
  );
  app.post(
    `${base}/:day/approve`,
    { schema: { tags, summary: "Approve a day's counted close (managers)", params: dayParams, response: { 200: closeOut } } },
    (req) => c.approve(req.actor, req.params.day),
  );
  // The slip for people: a page's link (cookie) or the API (token).
  app.get('/admin/cash-close/:day/slip.pdf', { schema: { hide: true, params: dayParams } }, async (req, reply) => {
    requireStaff(req.actor, READERS);
    const day = await c.getDay(req.actor, req.params.day);
    const pdf = await renderSlip(day, { clinicName: ctx.clinic.NAME, t: req.t, locale: req.lang });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="corte-${day.day}.pdf"`).send(pdf);
  });
}
