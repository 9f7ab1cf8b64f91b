import { fileResponse, type HttpApp, idParams } from '@petfriendly/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppointmentsServices } from '../services';

const sendIcs = (reply: FastifyReply, body: string, filename: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('cache-control', 'private, no-store')
    .send(body);

/** `.ics` downloads and the private feeds calendar apps subscribe to. */
export async function calendarPages(app: HttpApp, s: AppointmentsServices) {
  const ics = async (req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply) =>
    sendIcs(reply, await s.calendar.appointmentIcs(req.params.id, req.actor), `cita-${req.params.id}.ics`);
  app.get('/appointments/:id.ics', { schema: { params: idParams } }, ics);
  app.get(
    '/api/v1/appointments/:id/ics',
    {
      schema: {
        tags: ['appointments'],
        summary: 'The appointment as iCalendar (RFC 5545)',
        params: idParams,
        response: { 200: fileResponse('The appointment as one VEVENT', 'text/calendar') },
      },
    },
    ics,
  );
  app.get(
    '/api/v1/calendar-feed',
    {
      schema: {
        tags: ['appointments'],
        summary: "The caller's private calendar feed URL",
        response: { 200: z.object({ url: z.string().describe('Subscribe to it in a calendar app; keep it private') }) },
      },
    },
    async (req) => ({
      url: await s.calendar.feedUrl(req.actor),
    }),
  );
  app.get(
    '/calendar/:token.ics',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { params: z.object({ token: z.string().min(1).max(200) }) } },
    async (req, reply) => sendIcs(reply, await s.calendar.feed(req.params.token), 'petfriendly.ics'),
  );
}
