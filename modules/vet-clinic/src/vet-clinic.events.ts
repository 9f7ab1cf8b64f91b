import { defineEvent } from '@petfriendly/core';
import { z } from 'zod';

export const petCreated = defineEvent('vet_clinic.pet_created', {
  description: 'A pet was registered.',
  schema: z.object({ petId: z.number().int(), ownerId: z.string(), actorId: z.string().nullable() }),
});
export const petUpdated = defineEvent('vet_clinic.pet_updated', {
  description: "A pet's profile changed (the changed fields).",
  schema: z.object({ petId: z.number().int(), ownerId: z.string(), actorId: z.string().nullable(), changes: z.array(z.string()) }),
});
export const visitCreated = defineEvent('vet_clinic.visit_created', {
  description: 'A visit was opened in the clinical record.',
  schema: z.object({
    visitId: z.number().int(),
    petId: z.number().int(),
    ownerId: z.string(),
    veterinarianId: z.string(),
    /** When the visit took place (it may be recorded later). */
    visitDate: z.string().optional(),
  }),
});
export const vaccinationGiven = defineEvent('vet_clinic.vaccination_given', {
  description: 'A vaccine was given (with the next dose date, when the protocol has one).',
  schema: z.object({
    vaccinationId: z.number().int(),
    petId: z.number().int(),
    ownerId: z.string(),
    vaccineName: z.string(),
    protocolCode: z.string().nullable(),
    nextDueDate: z.string().nullable(),
    /** The day it was given (it may be recorded later, or have been given elsewhere). */
    administeredDate: z.string().optional(),
  }),
});
export const vaccinationDue = defineEvent('vet_clinic.vaccination_due', {
  description: "A pet's vaccine falls due within the notice period.",
  schema: z.object({
    petId: z.number().int(),
    ownerId: z.string(),
    petName: z.string(),
    vaccineName: z.string(),
    protocolCode: z.string(),
    dueDate: z.string(),
  }),
});

export const recommendationDeclined = defineEvent('vet_clinic.recommendation_declined', {
  description: 'At a visit the vet recommended a service and the owner declined it (a follow-up may bring them back).',
  schema: z.object({
    recommendationId: z.number().int(),
    visitId: z.number().int(),
    petId: z.number().int(),
    ownerId: z.string(),
    /** The service as the vet wrote it (a dental cleaning, an X-ray). */
    service: z.string(),
    declinedAt: z.string(),
  }),
});

export const vetClinicEvents = [petCreated, petUpdated, visitCreated, vaccinationGiven, vaccinationDue, recommendationDeclined];
