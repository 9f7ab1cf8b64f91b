import { defineEvent } from '@petfriendly/core';
import { z } from 'zod';

export const customerCreated = defineEvent('crm.customer_created', {
  description: 'The CRM opened a profile for an owner (the first time it heard of them).',
  schema: z.object({ ownerId: z.string(), name: z.string(), registeredAt: z.string() }),
});

export const crmEvents = [customerCreated];
