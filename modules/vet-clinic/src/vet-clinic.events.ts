import { defineEvent } from '@petfriendly/core';

export const petCreated = defineEvent<{ petId: number; ownerId: string; actorId: string | null }>('vet_clinic.pet_created');
export const petUpdated = defineEvent<{ petId: number; ownerId: string; actorId: string | null; changes: string[] }>('vet_clinic.pet_updated');
export const visitCreated = defineEvent<{ visitId: number; petId: number; ownerId: string; veterinarianId: string }>('vet_clinic.visit_created');
export const vaccinationGiven = defineEvent<{ vaccinationId: number; petId: number; ownerId: string; vaccineName: string; protocolCode: string | null; nextDueDate: string | null }>('vet_clinic.vaccination_given');
export const vaccinationDue = defineEvent<{ petId: number; ownerId: string; petName: string; vaccineName: string; protocolCode: string; dueDate: string }>('vet_clinic.vaccination_due');

export const vetClinicEvents = [petCreated, petUpdated, visitCreated, vaccinationGiven, vaccinationDue];
