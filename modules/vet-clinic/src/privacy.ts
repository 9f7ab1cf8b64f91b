import type { ModuleContext, OwnerPrivacy } from '@petfriendly/core';
import { eq, inArray } from 'drizzle-orm';
import { allergies, medicalRecords, medications, pets, vaccinationRecords, visitItems, visits } from './vet-clinic.tables';

/**
 * The owner's pets and their clinical record, with what was done in each visit that has a price (the
 * charges billing invoices or waives). A cancellation leaves the record (the clinic keeps it
 * as medical practice requires): once the owner's own data is replaced, it names no one.
 */
export function createVetClinicPrivacy(ctx: ModuleContext): OwnerPrivacy {
  return {
    async ownerData(ownerId) {
      const owned = await ctx.db.select().from(pets).where(eq(pets.ownerId, ownerId)).orderBy(pets.id);
      const ids = owned.map((p) => p.id);
      if (!ids.length) return { pets: [], medicalRecords: [], visits: [], visitItems: [], vaccinations: [], allergies: [], medications: [] };
      const [records, petVisits, vaccinations, petAllergies, petMedications] = await Promise.all([
        ctx.db.select().from(medicalRecords).where(inArray(medicalRecords.petId, ids)).orderBy(medicalRecords.date),
        ctx.db.select().from(visits).where(inArray(visits.petId, ids)).orderBy(visits.id),
        ctx.db.select().from(vaccinationRecords).where(inArray(vaccinationRecords.petId, ids)).orderBy(vaccinationRecords.id),
        ctx.db.select().from(allergies).where(inArray(allergies.petId, ids)),
        ctx.db.select().from(medications).where(inArray(medications.petId, ids)),
      ]);
      const visitIds = petVisits.map((v) => v.id);
      const items = visitIds.length ? await ctx.db.select().from(visitItems).where(inArray(visitItems.visitId, visitIds)).orderBy(visitItems.id) : [];
      return {
        pets: owned,
        medicalRecords: records,
        visits: petVisits,
        visitItems: items,
        vaccinations,
        allergies: petAllergies,
        medications: petMedications,
      };
    },
    async anonymiseOwner() {},
  };
}
