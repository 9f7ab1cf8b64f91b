import { AuthenticationRequiredError, defineTool, INT4_MAX, rowId, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import type { VetClinicServices } from './services';
import { clinicalNoteSchema, petCreateSchema, petSearchSchema, petUpdateSchema, travelPlanSchema, vaccinationSchema, visitSchema } from './vet-clinic.schemas';
import { TRAVEL_DESTINATIONS } from './vet-clinic.tables';

const petId = z.object({ petId: rowId.describe('The pet id') });

/** The 15 vet-clinic tools. Each is a thin adapter: the service checks who may do what. */
export function vetClinicTools(s: VetClinicServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'get_pet_profile',
      description: "A pet's profile and health summary: age, weight, vaccinations due, allergies, current medications, last visit.",
      input: petId,
      permission: 'owner',
      handler: ({ petId }, actor) => s.pets.getPetSummary(petId, actor),
    }),
    defineTool({
      name: 'list_user_pets',
      description: "The caller's pets (staff: pass ownerId for an owner's pets).",
      input: z.object({ ownerId: z.string().optional() }),
      permission: 'owner',
      handler: async ({ ownerId }, actor) =>
        (await s.pets.getUserPets(actor, ownerId)).map((p) => ({ id: p.id, name: p.name, species: p.species, breed: p.breed, dateOfBirth: p.dateOfBirth })),
    }),
    defineTool({
      name: 'add_pet',
      description: 'Register a new pet for the caller.',
      input: petCreateSchema,
      permission: 'owner',
      handler: (input, actor) => s.pets.createPet(actor, input),
    }),
    defineTool({
      name: 'update_pet',
      description: "Change a pet's details (name, breed, weight, microchip…).",
      input: petUpdateSchema.extend(petId.shape),
      permission: 'owner',
      handler: ({ petId, ...changes }, actor) => s.pets.updatePet(petId, actor, changes),
    }),
    defineTool({
      name: 'get_vaccination_status',
      description: 'Vaccinations a pet has had and what is due next, with dates and whether overdue.',
      input: petId,
      permission: 'owner',
      handler: async ({ petId }, actor) => ({
        given: (await s.records.getVaccinations(petId, actor)).map((v) => ({ vaccine: v.vaccineName, date: v.administeredDate, nextDue: v.nextDueDate })),
        due: await s.records.getVaccinationSchedule(petId, actor),
      }),
    }),
    defineTool({
      name: 'get_visit_history',
      description: "A pet's past visits, newest first (reason, findings, plan, shared notes).",
      input: petId.extend({ page: z.coerce.number().int().min(1).max(INT4_MAX).default(1) }),
      permission: 'owner',
      handler: ({ petId, page }, actor) => s.records.getVisitHistory(petId, actor, { page, pageSize: 10 }),
    }),
    defineTool({
      name: 'get_pet_medications',
      description: "A pet's medications, current and past.",
      input: petId,
      permission: 'owner',
      handler: ({ petId }, actor) => s.records.getMedications(petId, actor),
    }),
    defineTool({
      name: 'get_pet_conditions',
      description: "A pet's allergies and diagnosed conditions.",
      input: petId,
      permission: 'owner',
      handler: async ({ petId }, actor) => ({
        allergies: await s.records.getAllergies(petId, actor),
        diagnoses: (await s.records.getMedicalRecords(petId, actor))
          .filter((r) => r.diagnosis)
          .map((r) => ({ date: r.date, title: r.title, diagnosis: r.diagnosis })),
      }),
    }),
    defineTool({
      name: 'search_pets',
      description: 'Staff: find pets by pet name, microchip, or owner name, email or phone.',
      input: petSearchSchema,
      permission: 'staff',
      handler: (input, actor) => s.pets.searchPets(actor, input),
    }),
    defineTool({
      name: 'add_visit_record',
      description: 'Staff (vet): record a visit with SOAP notes and vital signs.',
      input: visitSchema.extend(petId.shape),
      permission: 'staff',
      handler: ({ petId, ...visit }, actor) => s.records.addVisit(petId, visit, actor),
    }),
    defineTool({
      name: 'add_vaccination',
      description: 'Staff: record a vaccination; the next due date follows the clinic protocol.',
      input: vaccinationSchema.extend(petId.shape),
      permission: 'staff',
      handler: ({ petId, ...vaccination }, actor) => s.records.addVaccination(petId, vaccination, actor),
    }),
    defineTool({
      name: 'add_clinical_note',
      description: 'Staff: add a note to a visit; internal notes are never shown to owners.',
      input: clinicalNoteSchema.extend({ visitId: rowId }),
      permission: 'staff',
      handler: ({ visitId, ...note }, actor) => s.records.addClinicalNote(visitId, note, actor),
    }),
    defineTool({
      name: 'check_travel_requirements',
      description:
        'What a pet needs to travel from Mexico to the USA (US), the European Union (EU), Canada (CA), Great Britain (GB), Japan (JP), Argentina (AR) or Colombia (CO), with the official source; with petId, checked against that pet.',
      input: z.object({
        destination: z.enum(TRAVEL_DESTINATIONS),
        species: z.enum(['dog', 'cat']).optional(),
        petId: rowId.optional(),
      }),
      permission: 'public',
      handler: async ({ destination, species, petId }, actor) => {
        if (petId === undefined) return s.travel.getGeneralRequirements(destination, species ?? 'dog');
        if (actor.kind === 'anonymous') throw new AuthenticationRequiredError('Sign in to check your pet.');
        return s.travel.getRequirements(destination, petId, actor);
      },
    }),
    defineTool({
      name: 'create_travel_plan',
      description: 'Make a dated travel checklist for a pet, worked back from the travel date.',
      input: travelPlanSchema.extend(petId.shape),
      permission: 'owner',
      handler: ({ petId, ...plan }, actor) => s.travel.createTravelPlan(petId, plan, actor),
    }),
    defineTool({
      name: 'generate_health_certificate',
      description: 'Staff (vet): issue the signed health certificate PDF for a travel plan.',
      input: z.object({ travelPlanId: rowId }),
      permission: 'staff',
      handler: async ({ travelPlanId }, actor) => {
        const cert = await s.travel.generateCertificate(travelPlanId, actor);
        return { certificateNumber: cert.certificateNumber, validUntil: cert.validUntil, downloadUrl: `/api/v1/travel-plans/${travelPlanId}/certificate.pdf` };
      },
    }),
  ];
}
