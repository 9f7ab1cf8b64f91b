import { defineEvent } from '@petfriendly/core';
import { z } from 'zod';

export const customerCreated = defineEvent('crm.customer_created', {
  description: 'The CRM opened a profile for an owner (the first time it heard of them).',
  schema: z.object({ ownerId: z.string(), name: z.string(), registeredAt: z.string() }),
});

export const marketingConsentChanged = defineEvent('crm.marketing_consent_changed', {
  description: "An owner's marketing consent was given or withdrawn (by whom: `source`), apart from service messages.",
  schema: z.object({ ownerId: z.string(), granted: z.boolean(), source: z.string(), at: z.string() }),
});

export const crmEvents = [customerCreated, marketingConsentChanged];
