import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { anonymous } from '@petfriendly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetFactory, VisitFactory } from '../src/testing';
import { vetClinicPlatform } from './setup';

let env: Awaited<ReturnType<typeof vetClinicPlatform>>;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let stranger: Awaited<ReturnType<typeof OwnerFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let reception: Awaited<ReturnType<typeof StaffFactory>>;
let petId: number;
const run = (name: string, params: unknown, actor: Parameters<typeof env.platform.ctx.tools.executeTool>[2]) =>
  env.platform.ctx.tools.executeTool(name, params, actor);

beforeAll(async () => {
  env = await vetClinicPlatform('2026-06-01T16:00:00Z');
  owner = await OwnerFactory(env.platform, { name: 'Rosa Méndez' });
  stranger = await OwnerFactory(env.platform);
  vet = await StaffFactory(env.platform, 'veterinarian');
  reception = await StaffFactory(env.platform, 'receptionist');
  const pet = await PetFactory(env.platform, owner.actor, {
    name: 'Canela',
    dateOfBirth: '2023-02-01',
    microchipNumber: '985112000007777',
    microchipImplantedOn: '2026-04-01',
  });
  petId = pet.id;
});
afterAll(async () => env?.platform.close());

/** The tools the chat uses about a pet's record, each run as the model would: correct answer, who may, bad input. */
describe('vet-clinic AI tools through the tool runner', () => {
  it('update_pet changes the owner’s own pet; a stranger, a guest and a bad weight are refused without a change', async () => {
    expect(await run('update_pet', { petId, weightKg: '13.4', breed: 'Beagle' }, owner.actor)).toMatchObject({
      ok: true,
      data: { id: petId, weightKg: '13.40', breed: 'Beagle' },
    });
    expect(await run('update_pet', { petId, name: 'Mía' }, stranger.actor)).toMatchObject({ ok: false, error: { code: 'vet_clinic.pet_not_found' } });
    expect(await run('update_pet', { petId, name: 'Mía' }, anonymous())).toMatchObject({ ok: false, error: { code: 'tools.not_allowed' } });
    expect(await run('update_pet', { petId, weightKg: 'mucho' }, owner.actor)).toMatchObject({
      ok: false,
      error: { code: 'validation.invalid_input', fields: expect.arrayContaining([expect.objectContaining({ field: 'weightKg' })]) },
    });
    expect(await env.s.pets.getPet(petId, owner.actor)).toMatchObject({ name: 'Canela', weightKg: '13.40' });
  });

  it('add_vaccination: a vet records rabies and the next dose follows the protocol; an owner may not, a future date is refused', async () => {
    const given = await run('add_vaccination', { petId, protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate: '2026-04-02' }, vet.actor);
    expect(given).toMatchObject({ ok: true, data: { petId, protocolCode: 'dog.rabies', administeredBy: vet.user.id } });
    expect((given as { data: { nextDueDate: string } }).data.nextDueDate).toBe('2027-04-02');
    expect(await run('add_vaccination', { petId, vaccineName: 'Rabisin', administeredDate: '2026-04-02' }, owner.actor)).toMatchObject({
      ok: false,
      error: { code: 'tools.not_allowed' },
    });
    expect(await run('add_vaccination', { petId, vaccineName: 'Rabisin', administeredDate: '2026-07-01' }, vet.actor)).toMatchObject({ ok: false });
    expect(await run('add_vaccination', { petId, vaccineName: '', administeredDate: 'ayer' }, vet.actor)).toMatchObject({
      ok: false,
      error: { code: 'validation.invalid_input' },
    });
    expect(await env.s.records.getVaccinations(petId, owner.actor)).toHaveLength(1);
  });

  it('add_clinical_note and get_visit_history: staff write notes; the owner reads the visits newest first without the internal ones', async () => {
    const first = await VisitFactory(env.platform, petId, vet.actor, { reason: 'Vacuna', visitDate: '2026-04-02T16:00:00Z' });
    const second = await VisitFactory(env.platform, petId, vet.actor, { reason: 'Cojera', visitDate: '2026-05-20T16:00:00Z' });
    expect(await run('add_clinical_note', { visitId: second.id, content: 'Reposo 5 días', isInternal: false }, reception.actor)).toMatchObject({
      ok: true,
      data: { visitId: second.id, authorId: reception.user.id, isInternal: false },
    });
    expect(await run('add_clinical_note', { visitId: second.id, content: 'Dueña pide descuento' }, vet.actor)).toMatchObject({ ok: true });
    expect(await run('add_clinical_note', { visitId: 2_000_000, content: 'x' }, vet.actor)).toMatchObject({
      ok: false,
      error: { code: 'vet_clinic.visit_not_found' },
    });
    expect(await run('add_clinical_note', { visitId: second.id, content: 'x' }, owner.actor)).toMatchObject({
      ok: false,
      error: { code: 'tools.not_allowed' },
    });

    const history = await run('get_visit_history', { petId }, owner.actor);
    expect(history).toMatchObject({ ok: true, data: { page: 1, hasNext: false } });
    const items = (history as { data: { items: { id: number; notes: { content: string }[] }[] } }).data.items;
    expect(items.map((v) => v.id)).toEqual([second.id, first.id]);
    expect(items[0]!.notes.map((n) => n.content)).toEqual(['Reposo 5 días']);
    expect(await run('get_visit_history', { petId }, stranger.actor)).toMatchObject({ ok: false, error: { code: 'vet_clinic.pet_not_found' } });
    expect(await run('get_visit_history', { petId, page: 0 }, owner.actor)).toMatchObject({ ok: false, error: { code: 'validation.invalid_input' } });
  });

  it('get_pet_medications and get_pet_conditions: what the vet recorded, current first; nothing for a stranger', async () => {
    await env.s.records.addMedication(
      petId,
      { name: 'Meloxicam', dosage: '0.1 mg/kg', frequency: 'cada 24 h', route: 'oral', startDate: '2026-05-20', isOngoing: true },
      vet.actor,
    );
    await env.s.records.addMedication(
      petId,
      { name: 'Amoxicilina', dosage: '250 mg', frequency: 'cada 12 h', route: 'oral', startDate: '2026-01-10', endDate: '2026-01-17' },
      vet.actor,
    );
    await env.s.records.addAllergy(petId, { allergen: 'Pollo', severity: 'moderate', reaction: 'Prurito' }, vet.actor);
    await env.s.records.addMedicalRecord(
      petId,
      { recordType: 'exam', date: '2026-05-20', title: 'Radiografía de codo', diagnosis: 'Displasia leve' },
      vet.actor,
    );

    const meds = await run('get_pet_medications', { petId }, owner.actor);
    expect((meds as { data: { name: string; isCurrent: boolean }[] }).data.map((m) => [m.name, m.isCurrent])).toEqual([
      ['Meloxicam', true],
      ['Amoxicilina', false],
    ]);
    expect(await run('get_pet_conditions', { petId }, owner.actor)).toMatchObject({
      ok: true,
      data: {
        allergies: [{ allergen: 'Pollo', severity: 'moderate' }],
        diagnoses: [{ date: '2026-05-20', title: 'Radiografía de codo', diagnosis: 'Displasia leve' }],
      },
    });
    for (const tool of ['get_pet_medications', 'get_pet_conditions']) {
      expect(await run(tool, { petId }, stranger.actor), tool).toMatchObject({ ok: false, error: { code: 'vet_clinic.pet_not_found' } });
      expect(await run(tool, { petId: 'Canela' }, owner.actor), tool).toMatchObject({ ok: false, error: { code: 'validation.invalid_input' } });
    }
  });

  it('get_pet_profile sums it up: age, weight, allergies, current medications and the last visit', async () => {
    const profile = await run('get_pet_profile', { petId }, owner.actor);
    expect(profile).toMatchObject({
      ok: true,
      data: {
        pet: { id: petId, name: 'Canela' },
        ownerName: 'Rosa Méndez',
        age: { years: 3 },
        allergies: [{ allergen: 'Pollo' }],
        currentMedications: [{ name: 'Meloxicam' }],
        lastVisit: { reason: 'Cojera' },
      },
    });
    expect(await run('get_pet_profile', { petId }, anonymous())).toMatchObject({ ok: false, error: { code: 'tools.not_allowed' } });
    expect(await run('get_pet_profile', { petId: -1 }, owner.actor)).toMatchObject({ ok: false, error: { code: 'validation.invalid_input' } });
  });

  it('search_pets finds by pet or owner name for staff only', async () => {
    const byPet = await run('search_pets', { query: 'canela' }, reception.actor);
    expect((byPet as { data: { items: { id: number; ownerName: string }[] } }).data.items).toEqual([
      expect.objectContaining({ id: petId, ownerName: 'Rosa Méndez' }),
    ]);
    const byOwner = await run('search_pets', { query: 'Méndez' }, reception.actor);
    expect((byOwner as { data: { items: { id: number }[] } }).data.items.map((p) => p.id)).toContain(petId);
    expect(await run('search_pets', { query: 'canela' }, owner.actor)).toMatchObject({ ok: false, error: { code: 'tools.not_allowed' } });
    expect(await run('search_pets', { query: 'x'.repeat(101) }, reception.actor)).toMatchObject({ ok: false, error: { code: 'validation.invalid_input' } });
  });

  it('create_travel_plan and generate_health_certificate: the owner plans, only a vet signs', async () => {
    const plan = await run('create_travel_plan', { petId, destination: 'EU', travelDate: '2026-06-08' }, owner.actor);
    expect(plan).toMatchObject({ ok: true, data: { petId, destination: 'EU', checklist: { feasible: true } } });
    const travelPlanId = (plan as { data: { id: number } }).data.id;
    expect(await run('create_travel_plan', { petId, destination: 'Marte', travelDate: '2026-06-08' }, owner.actor)).toMatchObject({
      ok: false,
      error: { code: 'validation.invalid_input', fields: [{ field: 'destination' }] },
    });
    expect(await run('create_travel_plan', { petId, destination: 'EU', travelDate: '2026-06-08' }, stranger.actor)).toMatchObject({
      ok: false,
      error: { code: 'vet_clinic.pet_not_found' },
    });

    expect(await run('generate_health_certificate', { travelPlanId }, owner.actor)).toMatchObject({ ok: false, error: { code: 'tools.not_allowed' } });
    expect(await run('generate_health_certificate', { travelPlanId }, reception.actor)).toMatchObject({ ok: false, error: { code: 'auth.role_required' } });
    const cert = await run('generate_health_certificate', { travelPlanId }, vet.actor);
    expect(cert).toMatchObject({ ok: true, data: { downloadUrl: `/api/v1/travel-plans/${travelPlanId}/certificate.pdf` } });
    expect((cert as { data: { certificateNumber: string } }).data.certificateNumber).toMatch(/^PF-2026-\d{6}$/);
    expect(await run('generate_health_certificate', { travelPlanId: 'uno' }, vet.actor)).toMatchObject({
      ok: false,
      error: { code: 'validation.invalid_input' },
    });
  });
});
