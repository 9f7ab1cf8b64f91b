import {
  type Actor,
  clinicToday,
  containsPattern,
  foldForSearch,
  isStaff,
  type ModuleContext,
  NotFoundError,
  pageOf,
  parseInput,
  requireAuthenticated,
  requireStaff,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { UserDirectory } from './directory';
import { petCreated, petUpdated } from './vet-clinic.events';
import { type PetCreateData, petCreateSchema, petSearchSchema, petUpdateSchema } from './vet-clinic.schemas';
import type { VetClinicSettings } from './vet-clinic.settings';
import { pets, vitalSigns } from './vet-clinic.tables';

export type Pet = typeof pets.$inferSelect;
export type PetLabel = Pick<Pet, 'id' | 'name' | 'species' | 'ownerId'>;

const PHOTO_TYPES = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
]);

export function createPetService(ctx: ModuleContext, directory: UserDirectory, settings: VetClinicSettings) {
  const { db, events, storage } = ctx;

  /** Loads a pet the caller may see: its owner or any staff member. Others get "not found", so ids do not leak. */
  async function getPet(petId: number, actor: Actor): Promise<Pet> {
    const who = requireAuthenticated(actor);
    const [pet] = await db.select().from(pets).where(eq(pets.id, petId));
    if (!pet || (!isStaff(who) && pet.ownerId !== who.userId)) {
      throw new NotFoundError('vet_clinic.pet_not_found', `Pet ${petId} not found.`);
    }
    return pet;
  }

  async function getUserPets(actor: Actor, ownerId?: string): Promise<Pet[]> {
    const who = requireAuthenticated(actor);
    const target = isStaff(who) && ownerId ? ownerId : who.kind === 'owner' ? who.userId : ownerId;
    if (!target) throw ValidationError.forField('vet_clinic.owner_required', 'ownerId', 'Choose the owner whose pets to list.');
    return db
      .select()
      .from(pets)
      .where(and(eq(pets.ownerId, target), eq(pets.isActive, true)))
      .orderBy(asc(pets.isDeceased), asc(pets.name));
  }

  /** An owner adds their own pet; staff add one for an owner (`ownerId`). */
  async function createPet(actor: Actor, input: unknown, ownerId?: string): Promise<Pet> {
    const who = requireAuthenticated(actor);
    const data = parseInput(petCreateSchema, input);
    const owner = who.kind === 'owner' ? who.userId : ownerId;
    if (!owner) throw ValidationError.forField('vet_clinic.owner_required', 'ownerId', 'Choose the owner of this pet.');
    if (who.kind === 'staff' && !(await directory.isOwner(owner))) {
      throw ValidationError.forField('vet_clinic.owner_unknown', 'ownerId', 'There is no pet owner with this id.');
    }
    checkDates(data, clinicToday(ctx.clock, ctx.clinic.TIME_ZONE));
    return db.transaction(async (tx) => {
      const [pet] = await tx
        .insert(pets)
        .values({ ...data, ownerId: owner, weightKg: data.weightKg ?? null })
        .returning()
        .catch(rethrowMicrochip);
      await events.emit(tx, petCreated, { petId: pet!.id, ownerId: owner, actorId: who.userId });
      return pet!;
    });
  }

  async function updatePet(petId: number, actor: Actor, input: unknown): Promise<Pet> {
    const who = requireAuthenticated(actor);
    const data = parseInput(petUpdateSchema, input);
    const current = await getPet(petId, who);
    checkDates({ ...current, ...data }, clinicToday(ctx.clock, ctx.clinic.TIME_ZONE));
    const changes = Object.entries(data)
      .filter(([key, value]) => value !== undefined && String(value ?? '') !== String((current as Record<string, unknown>)[key] ?? ''))
      .map(([key]) => key);
    if (changes.length === 0) return current;
    return db.transaction(async (tx) => {
      const [pet] = await tx
        .update(pets)
        .set({ ...data, updatedAt: ctx.clock.now() })
        .where(eq(pets.id, petId))
        .returning()
        .catch(rethrowMicrochip);
      await events.emit(tx, petUpdated, { petId, ownerId: pet!.ownerId, actorId: who.userId, changes });
      return pet!;
    });
  }

  /** Stores a photo after checking what the bytes really are, not what the upload claims. */
  async function setPhoto(petId: number, actor: Actor, bytes: Uint8Array): Promise<Pet> {
    const pet = await getPet(petId, actor);
    if (bytes.byteLength > settings.PHOTO_MAX_BYTES) {
      const mb = (settings.PHOTO_MAX_BYTES / 1_000_000).toFixed(0);
      throw ValidationError.forField('vet_clinic.photo_too_large', 'photo', `The photo is larger than ${mb} MB.`, { mb });
    }
    const type = await fileTypeFromBuffer(bytes);
    const extension = type && PHOTO_TYPES.get(type.mime);
    if (!extension) throw ValidationError.forField('vet_clinic.photo_type', 'photo', 'The photo must be a JPEG, PNG or WebP image.');
    const key = `pets/${pet.id}/photo-${ctx.clock.now().getTime()}.${extension}`;
    await storage.put(key, bytes);
    const [updated] = await db.update(pets).set({ photo: key, updatedAt: ctx.clock.now() }).where(eq(pets.id, petId)).returning();
    if (pet.photo) await storage.delete(pet.photo);
    return updated!;
  }

  async function getPhoto(petId: number, actor: Actor): Promise<{ bytes: Uint8Array; contentType: string } | null> {
    const pet = await getPet(petId, actor);
    if (!pet.photo) return null;
    const bytes = await storage.get(pet.photo);
    if (!bytes) return null;
    const ext = pet.photo.split('.').pop();
    const contentType = [...PHOTO_TYPES].find(([, e]) => e === ext)?.[0] ?? 'application/octet-stream';
    return { bytes, contentType };
  }

  /** Staff search by pet name, microchip, or the owner's name, email or phone; closest pet name first. Paginated. */
  async function searchPets(actor: Actor, input: unknown) {
    requireStaff(actor);
    const { query, species, page, pageSize } = parseInput(petSearchSchema, input);
    const offset = (page - 1) * pageSize;
    const filters = [eq(pets.isActive, true)];
    if (species) filters.push(eq(pets.species, species));
    if (query) filters.push(sql`${pets.id} in (${await bestPetMatches(query, and(...filters)!, offset + pageSize + 1)})`);
    const rows = await db
      .select()
      .from(pets)
      .where(and(...filters))
      .orderBy(query ? closestName(query) : desc(pets.updatedAt), asc(pets.id))
      .limit(pageSize + 1)
      .offset(offset);
    const owners = await directory.namesOf([...new Set(rows.map((p) => p.ownerId))]);
    const found = pageOf(rows, { page, pageSize });
    return {
      ...found,
      items: found.items.map((p) => ({ ...p, ownerName: owners.get(p.ownerId) ?? '' })),
    };
  }

  /** Closest name first: trigram distance (1 − similarity), which the GiST index on the folded name returns in order. */
  const closestName = (query: string) => sql`${pets.searchName} <-> ${foldForSearch(query)}`;

  /**
   * The `limit` pets (of those `filters` keep) whose name matches, whose microchip is the query, or
   * whose owner matches, closest name first. A union with each branch cut to its own best `limit`, so
   * each uses its own index (the name's GiST walks names in distance order and stops) and the work does
   * not grow with the clinic; the best `limit` of the whole are among the branches' bests.
   */
  async function bestPetMatches(query: string, filters: SQL, limit: number) {
    const ranked = sql`order by ${closestName(query)}, ${pets.id} limit ${limit}`;
    const ownerIds = await directory.findOwnerIds(query, 200);
    const byOwner = ownerIds.length ? sql` union (select ${pets.id} from ${pets} where ${filters} and ${inArray(pets.ownerId, ownerIds)} ${ranked})` : sql``;
    return sql`(select ${pets.id} from ${pets} where ${filters} and ${pets.searchName} like ${containsPattern(foldForSearch(query))} ${ranked}) union (select ${pets.id} from ${pets} where ${filters} and ${pets.microchipNumber} = ${query.replace(/\s+/g, '')})${byOwner}`;
  }

  async function getWeightHistory(petId: number, actor: Actor) {
    await getPet(petId, actor);
    const rows = await db
      .select({ recordedAt: vitalSigns.recordedAt, weightKg: vitalSigns.weightKg })
      .from(vitalSigns)
      .where(and(eq(vitalSigns.petId, petId), sql`${vitalSigns.weightKg} is not null`))
      .orderBy(asc(vitalSigns.recordedAt));
    return rows.map((r) => ({ recordedAt: r.recordedAt, weightKg: r.weightKg! }));
  }

  async function countPets(ownerId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(pets)
      .where(and(eq(pets.ownerId, ownerId), eq(pets.isActive, true)));
    return row?.n ?? 0;
  }

  /** Names and species of pets another module already holds by id (its own records decide who may see them); one query. */
  async function petsByIds(ids: readonly number[]): Promise<Map<number, PetLabel>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: pets.id, name: pets.name, species: pets.species, ownerId: pets.ownerId })
      .from(pets)
      .where(inArray(pets.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  }

  return { getPet, getUserPets, createPet, updatePet, setPhoto, getPhoto, searchPets, getWeightHistory, countPets, petsByIds };
}

export type PetService = ReturnType<typeof createPetService>;

function checkDates(data: Partial<PetCreateData> & { deceasedDate?: string | null }, today: string) {
  if (data.dateOfBirth && data.dateOfBirth > today) {
    throw ValidationError.forField('vet_clinic.birth_in_future', 'dateOfBirth', 'The date of birth cannot be in the future.');
  }
  if (data.microchipImplantedOn && data.microchipImplantedOn > today) {
    throw ValidationError.forField('vet_clinic.chip_in_future', 'microchipImplantedOn', 'The microchip date cannot be in the future.');
  }
  if (data.deceasedDate && data.dateOfBirth && data.deceasedDate < data.dateOfBirth) {
    throw ValidationError.forField('vet_clinic.deceased_before_birth', 'deceasedDate', 'The date of death is before the date of birth.');
  }
}

function rethrowMicrochip(error: unknown): never {
  const cause = (error as { cause?: { constraint?: string } }).cause ?? (error as { constraint?: string });
  if (String((cause as { constraint?: string })?.constraint ?? (error as Error).message).includes('pets_microchip_unique')) {
    throw ValidationError.forField('vet_clinic.microchip_taken', 'microchipNumber', 'Another pet already has this microchip number.');
  }
  throw error;
}
