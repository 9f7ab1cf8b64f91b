import { type Actor, ageOn, clinicToday, type ModuleContext } from '@petfriendly/core';
import type { UserDirectory } from './directory';
import type { MedicalRecordService } from './medical-record.service';
import type { PetService } from './pet.service';

/** The spec's `get_pet_summary`: one look at a pet's health, as the caller may see it. */
export function createPetSummary(ctx: ModuleContext, pets: PetService, records: MedicalRecordService, directory: UserDirectory) {
  return async function getPetSummary(petId: number, actor: Actor) {
    const pet = await pets.getPet(petId, actor);
    const [due, allergyList, meds, history, weights, owners] = await Promise.all([
      records.getVaccinationSchedule(petId, actor),
      records.getAllergies(petId, actor),
      records.getMedications(petId, actor),
      records.getVisitHistory(petId, actor, { pageSize: 1 }),
      pets.getWeightHistory(petId, actor),
      directory.namesOf([pet.ownerId]),
    ]);
    const today = clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);
    const lastVisit = history.items[0];
    return {
      pet,
      ownerName: owners.get(pet.ownerId) ?? '',
      age: pet.dateOfBirth ? ageOn(pet.dateOfBirth, today) : null,
      currentWeightKg: weights.at(-1)?.weightKg ?? pet.weightKg,
      vaccinationsDue: due,
      overdueVaccinations: due.filter((d) => d.status === 'overdue').length,
      allergies: allergyList.map((a) => ({ allergen: a.allergen, severity: a.severity })),
      currentMedications: meds.filter((m) => m.isCurrent).map((m) => ({ name: m.name, dosage: m.dosage, frequency: m.frequency })),
      lastVisit: lastVisit ? { date: lastVisit.visitDate, reason: lastVisit.reason, veterinarian: lastVisit.veterinarianName } : null,
    };
  };
}
