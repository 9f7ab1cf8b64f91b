import { clinicToday, type ModuleContext } from '@petfriendly/core';
import { asc, gt, inArray, sql } from 'drizzle-orm';
import { churnRisk, type PetCadence } from './churn';
import { crmPets, ownerProfiles, petVisits } from './crm.tables';

const PAGE = 500;

/** The nightly job: each owner's churn risk from their pets' cadence, with the reason, in pages of owners. */
export function createChurnService(ctx: ModuleContext) {
  const { db } = ctx;

  async function scoreAll(): Promise<number> {
    const today = clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);
    let lastId = 0;
    let scored = 0;
    for (;;) {
      const owners = await db
        .select({ id: ownerProfiles.id, ownerId: ownerProfiles.ownerId })
        .from(ownerProfiles)
        .where(gt(ownerProfiles.id, lastId))
        .orderBy(asc(ownerProfiles.id))
        .limit(PAGE);
      if (owners.length === 0) return scored;
      lastId = owners.at(-1)!.id;
      const ids = owners.map((o) => o.ownerId);
      const pets = await db.select().from(crmPets).where(inArray(crmPets.ownerId, ids));
      const visits = await db.select().from(petVisits).where(inArray(petVisits.ownerId, ids)).orderBy(asc(petVisits.visitDate));
      const daysOf = new Map<number, string[]>();
      for (const v of visits) daysOf.set(v.petId, [...(daysOf.get(v.petId) ?? []), v.visitDate]);
      const cadence = new Map<string, PetCadence[]>();
      for (const pet of pets) {
        if (!pet.isActive) continue;
        cadence.set(pet.ownerId, [...(cadence.get(pet.ownerId) ?? []), { ...pet, visitDates: daysOf.get(pet.petId) ?? [] }]);
      }
      const now = ctx.clock.now();
      await db.transaction(async (tx) => {
        for (const owner of owners) {
          const result = churnRisk(cadence.get(owner.ownerId) ?? [], today);
          await tx
            .update(ownerProfiles)
            .set({ churnRisk: result?.risk ?? null, churnReason: result?.reason ?? null, churnComputedAt: now })
            .where(sql`${ownerProfiles.id} = ${owner.id}`);
        }
      });
      scored += owners.length;
    }
  }

  return { scoreAll };
}
