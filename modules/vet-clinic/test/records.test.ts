import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { outbox } from '@petfriendly/core';
import { createTestPlatform } from '@petfriendly/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vetClinicModule } from '../src/index';
import { PetFactory, VisitFactory } from '../src/testing';
import { vetClinicPlatform } from './setup';

let env: Awaited<ReturnType<typeof vetClinicPlatform>>;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  env = await vetClinicPlatform();
  owner = await OwnerFactory(env.platform);
  vet = await StaffFactory(env.platform, 'veterinarian');
});
afterAll(async () => env?.platform.close());

const eventsNamed = async (name: string) => env.platform.ctx.db.select().from(outbox).where(eq(outbox.name, name));

describe('visits', () => {
  it('the clinical record is written by vets, managers and admins, as the API says; reception and owners may not', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    const visit = { reason: 'Revisión', subjective: 'Come bien' };
    for (const role of ['veterinarian', 'manager', 'admin'] as const) {
      const staff = await StaffFactory(env.platform, role);
      await expect(env.s.records.addVisit(pet.id, visit, staff.actor)).resolves.toMatchObject({ petId: pet.id });
    }
    const reception = await StaffFactory(env.platform, 'receptionist');
    await expect(env.s.records.addVisit(pet.id, visit, reception.actor)).rejects.toMatchObject({ statusCode: 403 });
    await expect(env.s.records.addVisit(pet.id, visit, owner.actor)).rejects.toMatchObject({ statusCode: 403 });
  });

  it('records SOAP and vitals, updates the weight and raises visit_created', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { name: 'Toby', weightKg: '10' });
    const visit = await VisitFactory(env.platform, pet.id, vet.actor, {
      vitals: { weightKg: '11.20', temperatureC: '38.5', heartRate: '110', bodyConditionScore: '5' },
    });
    const [history] = (await env.s.records.getVisitHistory(pet.id, owner.actor)).items;
    expect(history).toMatchObject({
      id: visit.id,
      reason: 'Consulta general',
      assessment: 'Sano',
      vitals: { weightKg: '11.20', temperatureC: '38.5', heartRate: 110 },
    });
    expect((await env.s.pets.getPet(pet.id, owner.actor)).weightKg).toBe('11.20');
    const raised = await eventsNamed('vet_clinic.visit_created');
    expect(raised.map((e) => e.payload)).toContainEqual({
      visitId: visit.id,
      petId: pet.id,
      ownerId: owner.user.id,
      veterinarianId: vet.user.id,
      visitDate: expect.any(String),
    });
  });

  it('locks a closed visit after 24 hours; later changes are addenda that keep who and when', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    const visit = await VisitFactory(env.platform, pet.id, vet.actor, { close: true });
    await env.s.records.updateVisit(visit.id, { plan: 'Revisión en 2 semanas' }, vet.actor);
    env.platform.clock.advance(25 * 3_600_000);
    await expect(env.s.records.updateVisit(visit.id, { plan: 'Cambiado después' }, vet.actor)).rejects.toMatchObject({
      code: 'vet_clinic.visit_locked',
      statusCode: 409,
    });
    const addendum = await env.s.records.addAddendum(visit.id, { section: 'plan', content: 'Se agrega control de peso' }, vet.actor);
    expect(addendum).toMatchObject({ authorId: vet.user.id, createdAt: env.platform.clock.now() });
    const [v] = (await env.s.records.getVisitHistory(pet.id, vet.actor)).items;
    expect(v!.plan).toBe('Revisión en 2 semanas');
    expect(v!.locked).toBe(true);
    expect(v!.addenda.map((a) => a.content)).toEqual(['Se agrega control de peso']);
    env.platform.clock.set('2026-03-10T16:00:00Z');
  });

  it('two vets saving the same visit at once: one wins, the other is told to reload', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    const visit = await VisitFactory(env.platform, pet.id, vet.actor);
    const results = await Promise.allSettled(['Plan A', 'Plan B', 'Plan C'].map((plan) => env.s.records.updateVisit(visit.id, { plan }, vet.actor)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const r of lost) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'vet_clinic.visit_changed', statusCode: 409 });
    const [saved] = (await env.s.records.getVisitHistory(pet.id, vet.actor)).items;
    expect(saved!.version).toBe(1 + won.length);
    expect(['Plan A', 'Plan B', 'Plan C']).toContain(saved!.plan);
  });

  it('paginates the history newest first', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    for (let day = 1; day <= 3; day++) await VisitFactory(env.platform, pet.id, vet.actor, { reason: `Visita ${day}`, visitDate: `2026-03-0${day}T16:00:00Z` });
    const first = await env.s.records.getVisitHistory(pet.id, owner.actor, { pageSize: 2 });
    expect(first.items.map((v) => v.reason)).toEqual(['Visita 3', 'Visita 2']);
    expect(first.hasNext).toBe(true);
    const second = await env.s.records.getVisitHistory(pet.id, owner.actor, { pageSize: 2, page: 2 });
    expect(second.items.map((v) => v.reason)).toEqual(['Visita 1']);
    expect(second.hasNext).toBe(false);
  });
});

describe('vaccinations', () => {
  it('fills the next due date from the protocol and raises vaccination_given', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { dateOfBirth: '2022-01-15' });
    const dose = await env.s.records.addVaccination(
      pet.id,
      { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate: '2026-03-01', lotNumber: 'L123' },
      vet.actor,
    );
    expect(dose.nextDueDate).toBe('2027-03-01');
    const raised = await eventsNamed('vet_clinic.vaccination_given');
    expect(raised.map((e) => e.payload)).toContainEqual(expect.objectContaining({ vaccinationId: dose.id, petId: pet.id, nextDueDate: '2027-03-01' }));
  });

  it('knows what a puppy needs next', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { dateOfBirth: '2026-01-10' });
    await env.s.records.addVaccination(pet.id, { protocolCode: 'dog.dhpp', vaccineName: 'Nobivac DHPPi', administeredDate: '2026-02-21' }, vet.actor);
    const due = await env.s.records.getVaccinationSchedule(pet.id, owner.actor);
    const dhpp = due.find((d) => d.protocolCode === 'dog.dhpp')!;
    expect(dhpp).toMatchObject({ dose: 'primary', doseNumber: 2, dueDate: '2026-03-21', status: 'due_soon' });
    expect(due.find((d) => d.protocolCode === 'dog.rabies')).toMatchObject({ dose: 'primary', doseNumber: 1 });
  });

  it('refuses a vaccination dated in the future or an unknown protocol, and writes nothing', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    await expect(env.s.records.addVaccination(pet.id, { vaccineName: 'X', administeredDate: '2027-01-01' }, vet.actor)).rejects.toMatchObject({
      code: 'vet_clinic.vaccination_in_future',
    });
    await expect(
      env.s.records.addVaccination(pet.id, { protocolCode: 'cat.fvrcp', vaccineName: 'X', administeredDate: '2026-03-01' }, vet.actor),
    ).rejects.toMatchObject({ code: 'vet_clinic.protocol_unknown' });
    expect(await env.s.records.getVaccinations(pet.id, vet.actor)).toEqual([]);
  });

  it('the daily job raises vaccination_due once per dose, however often it runs', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { name: 'Atrasado', dateOfBirth: '2020-01-01' });
    await env.s.records.addVaccination(pet.id, { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate: '2024-12-01' }, vet.actor);
    const first = await env.s.records.announceDueVaccinations();
    expect(first).toBeGreaterThan(0);
    expect(await env.s.records.announceDueVaccinations()).toBe(0);
    env.platform.clock.advance(86_400_000);
    expect(await env.s.records.announceDueVaccinations()).toBe(0);
    env.platform.clock.set('2026-03-10T16:00:00Z');
    const mine = (await eventsNamed('vet_clinic.vaccination_due'))
      .map((e) => e.payload as { petId: number; protocolCode: string; dueDate: string })
      .filter((p) => p.petId === pet.id);
    expect(mine).toContainEqual(expect.objectContaining({ protocolCode: 'dog.rabies', dueDate: '2025-12-01', petName: 'Atrasado' }));
    expect(mine.filter((p) => p.protocolCode === 'dog.rabies')).toHaveLength(1);
  });
});

describe('clinic-editable protocols', () => {
  it('a vet changes a booster interval and the schedule follows; owners cannot, and bad values change nothing', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { dateOfBirth: '2020-01-01' });
    await env.s.records.addVaccination(pet.id, { protocolCode: 'dog.dhpp', vaccineName: 'Nobivac', administeredDate: '2025-06-01' }, vet.actor);
    await env.s.records.addVaccination(pet.id, { protocolCode: 'dog.dhpp', vaccineName: 'Nobivac', administeredDate: '2025-07-01' }, vet.actor);
    const before = (await env.s.records.getVaccinationSchedule(pet.id, owner.actor)).find((d) => d.protocolCode === 'dog.dhpp')!;
    await expect(env.s.records.updateProtocol(owner.actor, 'dog.dhpp', { boosterIntervalMonths: 1 })).rejects.toMatchObject({ statusCode: 403 });
    await expect(env.s.records.updateProtocol(vet.actor, 'dog.dhpp', { boosterIntervalMonths: 0 })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'boosterIntervalMonths' }],
    });
    expect(before.dueDate).toBe('2028-07-01');
    await env.s.records.updateProtocol(vet.actor, 'dog.dhpp', { boosterIntervalMonths: 12 });
    const after = (await env.s.records.getVaccinationSchedule(pet.id, owner.actor)).find((d) => d.protocolCode === 'dog.dhpp')!;
    expect(after.dueDate).toBe('2026-07-01');
    await env.s.records.updateProtocol(vet.actor, 'dog.dhpp', { boosterIntervalMonths: 36 });
  });
});

describe('allergies and medications', () => {
  it('lists current medications apart from finished ones', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    await env.s.records.addMedication(
      pet.id,
      { name: 'Amoxicilina', dosage: '250 mg', frequency: 'c/12 h', route: 'oral', startDate: '2026-03-05', endDate: '2026-03-15' },
      vet.actor,
    );
    await env.s.records.addMedication(
      pet.id,
      { name: 'Carprofeno', dosage: '50 mg', frequency: 'c/24 h', route: 'oral', startDate: '2026-01-01', endDate: '2026-01-10' },
      vet.actor,
    );
    const meds = await env.s.records.getMedications(pet.id, owner.actor);
    expect(meds.map((m) => [m.name, m.isCurrent])).toEqual([
      ['Amoxicilina', true],
      ['Carprofeno', false],
    ]);
  });

  it('refuses a medication that ends before it starts', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    await expect(
      env.s.records.addMedication(pet.id, { name: 'X', dosage: '1', frequency: '1', route: 'oral', startDate: '2026-03-05', endDate: '2026-03-01' }, vet.actor),
    ).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'endDate', message: expect.any(String) }],
    });
  });

  it('an owner cannot add an allergy (staff record them)', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    await expect(env.s.records.addAllergy(pet.id, { allergen: 'Pollo', severity: 'mild' }, owner.actor)).rejects.toMatchObject({ statusCode: 403 });
    expect(await env.s.records.getAllergies(pet.id, owner.actor)).toEqual([]);
  });
});

describe('the daily vaccination job', () => {
  it('is scheduled by a worker at 08:00 clinic time', async () => {
    const worker = await createTestPlatform([accountsModule, vetClinicModule], { worker: true });
    try {
      await worker.ctx.jobs.work();
      const schedules = await worker.ctx.jobs.boss.getSchedules('vet-clinic.vaccination-due-scan');
      expect(schedules).toEqual([expect.objectContaining({ cron: '0 8 * * *', options: expect.objectContaining({ tz: 'America/Mexico_City' }) })]);
    } finally {
      await worker.close();
    }
  });
});
