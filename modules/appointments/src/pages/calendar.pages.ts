import type { FastifyReply } from 'fastify';
import type { HttpApp } from '@petfriendly/core';
import type { AppointmentsServices } from '../services';

const sendIcs = (reply: FastifyReply, body: string, filename: string) =>
  reply.type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'private, no-store').send(body);

/** `.ics` downloads and the private feeds calendar apps subscribe to. */
export async function calendarPages(app: HttpApp, s: AppointmentsServices) {
  app.get('/appointments/:id.ics', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    return sendIcs(reply, await s.calendar.appointmentIcs(id, req.actor), `cita-${id}.ics`);
  });
  app.get('/api/v1/appointments/:id/ics', { schema: { tags: ['appointments'], summary: 'The appointment as iCalendar (RFC 5545)' } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    return sendIcs(reply, await s.calendar.appointmentIcs(id, req.actor), `cita-${id}.ics`);
  });
  app.get('/api/v1/calendar-feed', { schema: { tags: ['appointments'], summary: "The caller's private calendar feed URL" } }, async (req) => ({ url: await s.calendar.feedUrl(req.actor) }));
  app.get('/calendar/:token.ics', { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } }, async (req, reply) =>
    sendIcs(reply, await s.calendar.feed((req.params as { token: string }).token), 'petfriendly.ics'),
  );
}
