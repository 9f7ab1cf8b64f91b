import { defineEvent } from '@petfriendly/core';
import { z } from 'zod';

const ownerSnapshot = z.object({
  ownerId: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  alternatePhone: z.string(),
  address: z.string(),
  preferredLanguage: z.string(),
  preferredChannel: z.enum(['email', 'sms', 'whatsapp']),
  /** When the owner became a client (the account's creation). */
  registeredAt: z.string(),
});

export const ownerCreated = defineEvent('accounts.owner_created', {
  description: 'A pet owner got an account (sign-up once the email is confirmed, front desk, import), with their contact details.',
  schema: ownerSnapshot,
});
export const ownerUpdated = defineEvent('accounts.owner_updated', {
  description: "An owner's name, contact details, language or preferred channel changed (the whole profile as it is now).",
  schema: ownerSnapshot,
});

export const accountsEvents = [ownerCreated, ownerUpdated];
