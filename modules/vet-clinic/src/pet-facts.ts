import { clinicToday, localDate, type ModuleContext } from '@petfriendly/core';
import { asc, inArray } from 'drizzle-orm';
import type { MedicalRecordService } from './medical-record.service';
import { vaccinationSchedule } from './vaccination';
import { pets, vaccinationRecords, visits } from './vet-clinic.tables';

/** What the CRM keeps of a pet: who it is, the days it came in and its next vaccine due (earliest first). */
export interface PetFacts {
  id: number;
  ownerId: string;
  name: string;
  species: string;
  breed: string;
  dateOfBirth: string | null;
  isActive: boolean;
  isDeceased: boolean;
  visitDates: string[];
  nextVaccine: { vaccineName: string; dueDate: string } | null;
}

/** Facts about pets named by id, in one batch (three queries), for modules that keep their own copy (the CRM). */
export function createPetFacts(ctx: ModuleContext, records: Pick<MedicalRecordService, 'protocols'>) {
  return async function petFacts(ids: readonly number[]): Promise<PetFacts[]> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    const rows = await ctx.db.select().from(pets).where(inArray(pets.id, unique));
    const visitRows = await ctx.db
      .select({ petId: visits.petId, at: visits.visitDate })
      .from(visits)
      .where(inArray(visits.petId, unique))
      .orderBy(asc(visits.visitDate));
    const given = await ctx.db
      .select({ petId: vaccinationRecords.petId, protocolCode: vaccinationRecords.protocolCode, administeredDate: vaccinationRecords.administeredDate })
      .from(vaccinationRecords)
      .where(inArray(vaccinationRecords.petId, unique));
    const protocols = await records.protocols();
    const today = clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);
    return rows.map((pet) => {
      const schedule = pet.isDeceased
        ? []
        : vaccinationSchedule({ species: pet.species, dateOfBirth: pet.dateOfBirth, today, protocols, given: given.filter((g) => g.petId === pet.id) });
      const next = schedule[0];
      const days = visitRows.filter((v) => v.petId === pet.id).map((v) => localDate(v.at, ctx.clinic.TIME_ZONE));
      return {
        id: pet.id,
        ownerId: pet.ownerId,
        name: pet.name,
        species: pet.species,
        breed: pet.breed,
        dateOfBirth: pet.dateOfBirth,
        isActive: pet.isActive,
        isDeceased: pet.isDeceased,
        visitDates: [...new Set(days)],
        nextVaccine: next ? { vaccineName: next.vaccineName, dueDate: next.dueDate } : null,
      };
    });
  };
}
