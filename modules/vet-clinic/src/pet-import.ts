import { type Actor, isForeignKeyViolation, type ModuleContext, requireStaff } from '@petfriendly/core';
import { and, count, eq, inArray } from 'drizzle-orm';
import {
  allergies,
  clinicalNotes,
  declinedRecommendations,
  medicalRecords,
  medications,
  pets,
  vaccinationRecords,
  visitAddenda,
  visitItems,
  visits,
  vitalSigns,
} from './vet-clinic.tables';

/** Who may bring a clinic's data in or take it back out. */
const IMPORTERS = ['manager', 'admin'] as const;

/**
 * What a data import needs of the clinical record beyond creating pets and vaccinations one by one:
 * the pets owners already have (duplicates, and the pet a vaccination row names), and taking back
 * what an import created as long as nothing has been recorded on it since.
 */
export function createPetImport(ctx: ModuleContext) {
  const { db } = ctx;

  /** Every pet of these owners (active or not): name, species and owner, one query. */
  async function petsOfOwners(ownerIds: readonly string[]) {
    if (ownerIds.length === 0) return [];
    return db
      .select({ id: pets.id, ownerId: pets.ownerId, name: pets.name, species: pets.species })
      .from(pets)
      .where(inArray(pets.ownerId, [...new Set(ownerIds)]));
  }

  /** The visits of these pets (day and reason), to find a past visit brought in twice. */
  async function visitsOfPets(petIds: readonly number[]) {
    if (petIds.length === 0) return [];
    return db
      .select({ petId: visits.petId, visitDate: visits.visitDate, reason: visits.reason })
      .from(visits)
      .where(inArray(visits.petId, [...new Set(petIds)]));
  }

  /** Deletes imported vaccinations of a pet record. */
  async function removeImportedVaccinations(actor: Actor, ids: readonly number[]): Promise<{ removed: number[]; kept: number[] }> {
    requireStaff(actor, IMPORTERS);
    if (ids.length === 0) return { removed: [], kept: [] };
    const gone = await db
      .delete(vaccinationRecords)
      .where(inArray(vaccinationRecords.id, [...ids]))
      .returning({ id: vaccinationRecords.id });
    const removed = new Set(gone.map((r) => r.id));
    return { removed: ids.filter((id) => removed.has(id)), kept: ids.filter((id) => !removed.has(id)) };
  }

  /**
   * Deletes imported pets with nothing on their record: a visit, vaccination, record, allergy, medication
   * or weighing keeps the pet, and so does anything another module holds of it (its references refuse).
   */
  async function removeImportedPets(actor: Actor, ids: readonly number[]): Promise<{ removed: number[]; kept: number[] }> {
    requireStaff(actor, IMPORTERS);
    const removed: number[] = [];
    const kept: number[] = [];
    for (const id of ids) {
      const gone = await db
        .transaction(async (tx) => {
          for (const table of [visits, vaccinationRecords, medicalRecords, allergies, medications, vitalSigns]) {
            const [row] = await tx.select({ n: count() }).from(table).where(eq(table.petId, id));
            if ((row?.n ?? 0) > 0) return false;
          }
          const rows = await tx.delete(pets).where(eq(pets.id, id)).returning({ id: pets.id });
          return rows.length > 0;
        })
        .catch((error: unknown) => {
          if (isForeignKeyViolation(error)) return false;
          throw error;
        });
      (gone ? removed : kept).push(id);
    }
    return { removed, kept };
  }

  /**
   * Deletes imported past visits (and the weighing each brought) that nothing has been added to since: an
   * item, addendum, note, declined recommendation or anything another module holds of it keeps the visit.
   */
  async function removeImportedVisits(actor: Actor, ids: readonly number[]): Promise<{ removed: number[]; kept: number[] }> {
    requireStaff(actor, IMPORTERS);
    const removed: number[] = [];
    const kept: number[] = [];
    for (const id of ids) {
      const gone = await db
        .transaction(async (tx) => {
          for (const table of [visitItems, visitAddenda, clinicalNotes, declinedRecommendations, medicalRecords]) {
            const [row] = await tx.select({ n: count() }).from(table).where(eq(table.visitId, id));
            if ((row?.n ?? 0) > 0) return false;
          }
          const rows = await tx
            .delete(visits)
            .where(and(eq(visits.id, id), eq(visits.imported, true)))
            .returning({ id: visits.id });
          return rows.length > 0;
        })
        .catch((error: unknown) => {
          if (isForeignKeyViolation(error)) return false;
          throw error;
        });
      (gone ? removed : kept).push(id);
    }
    return { removed, kept };
  }

  return { petsOfOwners, visitsOfPets, removeImportedPets, removeImportedVaccinations, removeImportedVisits };
}
