import { type HttpApp, idParams } from '@petfriendly/core';
import { z } from 'zod';
import type { AppointmentsServices } from './services';

const tags = ['appointments'];
const callOut = z.object({
  appointmentId: z.number().int(),
  startsAt: z.date(),
  ownerId: z.string(),
  ownerName: z.string(),
  phone: z.string().nullable(),
  petName: z.string(),
});

/** `/api/v1` for the front desk's list of owners to call. */
export async function followThroughRoutes(app: HttpApp, s: AppointmentsServices) {
  app.get(
    '/api/v1/appointments/owners-to-call',
    { schema: { tags, summary: 'Staff: unconfirmed appointments whose reminder could not reach the owner', response: { 200: z.array(callOut) } } },
    async (req) => s.followThrough.ownersToCall(req.actor),
  );
  app.post(
    '/api/v1/appointments/:id/called',
    {
      schema: {
        tags,
        summary: 'Staff: the owner was called; off the list',
        params: idParams,
        response: { 200: z.object({ id: z.number().int(), callOwner: z.boolean() }) },
      },
    },
    async (req) => s.followThrough.markCalled(req.actor, req.params.id),
  );
}
