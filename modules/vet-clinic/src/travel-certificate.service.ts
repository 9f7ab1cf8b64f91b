import {
  type Actor,
  addLocalDays,
  ConflictError,
  clinicToday,
  type ModuleContext,
  NotFoundError,
  parseInput,
  requireAuthenticated,
  requireStaff,
  ValidationError,
} from '@petfriendly/core';
import { asc, desc, eq } from 'drizzle-orm';
import type { UserDirectory } from './directory';
import type { MedicalRecordService } from './medical-record.service';
import { certificatePdf, checklistPdf } from './pdf/travel.pdf';
import type { Pet, PetService } from './pet.service';
import { buildTravelChecklist, type ChecklistItem, DESTINATION_RULES, type Destination, getTravelRequirements, speciesRule, type TravelPet } from './travel';
import { rabiesTitreSchema, travelPlanSchema } from './vet-clinic.schemas';
import { healthCertificates, rabiesTitreTests, travelPlans } from './vet-clinic.tables';

const isRabies = (v: { protocolCode: string | null; vaccineType: string; vaccineName: string }) =>
  v.protocolCode?.endsWith('.rabies') || /rabi/i.test(`${v.vaccineType} ${v.vaccineName}`);

/** Travel: requirements per destination, a dated plan worked back from the travel date, the signed certificate. */
export function createTravelCertificateService(ctx: ModuleContext, pets: PetService, records: MedicalRecordService, directory: UserDirectory) {
  const { db, clock, storage } = ctx;
  const today = () => clinicToday(clock, ctx.clinic.TIME_ZONE);

  const titresOf = (petId: number) => db.select().from(rabiesTitreTests).where(eq(rabiesTitreTests.petId, petId)).orderBy(asc(rabiesTitreTests.sampledOn));

  async function travelFacts(pet: Pet, actor: Actor): Promise<TravelPet> {
    const vaccinations = await records.getVaccinations(pet.id, actor);
    const titres = await titresOf(pet.id);
    return {
      species: pet.species,
      dateOfBirth: pet.dateOfBirth,
      microchipNumber: pet.microchipNumber,
      microchipImplantedOn: pet.microchipImplantedOn,
      rabiesDoses: vaccinations.filter(isRabies).map((v) => v.administeredDate),
      rabiesTitres: titres.map((t) => ({ sampledOn: t.sampledOn, iuPerMl: Number(t.resultIuPerMl) })),
    };
  }

  function getGeneralRequirements(destination: Destination, species: string) {
    return getTravelRequirements(destination, species);
  }

  /** The destination's rules, and how this pet stands against them if it travelled today. */
  async function getRequirements(destination: Destination, petId: number, actor: Actor) {
    const pet = await pets.getPet(petId, actor);
    const facts = await travelFacts(pet, actor);
    return {
      ...getTravelRequirements(destination, pet.species),
      pet: { id: pet.id, name: pet.name, microchipNumber: pet.microchipNumber, rabiesDoses: facts.rabiesDoses },
    };
  }

  async function createTravelPlan(petId: number, input: unknown, actor: Actor) {
    const who = requireAuthenticated(actor);
    const data = parseInput(travelPlanSchema, input);
    if (data.travelDate < today()) throw ValidationError.forField('vet_clinic.travel_date_past', 'travelDate', 'The travel date has already passed.');
    const pet = await pets.getPet(petId, who);
    const checklist = buildTravelChecklist({ destination: data.destination, travelDate: data.travelDate, today: today(), pet: await travelFacts(pet, who) });
    const [plan] = await db
      .insert(travelPlans)
      .values({ petId, ...data, checklist, createdBy: who.userId })
      .returning();
    return { ...plan!, checklist };
  }

  /** A plan with its checklist worked out afresh (vaccines or the chip may have been added since). */
  async function getTravelPlan(planId: number, actor: Actor) {
    const [plan] = await db.select().from(travelPlans).where(eq(travelPlans.id, planId));
    if (!plan) throw new NotFoundError('vet_clinic.travel_plan_not_found', `Travel plan ${planId} not found.`);
    const pet = await pets.getPet(plan.petId, actor).catch(() => {
      throw new NotFoundError('vet_clinic.travel_plan_not_found', `Travel plan ${planId} not found.`);
    });
    const [certificate] = await db
      .select()
      .from(healthCertificates)
      .where(eq(healthCertificates.travelPlanId, planId))
      .orderBy(desc(healthCertificates.issuedAt))
      .limit(1);
    const rule = speciesRule(plan.destination, pet.species);
    const fresh = buildTravelChecklist({ destination: plan.destination, travelDate: plan.travelDate, today: today(), pet: await travelFacts(pet, actor) });
    // The certificate is the one document the clinic issues: once signed, its item is done.
    const issued = certificate && rule ? `checklist.${rule.certificate.key}` : null;
    const checklist = { ...fresh, items: fresh.items.map((i) => (i.key === issued ? { ...i, status: 'done' as const } : i)) };
    const window = certificateWindow(plan.travelDate, rule, checklist.items);
    return { ...plan, pet, checklist, certificate: certificate ?? null, certificateWindow: window, source: DESTINATION_RULES[plan.destination].source };
  }

  /**
   * When a vet may sign the certificate: inside the destination's issuing window (`from`…`to`), once
   * every other mandatory item is done. `pending` names what is missing; pages offer the action only when `open`.
   */
  function certificateWindow(travelDate: string, rule: ReturnType<typeof speciesRule>, items: ChecklistItem[]) {
    if (!rule) return null;
    const from = addLocalDays(travelDate, -rule.certificate.withinDays);
    const day = today();
    // Documents and treatments dated around the certificate (forms, tapeworm) are the owner's, not conditions for signing.
    const notConditions = new Set(['min_age_confirm', rule.certificate.key, ...rule.steps.map((s) => s.key)].map((k) => `checklist.${k}`));
    const pending = items.filter((i) => i.mandatory && i.status !== 'done' && !notConditions.has(i.key));
    const inWindow = day >= from && day <= travelDate;
    return { from, to: travelDate, inWindow, pending, open: inWindow && pending.length === 0 };
  }

  /** A rabies antibody test result, recorded by a veterinarian from the laboratory's report. */
  async function recordRabiesTitre(petId: number, input: unknown, actor: Actor) {
    const vet = requireStaff(actor, ['veterinarian']);
    const data = parseInput(rabiesTitreSchema, input);
    await pets.getPet(petId, vet);
    if (data.sampledOn > today()) {
      throw ValidationError.forField('vet_clinic.titre_in_future', 'sampledOn', 'The sample date cannot be in the future.');
    }
    const [row] = await db
      .insert(rabiesTitreTests)
      .values({ petId, ...data, recordedBy: vet.userId })
      .returning();
    return row!;
  }

  async function listRabiesTitres(petId: number, actor: Actor) {
    await pets.getPet(petId, actor);
    return titresOf(petId);
  }

  async function listTravelPlans(petId: number, actor: Actor) {
    await pets.getPet(petId, actor);
    return db.select().from(travelPlans).where(eq(travelPlans.petId, petId)).orderBy(desc(travelPlans.travelDate));
  }

  /**
   * A veterinarian signs the health certificate: only inside the destination's issuing window and
   * once every other mandatory item is done. Writes the PDF and records who signed and when.
   */
  async function generateCertificate(planId: number, actor: Actor) {
    const vet = requireStaff(actor, ['veterinarian']);
    const plan = await getTravelPlan(planId, vet);
    const window = plan.certificateWindow;
    if (!window) throw new ConflictError('vet_clinic.travel_species_not_covered', 'We have no travel rules for this species and destination.');
    if (window.pending.length) {
      const t = ctx.i18n.t(vet.language);
      const items = window.pending.map((p) => t([`vet-clinic:travel.staff.${p.key}`, `vet-clinic:travel.${p.key}`], p.params)).join(' ');
      throw new ConflictError('vet_clinic.travel_not_ready', `The pet is not ready to travel yet: ${items}`, { items });
    }
    if (!window.inWindow) {
      throw new ConflictError('vet_clinic.certificate_window', `The certificate can only be issued between ${window.from} and ${window.to}.`, {
        from: window.from,
        to: window.to,
      });
    }
    const day = today();
    const credentials = await directory.staffCredentials(vet.userId);
    const owner = (await directory.namesOf([plan.pet.ownerId])).get(plan.pet.ownerId) ?? '';
    const vaccinations = await records.getVaccinations(plan.pet.id, vet);
    const issuedAt = clock.now();
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(healthCertificates)
        .values({
          travelPlanId: planId,
          certificateNumber: `pending-${planId}-${issuedAt.getTime()}`,
          issuedBy: vet.userId,
          issuedAt,
          validUntil: plan.travelDate,
          pdf: '',
        })
        .returning();
      const certificateNumber = `PF-${day.slice(0, 4)}-${String(row!.id).padStart(6, '0')}`;
      const bytes = await certificatePdf({
        clinic: ctx.clinic,
        t: ctx.i18n.t('es'),
        certificateNumber,
        issuedOn: day,
        plan,
        ownerName: owner,
        vet: { name: credentials?.name ?? '', title: credentials?.title ?? '', licenseNumber: credentials?.licenseNumber ?? '' },
        vaccinations,
      });
      const key = `certificates/${planId}/${certificateNumber}.pdf`;
      await storage.put(key, bytes);
      const [saved] = await tx.update(healthCertificates).set({ certificateNumber, pdf: key }).where(eq(healthCertificates.id, row!.id)).returning();
      return saved!;
    });
  }

  async function getCertificatePdf(planId: number, actor: Actor): Promise<{ bytes: Uint8Array; filename: string }> {
    const plan = await getTravelPlan(planId, actor);
    if (!plan.certificate) throw new NotFoundError('vet_clinic.certificate_not_found', 'No certificate has been issued for this plan yet.');
    const bytes = await storage.get(plan.certificate.pdf);
    if (!bytes) throw new NotFoundError('vet_clinic.certificate_not_found', 'The certificate file is missing.');
    return { bytes, filename: `${plan.certificate.certificateNumber}.pdf` };
  }

  /** The owner's printable checklist, in their language. */
  async function getChecklistPdf(planId: number, actor: Actor): Promise<{ bytes: Uint8Array; filename: string }> {
    const plan = await getTravelPlan(planId, actor);
    const bytes = await checklistPdf({ clinic: ctx.clinic, t: ctx.i18n.t(actor.language), plan, today: today() });
    return { bytes, filename: `viaje-${plan.pet.name}-${plan.destination}-${plan.travelDate}.pdf`.replace(/[^\w.-]+/g, '-') };
  }

  return {
    getGeneralRequirements,
    getRequirements,
    createTravelPlan,
    getTravelPlan,
    listTravelPlans,
    recordRabiesTitre,
    listRabiesTitres,
    generateCertificate,
    getCertificatePdf,
    getChecklistPdf,
  };
}

export type TravelCertificateService = ReturnType<typeof createTravelCertificateService>;
