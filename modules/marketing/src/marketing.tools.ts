import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import { DRAFT_GOALS } from './draft';
import { LANGUAGES } from './marketing.tables';
import type { MarketingServices } from './services';

/** AI tools for staff (finding customers and counting a segment are the CRM's): who a campaign reaches, and a draft text. */
export function marketingTools(s: MarketingServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'marketing_count_recipients',
      description:
        'Managers: how many owners of a saved segment (crm segment id) a campaign would reach now: those with marketing consent and an address on their channel, not unsubscribed. Returns segment size, reachable, without consent, suppressed.',
      input: z.object({ segmentId: z.number().int().positive(), channel: z.enum(['preferred', 'email', 'sms', 'whatsapp']).default('preferred') }),
      permission: 'staff',
      handler: (input, actor) => s.campaigns.countRecipients(actor, input),
    }),
    defineTool({
      name: 'marketing_draft_campaign',
      description:
        "Managers: a campaign text to start from, in the owners' language (es, en, de, fr, it), for a goal (winback, vaccine, birthday, welcome, promotion) with an optional offer. Placeholders such as {{firstName}}, {{pets}}, {{vaccine}}, {{link}} are filled per owner when sent.",
      input: z.object({ goal: z.enum(DRAFT_GOALS), language: z.enum(LANGUAGES).default('es'), offer: z.string().max(200).optional() }),
      permission: 'staff',
      handler: (input, actor) => s.draft(actor, input),
    }),
  ];
}
