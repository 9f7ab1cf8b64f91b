import { defineEvent } from '@petfriendly/core';
import { z } from 'zod';

const translationRef = z.object({
  translationId: z.number().int(),
  contentType: z.string(),
  objectId: z.number().int(),
  fieldName: z.string(),
  language: z.string(),
});

export const translationCreated = defineEvent('multilingual.translation_created', {
  description: 'A translation was written (by the AI translator or by a person).',
  schema: translationRef.extend({ isAiGenerated: z.boolean() }),
});
export const translationReviewed = defineEvent('multilingual.translation_reviewed', {
  description: 'Staff approved or edited a translation.',
  schema: translationRef.extend({ reviewedBy: z.string(), edited: z.boolean() }),
});

export const multilingualEvents = [translationCreated, translationReviewed];
