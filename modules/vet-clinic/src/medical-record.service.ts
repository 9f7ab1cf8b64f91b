import {
  type Actor,
  type AuditedEntity,
  addLocalDays,
  ConflictError,
  clinicInstant,
  clinicToday,
  type DbOrTx,
  isStaff,
  type ModuleContext,
  NotFoundError,
  pageOf,
  parseInput,
  requireStaff,
  type StaffActor,
  stamped,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { UserDirectory } from './directory';
import type { PetService } from './pet.service';
import { nextDueAfterDose, type VaccineProtocol, vaccinationSchedule } from './vaccination';
import { vaccinationDue, vaccinationGiven, visitCreated } from './vet-clinic.events';
import {
  addendumSchema,
  allergySchema,
  catalogueIds,
  clinicalNoteSchema,
  medicalRecordSchema,
  medicationSchema,
  protocolUpdateSchema,
  type VisitData,
  vaccinationSchema,
  visitSchema,
  visitUpdateSchema,
} from './vet-clinic.schemas';
import type { VetClinicSettings } from './vet-clinic.settings';
import {
  allergies,
  clinicalNotes,
  medicalRecords,
  medications,
  pets,
  vaccinationDueNotices,
  vaccinationRecords,
  vaccineProtocols,
  visitAddenda,
  visits,
  vitalSigns,
} from './vet-clinic.tables';
import type { VisitItemService } from './visit-items.service';

/** Who writes the clinical record: vets, and the managers and admins who in a small clinic are vets too. */
export const CLINICAL_ROLES = ['veterinarian', 'manager', 'admin'] as const;
/** Who brings a clinic's history in from its previous system. */
const IMPORTERS = ['manager', 'admin'] as const;

export function createMedicalRecordService(
  ctx: ModuleContext,
  petService: PetService,
  directory: UserDirectory,
  settings: VetClinicSettings,
  visitItems: Pick<VisitItemService, 'insertItem'>,
) {
  const { db, events, clock } = ctx;
  const today = () => clinicToday(clock, ctx.clinic.TIME_ZONE);
  /** The audit log's row for a created (no `before`) or changed clinical row, in the changing transaction. */
  const audit = (tx: DbOrTx, actor: Actor, entity: AuditedEntity, after: { id: number }, before?: object) =>
    ctx.audit.record(tx, { module: 'vet-clinic', entity, entityId: after.id, action: before ? 'update' : 'create', actor, before: { ...before }, after });

  function isLocked(visit: { closedAt: Date | null }): boolean {
    return !!visit.closedAt && clock.now().getTime() - visit.closedAt.getTime() > settings.VISIT_LOCK_HOURS * 3_600_000;
  }

  async function loadVisit(visitId: number) {
    const [visit] = await db.select().from(visits).where(eq(visits.id, visitId));
    if (!visit) throw new NotFoundError('vet_clinic.visit_not_found', `Visit ${visitId} not found.`);
    return visit;
  }

  /** Records a visit (SOAP and vitals). Vets write the record; a receptionist cannot. */
  async function addVisit(petId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor, CLINICAL_ROLES);
    return insertVisit(petId, parseInput(visitSchema, input), staff, false);
  }

  /**
   * A past visit brought in from the clinic's previous system (data import): closed on its own date, marked
   * imported, recorded by the importer; its weight becomes the pet's only when no later weighing exists.
   */
  async function addImportedVisit(petId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor, IMPORTERS);
    return insertVisit(petId, checkImportedVisit(input), staff, true);
  }

  /** A past visit as `addImportedVisit` takes it, checked without writing anything (an import's dry run). */
  function checkImportedVisit(input: unknown): VisitData {
    const data = parseInput(visitSchema, input);
    if (!data.visitDate) throw ValidationError.forField('is required', 'visitDate', 'is required');
    if (data.visitDate > clock.now()) throw ValidationError.forField('vet_clinic.visit_in_future', 'visitDate', 'must not be in the future');
    return data;
  }

  async function insertVisit(petId: number, data: VisitData, staff: StaffActor, imported: boolean) {
    const pet = await petService.getPet(petId, staff);
    const visitDate = data.visitDate ?? clock.now();
    return db.transaction(async (tx) => {
      const [visit] = await tx
        .insert(visits)
        .values({
          petId,
          visitDate,
          reason: data.reason,
          subjective: data.subjective,
          objective: data.objective,
          assessment: data.assessment,
          plan: data.plan,
          veterinarianId: staff.userId,
          closedAt: imported ? visitDate : data.close ? clock.now() : null,
          imported,
          ...stamped(staff.userId, clock.now(), true),
        })
        .returning();
      await audit(tx, staff, 'visit', visit!);
      const vitals = data.vitals;
      if (vitals && Object.values(vitals).some((v) => v != null)) {
        await tx.insert(vitalSigns).values({ ...vitals, visitId: visit!.id, petId, recordedAt: visitDate, recordedBy: staff.userId });
        const [later] = imported
          ? await tx
              .select({ id: vitalSigns.id })
              .from(vitalSigns)
              .where(and(eq(vitalSigns.petId, petId), sql`${vitalSigns.weightKg} is not null`, sql`${vitalSigns.recordedAt} > ${visitDate}`))
              .limit(1)
          : [];
        if (vitals.weightKg && !later) await tx.update(pets).set({ weightKg: vitals.weightKg, updatedAt: clock.now() }).where(eq(pets.id, petId));
      }
      await events.emit(tx, visitCreated, {
        visitId: visit!.id,
        petId,
        ownerId: pet.ownerId,
        veterinarianId: staff.userId,
        visitDate: visit!.visitDate.toISOString(),
      });
      return visit!;
    });
  }

  /** Edits SOAP while the visit is open or within the lock window after closing. */
  async function updateVisit(visitId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor, CLINICAL_ROLES);
    const data = parseInput(visitUpdateSchema, input);
    const visit = await loadVisit(visitId);
    if (isLocked(visit)) {
      throw new ConflictError('vet_clinic.visit_locked', `This visit was closed more than ${settings.VISIT_LOCK_HOURS} hours ago; add an addendum instead.`);
    }
    const { close, ...soap } = data;
    return db.transaction(async (tx) => {
      const [updated] = await tx
        .update(visits)
        .set({
          ...soap,
          version: visit.version + 1,
          ...stamped(staff.userId, clock.now(), false),
          ...(close && !visit.closedAt ? { closedAt: clock.now() } : {}),
        })
        .where(and(eq(visits.id, visitId), eq(visits.version, visit.version)))
        .returning();
      if (!updated) throw new ConflictError('vet_clinic.visit_changed', 'Someone else changed this visit; reload it and try again.');
      await audit(tx, staff, 'visit', updated, visit);
      return updated;
    });
  }

  async function addAddendum(visitId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor, CLINICAL_ROLES);
    const data = parseInput(addendumSchema, input);
    await loadVisit(visitId);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(visitAddenda)
        .values({ visitId, ...data, authorId: staff.userId, createdAt: clock.now() })
        .returning();
      await audit(tx, staff, 'visit_addendum', row!);
      return row!;
    });
  }

  async function addClinicalNote(visitId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor);
    const data = parseInput(clinicalNoteSchema, input);
    await loadVisit(visitId);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(clinicalNotes)
        .values({ visitId, ...data, authorId: staff.userId, ...stamped(staff.userId, clock.now(), true) })
        .returning();
      await audit(tx, staff, 'clinical_note', row!);
      return row!;
    });
  }

  /**
   * A pet's visits, newest first, paginated. Owners never receive internal notes, whatever they ask;
   * staff get them only when `includeInternal` is set.
   */
  async function getVisitHistory(petId: number, actor: Actor, options: { includeInternal?: boolean; page?: number; pageSize?: number } = {}) {
    await petService.getPet(petId, actor);
    const includeInternal = isStaff(actor) && options.includeInternal === true;
    const page = Math.max(1, options.page ?? 1);
    const pageSize = Math.min(100, Math.max(1, options.pageSize ?? 20));
    const rows = await db
      .select()
      .from(visits)
      .where(eq(visits.petId, petId))
      .orderBy(desc(visits.visitDate), desc(visits.id))
      .limit(pageSize + 1)
      .offset((page - 1) * pageSize);
    const found = pageOf(rows, { page, pageSize });
    const pageRows = found.items;
    const ids = pageRows.map((v) => v.id);
    const [notes, addenda, vitals] = ids.length
      ? await Promise.all([
          db
            .select()
            .from(clinicalNotes)
            .where(and(inArray(clinicalNotes.visitId, ids), includeInternal ? undefined : eq(clinicalNotes.isInternal, false)))
            .orderBy(asc(clinicalNotes.createdAt)),
          db.select().from(visitAddenda).where(inArray(visitAddenda.visitId, ids)).orderBy(asc(visitAddenda.createdAt)),
          db.select().from(vitalSigns).where(inArray(vitalSigns.visitId, ids)),
        ])
      : [[], [], []];
    const people = await directory.namesOf([
      ...new Set([...pageRows.map((v) => v.veterinarianId), ...notes.map((n) => n.authorId), ...addenda.map((a) => a.authorId)]),
    ]);
    return {
      ...found,
      items: pageRows.map((v) => ({
        ...v,
        veterinarianName: people.get(v.veterinarianId) ?? '',
        locked: isLocked(v),
        vitals: vitals.find((s) => s.visitId === v.id) ?? null,
        notes: notes.filter((n) => n.visitId === v.id).map((n) => ({ ...n, authorName: people.get(n.authorId) ?? '' })),
        addenda: addenda.filter((a) => a.visitId === v.id).map((a) => ({ ...a, authorName: people.get(a.authorId) ?? '' })),
      })),
    };
  }

  async function getVisit(visitId: number, actor: Actor) {
    const visit = await loadVisit(visitId);
    const history = await getVisitHistory(visit.petId, actor, { includeInternal: true, pageSize: 100 });
    const found = history.items.find((v) => v.id === visitId);
    if (!found) throw new NotFoundError('vet_clinic.visit_not_found', `Visit ${visitId} not found.`);
    return found;
  }

  async function protocols(species?: string): Promise<(VaccineProtocol & { isActive: boolean; notes: string })[]> {
    const rows = await db
      .select()
      .from(vaccineProtocols)
      .where(and(eq(vaccineProtocols.isActive, true), species ? eq(vaccineProtocols.species, species as never) : undefined));
    return rows as (VaccineProtocol & { isActive: boolean; notes: string })[];
  }

  /** The clinic edits its protocols (intervals, doses, on/off); managers, admins and vets may. */
  async function updateProtocol(actor: Actor, code: string, input: unknown) {
    requireStaff(actor, ['veterinarian', 'manager', 'admin']);
    const data = parseInput(protocolUpdateSchema, input);
    const [row] = await db.update(vaccineProtocols).set(data).where(eq(vaccineProtocols.code, code)).returning();
    if (!row) throw new NotFoundError('vet_clinic.protocol_not_found', `No vaccine protocol ${code}.`);
    return row;
  }

  /** Records a vaccination; the next due date follows the species protocol unless the vet sets one. */
  async function addVaccination(petId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor);
    const data = parseInput(vaccinationSchema, input);
    const pet = await petService.getPet(petId, staff);
    if (data.administeredDate > today()) {
      throw ValidationError.forField('vet_clinic.vaccination_in_future', 'administeredDate', 'The vaccination date cannot be in the future.');
    }
    if (!data.givenElsewhere && staff.role === 'receptionist') {
      throw ValidationError.forField('vet_clinic.vaccination_needs_vet', 'givenElsewhere', 'A receptionist can only record vaccinations given elsewhere.');
    }
    let nextDueDate = data.nextDueDate ?? null;
    if (!nextDueDate && data.protocolCode) {
      const protocol = (await protocols(pet.species)).find((p) => p.code === data.protocolCode);
      if (!protocol)
        throw ValidationError.forField('vet_clinic.protocol_unknown', 'protocolCode', `No ${pet.species} vaccine protocol ${data.protocolCode}.`, {
          code: data.protocolCode,
        });
      const given = await db
        .select({ protocolCode: vaccinationRecords.protocolCode, administeredDate: vaccinationRecords.administeredDate })
        .from(vaccinationRecords)
        .where(eq(vaccinationRecords.petId, petId));
      nextDueDate = nextDueAfterDose({
        protocol,
        dateOfBirth: pet.dateOfBirth,
        given: [...given, { protocolCode: data.protocolCode, administeredDate: data.administeredDate }],
      });
    }
    const { visitId, chargeAs, ...record } = data;
    const charged = !data.givenElsewhere && chargeAs;
    if (charged && !visitId)
      throw ValidationError.forField('vet_clinic.charge_needs_visit', 'visitId', 'Say in which visit the vaccine was given to charge it.');
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(vaccinationRecords)
        .values({ ...record, petId, nextDueDate, administeredBy: data.givenElsewhere ? null : staff.userId, ...stamped(staff.userId, clock.now(), true) })
        .returning();
      await audit(tx, staff, 'vaccination', row!);
      if (charged && visitId) {
        const item = { kind: 'vaccine' as const, ...catalogueIds(charged), quantity: '1', note: '' };
        await visitItems.insertItem(tx, visitId, { ...item, vaccinationId: row!.id }, staff.userId, petId);
      }
      await events.emit(tx, vaccinationGiven, {
        vaccinationId: row!.id,
        petId,
        ownerId: pet.ownerId,
        vaccineName: row!.vaccineName,
        protocolCode: row!.protocolCode,
        nextDueDate,
        administeredDate: row!.administeredDate,
      });
      return row!;
    });
  }

  async function getVaccinations(petId: number, actor: Actor) {
    await petService.getPet(petId, actor);
    return db.select().from(vaccinationRecords).where(eq(vaccinationRecords.petId, petId)).orderBy(desc(vaccinationRecords.administeredDate));
  }

  /** What is due and when, from the clinic's protocols and the doses on record. */
  async function getVaccinationSchedule(petId: number, actor: Actor) {
    const pet = await petService.getPet(petId, actor);
    const given = await db
      .select({ protocolCode: vaccinationRecords.protocolCode, administeredDate: vaccinationRecords.administeredDate })
      .from(vaccinationRecords)
      .where(eq(vaccinationRecords.petId, petId));
    if (pet.isDeceased) return [];
    return vaccinationSchedule({ species: pet.species, dateOfBirth: pet.dateOfBirth, today: today(), protocols: await protocols(pet.species), given });
  }

  /**
   * The daily job: raises `vaccination_due` once per pet, vaccine and dose, for doses due within
   * VACCINATION_DUE_NOTICE_DAYS (overdue included). Works through pets in pages to stay bounded.
   */
  async function announceDueVaccinations(): Promise<number> {
    const day = today();
    const horizon = addLocalDays(day, settings.VACCINATION_DUE_NOTICE_DAYS);
    const allProtocols = await protocols();
    let announced = 0;
    for (let lastId = 0; ; ) {
      const batch = await db
        .select({ id: pets.id, ownerId: pets.ownerId, name: pets.name, species: pets.species, dateOfBirth: pets.dateOfBirth })
        .from(pets)
        .where(and(eq(pets.isActive, true), eq(pets.isDeceased, false), sql`${pets.id} > ${lastId}`))
        .orderBy(asc(pets.id))
        .limit(500);
      if (batch.length === 0) break;
      lastId = batch[batch.length - 1]!.id;
      const doses = await db
        .select({ petId: vaccinationRecords.petId, protocolCode: vaccinationRecords.protocolCode, administeredDate: vaccinationRecords.administeredDate })
        .from(vaccinationRecords)
        .where(
          inArray(
            vaccinationRecords.petId,
            batch.map((p) => p.id),
          ),
        );
      for (const pet of batch) {
        const due = vaccinationSchedule({
          species: pet.species,
          dateOfBirth: pet.dateOfBirth,
          today: day,
          protocols: allProtocols.filter((p) => p.species === pet.species),
          given: doses.filter((d) => d.petId === pet.id),
        }).filter((d) => d.dueDate <= horizon);
        for (const item of due) {
          announced += await db.transaction(async (tx) => {
            const inserted = await tx
              .insert(vaccinationDueNotices)
              .values({ petId: pet.id, protocolCode: item.protocolCode, dose: item.dose, doseNumber: item.doseNumber, dueDate: item.dueDate })
              .onConflictDoNothing()
              .returning();
            if (inserted.length === 0) return 0;
            await events.emit(tx, vaccinationDue, {
              petId: pet.id,
              ownerId: pet.ownerId,
              petName: pet.name,
              vaccineName: item.vaccineName,
              protocolCode: item.protocolCode,
              dueDate: item.dueDate,
            });
            return 1;
          });
        }
      }
    }
    return announced;
  }

  async function addAllergy(petId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor);
    const data = parseInput(allergySchema, input);
    await petService.getPet(petId, actor);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(allergies)
        .values({ ...data, petId, ...stamped(staff.userId, clock.now(), true) })
        .returning();
      await audit(tx, staff, 'allergy', row!);
      return row!;
    });
  }

  async function getAllergies(petId: number, actor: Actor) {
    await petService.getPet(petId, actor);
    return db.select().from(allergies).where(eq(allergies.petId, petId)).orderBy(desc(allergies.createdAt));
  }

  async function addMedication(petId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor, CLINICAL_ROLES);
    const data = parseInput(medicationSchema, input);
    await petService.getPet(petId, actor);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(medications)
        .values({ ...data, petId, prescribedBy: staff.userId, ...stamped(staff.userId, clock.now(), true) })
        .returning();
      await audit(tx, staff, 'medication', row!);
      return row!;
    });
  }

  /** Medications, current first (ongoing or not yet ended), then past ones. */
  async function getMedications(petId: number, actor: Actor) {
    await petService.getPet(petId, actor);
    const rows = await db.select().from(medications).where(eq(medications.petId, petId)).orderBy(desc(medications.startDate));
    const day = today();
    return rows.map((m) => ({ ...m, isCurrent: m.isOngoing || !m.endDate || m.endDate >= day }));
  }

  async function addMedicalRecord(petId: number, input: unknown, actor: Actor) {
    const staff = requireStaff(actor, CLINICAL_ROLES);
    const data = parseInput(medicalRecordSchema, input);
    await petService.getPet(petId, actor);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(medicalRecords)
        .values({ ...data, petId, ...stamped(staff.userId, clock.now(), true) })
        .returning();
      await audit(tx, staff, 'medical_record', row!);
      return row!;
    });
  }

  /** Lab results, surgeries and other records. `internal_notes` reach staff only. */
  async function getMedicalRecords(petId: number, actor: Actor) {
    await petService.getPet(petId, actor);
    const rows = await db.select().from(medicalRecords).where(eq(medicalRecords.petId, petId)).orderBy(desc(medicalRecords.date));
    return isStaff(actor) ? rows : rows.map(({ internalNotes: _hidden, ...rest }) => rest);
  }

  /** The front page of the admin: recent visits and a few counts, in a bounded number of queries. */
  async function clinicOverview(actor: Actor, limit = 10) {
    requireStaff(actor);
    const startOfDay = clinicInstant(today(), '00:00', ctx.clinic.TIME_ZONE);
    const startOfTomorrow = clinicInstant(addLocalDays(today(), 1), '00:00', ctx.clinic.TIME_ZONE);
    const [recent, [counts]] = await Promise.all([
      db
        .select({
          id: visits.id,
          petId: visits.petId,
          petName: pets.name,
          species: pets.species,
          reason: visits.reason,
          visitDate: visits.visitDate,
          veterinarianId: visits.veterinarianId,
          closedAt: visits.closedAt,
        })
        .from(visits)
        .innerJoin(pets, eq(pets.id, visits.petId))
        .orderBy(desc(visits.visitDate))
        .limit(limit),
      db
        .select({
          activePets: sql<number>`(select count(*) from ${pets} where ${pets.isActive} and not ${pets.isDeceased})::int`,
          visitsToday: sql<number>`(select count(*) from ${visits} where ${visits.visitDate} >= ${startOfDay} and ${visits.visitDate} < ${startOfTomorrow})::int`,
          openVisits: sql<number>`(select count(*) from ${visits} where ${visits.closedAt} is null)::int`,
        })
        .from(sql`(select 1) as one`),
    ]);
    const vets = await directory.namesOf([...new Set(recent.map((r) => r.veterinarianId))]);
    return { counts: counts!, recent: recent.map((r) => ({ ...r, veterinarianName: vets.get(r.veterinarianId) ?? '' })) };
  }

  return {
    clinicOverview,
    addVisit,
    addImportedVisit,
    checkImportedVisit,
    updateVisit,
    addAddendum,
    addClinicalNote,
    getVisitHistory,
    getVisit,
    isLocked,
    addVaccination,
    getVaccinations,
    getVaccinationSchedule,
    announceDueVaccinations,
    protocols,
    updateProtocol,
    addAllergy,
    getAllergies,
    addMedication,
    getMedications,
    addMedicalRecord,
    getMedicalRecords,
  };
}

export type MedicalRecordService = ReturnType<typeof createMedicalRecordService>;
