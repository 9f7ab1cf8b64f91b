import { clinicToday, type ModuleContext } from '@petfriendly/core';
import { asc, eq, gt, inArray } from 'drizzle-orm';
import { churnRisk, type PetCadence } from './churn';
import { crmPets, ownerProfiles, petVisits } from './crm.tables';

const PAGE = 500;

/** Each owner's churn risk from their pets' cadence, with the reason: nightly for all, and when a pet's history changes. */
export function createChurnService(ctx: ModuleContext) {
  const { db } = ctx;

  /** Scores these owners (one batch of reads, one update each). */
  async function scoreOwners(ownerIds: string[]) {
    if (ownerIds.length === 0) return;
    const today = clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);
    const pets = await db.select().from(crmPets).where(inArray(crmPets.ownerId, ownerIds));
    const visits = await db.select().from(petVisits).where(inArray(petVisits.ownerId, ownerIds)).orderBy(asc(petVisits.visitDate));
    const daysOf = new Map<number, string[]>();
    for (const v of visits) daysOf.set(v.petId, [...(daysOf.get(v.petId) ?? []), v.visitDate]);
    const cadence = new Map<string, PetCadence[]>();
    for (const pet of pets) {
      if (!pet.isActive) continue;
      cadence.set(pet.ownerId, [...(cadence.get(pet.ownerId) ?? []), { ...pet, visitDates: daysOf.get(pet.petId) ?? [] }]);
    }
    const now = ctx.clock.now();
    await db.transaction(async (tx) => {
      for (const ownerId of ownerIds) {
        const result = churnRisk(cadence.get(ownerId) ?? [], today);
        await tx
          .update(ownerProfiles)
          .set({ churnRisk: result?.risk ?? null, churnReason: result?.reason ?? null, churnComputedAt: now })
          .where(eq(ownerProfiles.ownerId, ownerId));
      }
    });
  }

  /** The nightly job: every owner, in pages. */
  async function scoreAll(): Promise<number> {
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
      await scoreOwners(owners.map((o) => o.ownerId));
      scored += owners.length;
    }
  }

  return { scoreOwners, scoreAll };
}

export type ChurnService = ReturnType<typeof createChurnService>;
