import { defineEvent } from '@petfriendly/core';
import { z } from 'zod';
import { CONSENT_KINDS } from './consent.tables';

export const consentSigned = defineEvent('consent.consent_signed', {
  description: "An owner signed a consent form (on the clinic's tablet or through their phone link); its PDF is stored with the visit.",
  schema: z.object({
    consentId: z.number().int(),
    kind: z.enum(CONSENT_KINDS),
    visitId: z.number().int().nullable(),
    appointmentId: z.number().int().nullable(),
    petId: z.number().int(),
    ownerId: z.string(),
    signedAt: z.string(),
    signedVia: z.enum(['tablet', 'link']),
    pdfSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

export const consentEvents = [consentSigned];
