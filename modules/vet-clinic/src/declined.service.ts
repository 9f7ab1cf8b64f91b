import { type Actor, type ModuleContext, NotFoundError, parseInput, requireStaff } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { CLINICAL_ROLES } from './medical-record.service';
import { recommendationDeclined } from './vet-clinic.events';
import { declinedSchema } from './vet-clinic.schemas';
import { declinedRecommendations, pets, visits } from './vet-clinic.tables';

/** Services a vet recommended at a visit and the owner declined: kept on the visit and told to whoever follows them up. */
export function createDeclinedService(ctx: ModuleContext) {
  const { db, events, clock } = ctx;

  async function recordDeclined(visitId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor, CLINICAL_ROLES);
    const { service } = parseInput(declinedSchema, input);
    const [visit] = await db
      .select({ petId: visits.petId, ownerId: pets.ownerId })
      .from(visits)
      .innerJoin(pets, eq(pets.id, visits.petId))
      .where(eq(visits.id, visitId));
    if (!visit) throw new NotFoundError('vet_clinic.visit_not_found', `Visit ${visitId} not found.`);
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

  async function listDeclined(visitId: number, actor: Actor) {
    requireStaff(actor);
    return db.select().from(declinedRecommendations).where(eq(declinedRecommendations.visitId, visitId)).orderBy(declinedRecommendations.id);
  }

  return { recordDeclined, listDeclined };
}

export type DeclinedService = ReturnType<typeof createDeclinedService>;
