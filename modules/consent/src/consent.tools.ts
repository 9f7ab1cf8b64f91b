import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import type { ConsentServices } from './services';

/** AI tools on consent forms for the clinic team (the service refuses owners). */
export function consentTools(s: ConsentServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'consent_pending',
      description:
        'Staff: consent forms still waiting for the owner’s signature (kind, procedure, pet id, visit or appointment, when the phone link expires), oldest first.',
      input: z.object({}),
      permission: 'staff',
      handler: async (_input, actor) => {
        const pending = await s.consents.listPending(actor);
        return {
          count: pending.length,
          consents: pending.slice(0, 50).map((c) => ({
            id: c.id,
            kind: c.kind,
            procedure: c.procedure,
            petId: c.petId,
            visitId: c.visitId,
            appointmentId: c.appointmentId,
            linkExpiresAt: c.expiresAt.toISOString(),
            page: `/admin/consents/${c.id}`,
          })),
        };
      },
    }),
  ];
}
