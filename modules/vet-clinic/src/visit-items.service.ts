import {
  type Actor,
  addLocalDays,
  ConflictError,
  clinicInstant,
  type LocalDate,
  localDate,
  type ModuleContext,
  NotFoundError,
  parseInput,
  requireStaff,
  type Tx,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { PetService } from './pet.service';
import { visitItemSchema } from './vet-clinic.schemas';
import type { VetClinicSettings } from './vet-clinic.settings';
import { pets, type VisitItemKind, vaccinationRecords, visitItems, visits } from './vet-clinic.tables';

/** Who records what was done: the clinical roles (as for the visit itself). */
const CLINICAL_ROLES = ['veterinarian', 'manager', 'admin'] as const;

/** Something done in a visit that has a price, as billing asks for it (it prices it from the catalogue). */
export interface ChargeableItem {
  id: number;
  visitId: number;
  petId: number;
  petName: string;
  ownerId: string;
  kind: VisitItemKind;
  productId: number | null;
  serviceTypeId: number | null;
  quantity: string;
  note: string;
  /** The vaccine's name, when the item charges a recorded vaccination. */
  vaccineName: string | null;
  /** The visit's day in the clinic's time zone. */
  doneOn: LocalDate;
  visitClosed: boolean;
}

type NewItem = { kind: VisitItemKind; productId: number | null; serviceTypeId: number | null; quantity: string; note: string; vaccinationId?: number };

/** Visit items: what was done in a visit that the clinic charges for (procedures, lab tests, hospital days, vaccines, medication). */
export function createVisitItemService(ctx: ModuleContext, petService: PetService, settings: VetClinicSettings) {
  const { db, clock } = ctx;
  const tz = ctx.clinic.TIME_ZONE;

  async function openVisit(reader: Pick<Tx, 'select'>, visitId: number) {
    const [visit] = await reader.select().from(visits).where(eq(visits.id, visitId));
    if (!visit) throw new NotFoundError('vet_clinic.visit_not_found', `Visit ${visitId} not found.`);
    if (visit.closedAt && clock.now().getTime() - visit.closedAt.getTime() > settings.VISIT_LOCK_HOURS * 3_600_000) {
      throw new ConflictError('vet_clinic.visit_locked', `This visit was closed more than ${settings.VISIT_LOCK_HOURS} hours ago; add an addendum instead.`);
    }
    return visit;
  }

  /** Inserts an item in the caller's transaction (a vaccination recorded with its charge, which names its pet). */
  async function insertItem(tx: Tx, visitId: number, item: NewItem, by: string, petId?: number) {
    const visit = await openVisit(tx, visitId);
    if (petId !== undefined && visit.petId !== petId) throw ValidationError.forField('vet_clinic.visit_other_pet', 'visitId', 'That visit is another pet’s.');
    const [row] = await tx
      .insert(visitItems)
      .values({ ...item, visitId, recordedBy: by, createdAt: clock.now() })
      .returning();
    return row!;
  }

  async function addItem(actor: Actor, visitId: number, input: unknown) {
    const staff = requireStaff(actor, CLINICAL_ROLES);
    const data = parseInput(visitItemSchema, input);
    return db.transaction((tx) => insertItem(tx, visitId, data, staff.userId));
  }

  async function itemsWhere(where: ReturnType<typeof and>): Promise<ChargeableItem[]> {
    const rows = await db
      .select({
        item: visitItems,
        petId: visits.petId,
        visitDate: visits.visitDate,
        closedAt: visits.closedAt,
        petName: pets.name,
        ownerId: pets.ownerId,
        vaccineName: vaccinationRecords.vaccineName,
      })
      .from(visitItems)
      .innerJoin(visits, eq(visits.id, visitItems.visitId))
      .innerJoin(pets, eq(pets.id, visits.petId))
      .leftJoin(vaccinationRecords, eq(vaccinationRecords.id, visitItems.vaccinationId))
      .where(where)
      .orderBy(asc(visits.visitDate), asc(visitItems.id));
    return rows.map((r) => ({
      id: r.item.id,
      visitId: r.item.visitId,
      petId: r.petId,
      petName: r.petName,
      ownerId: r.ownerId,
      kind: r.item.kind,
      productId: r.item.productId,
      serviceTypeId: r.item.serviceTypeId,
      quantity: r.item.quantity,
      note: r.item.note,
      vaccineName: r.vaccineName,
      doneOn: localDate(r.visitDate, tz),
      visitClosed: r.closedAt !== null,
    }));
  }

  /** The chargeable items of these visits (staff), in one query. */
  async function chargeableItems(actor: Actor, visitIds: readonly number[]): Promise<ChargeableItem[]> {
    requireStaff(actor);
    if (visitIds.length === 0) return [];
    return itemsWhere(and(inArray(visitItems.visitId, [...new Set(visitIds)])));
  }

  /** Items named by id (staff), in one query. */
  async function chargeableItemsByIds(actor: Actor, itemIds: readonly number[]): Promise<ChargeableItem[]> {
    requireStaff(actor);
    if (itemIds.length === 0) return [];
    return itemsWhere(and(inArray(visitItems.id, [...new Set(itemIds)])));
  }

  /** The chargeable items of a pet's visits since a day (the desk's suggestions). */
  async function chargeableItemsOfPet(actor: Actor, petId: number, since: LocalDate): Promise<ChargeableItem[]> {
    await petService.getPet(petId, requireStaff(actor));
    return itemsWhere(and(eq(visits.petId, petId), gte(visits.visitDate, clinicInstant(since, '00:00', tz))));
  }

  /** Every chargeable item of the visits on these days, both included (the missed-charges report). */
  async function chargeableItemsBetween(actor: Actor, from: LocalDate, to: LocalDate): Promise<ChargeableItem[]> {
    requireStaff(actor);
    return itemsWhere(and(gte(visits.visitDate, clinicInstant(from, '00:00', tz)), lt(visits.visitDate, clinicInstant(addLocalDays(to, 1), '00:00', tz))));
  }

  return { addItem, insertItem, chargeableItems, chargeableItemsByIds, chargeableItemsOfPet, chargeableItemsBetween };
}

export type VisitItemService = ReturnType<typeof createVisitItemService>;
