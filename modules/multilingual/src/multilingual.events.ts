import { defineEvent } from '@petfriendly/core';

type TranslationRef = { translationId: number; contentType: string; objectId: number; fieldName: string; language: string };

/** A translation was written (by the AI translator or by a person). */
export const translationCreated = defineEvent<TranslationRef & { isAiGenerated: boolean }>('multilingual.translation_created');
/** Staff approved or edited a translation. */
export const translationReviewed = defineEvent<TranslationRef & { reviewedBy: string; edited: boolean }>('multilingual.translation_reviewed');

export const multilingualEvents = [translationCreated, translationReviewed];
