import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import { audienceMessageSchema } from './audiences';
import type { OmnichannelServices } from './services';

/** AI tools for managers: who a bulk message can go to, and sending it. The services check the role. */
export function omnichannelTools(s: OmnichannelServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'list_message_audiences',
      description: 'Managers: the groups of owners a bulk message can go to (key, and whether it needs a date such as the closed day).',
      input: z.object({}),
      permission: 'staff',
      handler: async (_input, actor) => s.audiences.list(actor),
    }),
    defineTool({
      name: 'send_bulk_message',
      description:
        'Managers: send one message to every owner in an audience (from list_message_audiences), each on their own channel, for closures and recalls. Confirm the text with the manager first. Returns who got it and who could not be reached.',
      input: audienceMessageSchema,
      permission: 'staff',
      handler: async (input, actor) => {
        const result = await s.audiences.sendToAudience(actor, input);
        return { sent: result.sent.length, unreachable: result.unreachable };
      },
    }),
  ];
}
