import { type Actor, type ModuleContext, NotFoundError, parseInput, requireStaff } from '@petfriendly/core';
import { desc, eq } from 'drizzle-orm';
import { CLINICAL_ROLES } from './medical-record.service';
import { recommendationDeclined } from './vet-clinic.events';
import { chartDeclinedSchema, declinedSchema } from './vet-clinic.schemas';
import { declinedRecommendations, pets, visits } from './vet-clinic.tables';

/** Services a vet recommended at a visit and the owner declined: kept on the visit and told to whoever follows them up. */
export function createDeclinedService(ctx: ModuleContext) {
  const { db, events, clock } = ctx;

  /** Records it on the visit; `petId`, when given (the chart), must be the visit's pet. */
  async function record(visitId: number, service: string, actor: Actor, petId?: number) {
    const staff = requireStaff(actor, CLINICAL_ROLES);
    const [visit] = await db
      .select({ petId: visits.petId, ownerId: pets.ownerId })
      .from(visits)
      .innerJoin(pets, eq(pets.id, visits.petId))
      .where(eq(visits.id, visitId));
    if (!visit || (petId !== undefined && visit.petId !== petId)) throw new NotFoundError('vet_clinic.visit_not_found', `Visit ${visitId} not found.`);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(declinedRecommendations)
        .values({ visitId, petId: visit.petId, service, recordedBy: staff.userId, createdAt: clock.now() })
        .returning();
      await events.emit(tx, recommendationDeclined, {
        recommendationId: row!.id,
        visitId,
        petId: visit.petId,
        ownerId: visit.ownerId,
        service,
        declinedAt: row!.createdAt.toISOString(),
      });
      return row!;
    });
  }

  async function recordDeclined(visitId: number, input: unknown, actor: Actor) {
    requireStaff(actor, CLINICAL_ROLES);
    return record(visitId, parseInput(declinedSchema, input).service, actor);
  }

  /** From the pet's chart: the visit is chosen in the form, and must be this pet's. */
  async function recordDeclinedForPet(petId: number, input: unknown, actor: Actor) {
    requireStaff(actor, CLINICAL_ROLES);
    const { visitId, service } = parseInput(chartDeclinedSchema, input);
    return record(visitId, service, actor, petId);
  }

  async function listDeclined(visitId: number, actor: Actor) {
    requireStaff(actor);
    return db.select().from(declinedRecommendations).where(eq(declinedRecommendations.visitId, visitId)).orderBy(declinedRecommendations.id);
  }

  /** Everything the pet's owner declined, newest first (the chart). */
  async function listDeclinedOfPet(petId: number, actor: Actor) {
    requireStaff(actor);
    return db
      .select()
      .from(declinedRecommendations)
      .where(eq(declinedRecommendations.petId, petId))
      .orderBy(desc(declinedRecommendations.createdAt), desc(declinedRecommendations.id));
  }

  return { recordDeclined, recordDeclinedForPet, listDeclined, listDeclinedOfPet };
}

export type DeclinedService = ReturnType<typeof createDeclinedService>;
