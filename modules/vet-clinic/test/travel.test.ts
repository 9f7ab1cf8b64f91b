import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetFactory } from '../src/testing';
import { vetClinicPlatform } from './setup';

let env: Awaited<ReturnType<typeof vetClinicPlatform>>;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let reception: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  env = await vetClinicPlatform('2026-06-01T16:00:00Z');
  owner = await OwnerFactory(env.platform);
  vet = await StaffFactory(env.platform, 'veterinarian');
  reception = await StaffFactory(env.platform, 'receptionist');
});
afterAll(async () => env?.platform.close());

describe('travel', () => {
  it('a dog chipped and vaccinated in time is ready for the EU, and a vet signs the certificate inside the window', async () => {
    const pet = await PetFactory(env.platform, owner.actor, {
      name: 'Viajera',
      dateOfBirth: '2023-02-01',
      microchipNumber: '985112000009999',
      microchipImplantedOn: '2026-04-01',
    });
    await env.s.records.addVaccination(pet.id, { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate: '2026-04-02' }, vet.actor);
    const plan = await env.s.travel.createTravelPlan(pet.id, { destination: 'EU', travelDate: '2026-06-08' }, owner.actor);
    expect(plan.checklist.feasible).toBe(true);
    expect(plan.checklist.items.find((i) => i.key.includes('rabies'))?.status).toBe('done');

    await expect(env.s.travel.generateCertificate(plan.id, reception.actor)).rejects.toMatchObject({ statusCode: 403 });
    const cert = await env.s.travel.generateCertificate(plan.id, vet.actor);
    expect(cert.certificateNumber).toMatch(/^PF-2026-\d{6}$/);
    expect(cert.issuedBy).toBe(vet.user.id);
    const pdf = await env.s.travel.getCertificatePdf(plan.id, owner.actor);
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe('%PDF-');
  });

  it('a rabies shot before the chip does not count for the EU, and the certificate is refused', async () => {
    const pet = await PetFactory(env.platform, owner.actor, {
      dateOfBirth: '2023-02-01',
      microchipNumber: '985112000008888',
      microchipImplantedOn: '2026-05-01',
    });
    await env.s.records.addVaccination(pet.id, { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate: '2026-04-02' }, vet.actor);
    const plan = await env.s.travel.createTravelPlan(pet.id, { destination: 'EU', travelDate: '2026-06-08' }, owner.actor);
    expect(plan.checklist.items.find((i) => i.key.includes('rabies'))?.status).not.toBe('done');
    await expect(env.s.travel.generateCertificate(plan.id, vet.actor)).rejects.toMatchObject({ code: 'vet_clinic.travel_not_ready' });
  });

  it('gives the owner a checklist PDF, and nobody else', async () => {
    // Too young for the US (dogs must be 6 months old on arrival): the plan says when it becomes possible.
    const pet = await PetFactory(env.platform, owner.actor, { dateOfBirth: '2026-03-01' });
    const plan = await env.s.travel.createTravelPlan(pet.id, { destination: 'US', travelDate: '2026-07-01' }, owner.actor);
    expect(plan.checklist.feasible).toBe(false);
    expect(plan.checklist.earliestFeasibleDate).toBe('2026-09-01');
    const pdf = await env.s.travel.getChecklistPdf(plan.id, owner.actor);
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const stranger = await OwnerFactory(env.platform);
    await expect(env.s.travel.getChecklistPdf(plan.id, stranger.actor)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses a travel date in the past', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    await expect(env.s.travel.createTravelPlan(pet.id, { destination: 'CA', travelDate: '2026-05-01' }, owner.actor)).rejects.toMatchObject({
      fields: [{ field: 'travelDate', message: expect.any(String) }],
    });
  });

  it('staff make a plan for a pet; the certificate is offered only inside its window, and its item is done once signed', async () => {
    const pet = await PetFactory(env.platform, owner.actor, {
      name: 'Equipaje',
      dateOfBirth: '2023-02-01',
      microchipNumber: '985112000007777',
      microchipImplantedOn: '2026-03-01',
    });
    await env.s.records.addVaccination(pet.id, { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate: '2026-03-02' }, vet.actor);
    const made = await env.s.travel.createTravelPlan(pet.id, { destination: 'EU', travelDate: '2026-06-20' }, reception.actor);
    expect(made.createdBy).toBe(reception.user.id);
    const early = await env.s.travel.getTravelPlan(made.id, vet.actor);
    expect(early.certificateWindow).toMatchObject({ from: '2026-06-10', to: '2026-06-20', inWindow: false, open: false, pending: [] });
    await expect(env.s.travel.generateCertificate(made.id, vet.actor)).rejects.toMatchObject({
      code: 'vet_clinic.certificate_window',
      statusCode: 409,
      details: { from: '2026-06-10', to: '2026-06-20' },
    });

    env.platform.clock.set('2026-06-12T16:00:00Z');
    try {
      expect((await env.s.travel.getTravelPlan(made.id, vet.actor)).certificateWindow).toMatchObject({ inWindow: true, open: true });
      const certificateItem = (plan: Awaited<ReturnType<typeof env.s.travel.getTravelPlan>>) =>
        plan.checklist.items.find((i) => i.key === 'checklist.eu_health_certificate')!.status;
      expect(certificateItem(await env.s.travel.getTravelPlan(made.id, owner.actor))).toBe('pending');
      await env.s.travel.generateCertificate(made.id, vet.actor);
      expect(certificateItem(await env.s.travel.getTravelPlan(made.id, owner.actor))).toBe('done');
    } finally {
      env.platform.clock.set('2026-06-01T16:00:00Z');
    }
  });

  it('the checklist follows the record: a chip added later ticks its item', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { name: 'Sinchip', dateOfBirth: '2023-02-01' });
    const plan = await env.s.travel.createTravelPlan(pet.id, { destination: 'US', travelDate: '2026-07-15' }, vet.actor);
    const chip = async () => (await env.s.travel.getTravelPlan(plan.id, vet.actor)).checklist.items.find((i) => i.key.startsWith('checklist.microchip'))!;
    expect(await chip()).toMatchObject({ key: 'checklist.microchip_needed', status: 'pending' });
    await env.s.pets.updatePet(pet.id, vet.actor, { microchipNumber: '985112000006666' });
    expect(await chip()).toMatchObject({ key: 'checklist.microchip', status: 'done' });
    const window = (await env.s.travel.getTravelPlan(plan.id, vet.actor)).certificateWindow!;
    expect(window.pending.map((i) => i.key)).not.toContain('checklist.microchip_needed');
  });

  it('Japan: a titre recorded by a vet starts the 180 days; the plan names the earliest arrival', async () => {
    const pet = await PetFactory(env.platform, owner.actor, {
      name: 'Sakura',
      dateOfBirth: '2023-02-01',
      microchipNumber: '985112000005555',
      microchipImplantedOn: '2025-08-01',
    });
    for (const administeredDate of ['2025-09-01', '2025-10-15']) {
      await env.s.records.addVaccination(pet.id, { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate }, vet.actor);
    }
    const plan = await env.s.travel.createTravelPlan(pet.id, { destination: 'JP', travelDate: '2026-07-01' }, owner.actor);
    const titreItem = async () => (await env.s.travel.getTravelPlan(plan.id, owner.actor)).checklist.items.find((i) => i.key.includes('titre'))!;
    expect(await titreItem()).toMatchObject({ key: 'checklist.rabies_titre_too_late', status: 'blocked' });

    const titre = { sampledOn: '2026-02-21', resultIuPerMl: '1,5', laboratory: 'Laboratorio designado' };
    await expect(env.s.travel.recordRabiesTitre(pet.id, titre, reception.actor)).rejects.toMatchObject({ statusCode: 403 });
    await expect(env.s.travel.recordRabiesTitre(pet.id, { ...titre, sampledOn: '2026-06-02' }, vet.actor)).rejects.toMatchObject({
      fields: [{ field: 'sampledOn' }],
    });
    await expect(env.s.travel.recordRabiesTitre(pet.id, { ...titre, resultIuPerMl: 'alto' }, vet.actor)).rejects.toMatchObject({
      fields: [{ field: 'resultIuPerMl' }],
    });
    expect(await env.s.travel.listRabiesTitres(pet.id, owner.actor)).toEqual([]);
    const saved = await env.s.travel.recordRabiesTitre(pet.id, titre, vet.actor);
    expect(saved).toMatchObject({ resultIuPerMl: '1.50', recordedBy: vet.user.id });

    const live = await env.s.travel.getTravelPlan(plan.id, owner.actor);
    expect(await titreItem()).toMatchObject({ key: 'checklist.rabies_titre_wait_not_met', params: { validFrom: '2026-08-20' } });
    expect(live.checklist).toMatchObject({ feasible: false, earliestFeasibleDate: '2026-08-20' });
    expect(live.certificateWindow?.pending.map((i) => i.key)).toEqual(['checklist.rabies_titre_wait_not_met']);
    const stranger = await OwnerFactory(env.platform);
    await expect(env.s.travel.listRabiesTitres(pet.id, stranger.actor)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('Great Britain: the tapeworm treatment comes after the certificate, so it does not hold up signing', async () => {
    const pet = await PetFactory(env.platform, owner.actor, {
      dateOfBirth: '2023-02-01',
      microchipNumber: '985112000004444',
      microchipImplantedOn: '2026-03-01',
    });
    await env.s.records.addVaccination(pet.id, { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate: '2026-03-02' }, vet.actor);
    const plan = await env.s.travel.createTravelPlan(pet.id, { destination: 'GB', travelDate: '2026-06-20' }, owner.actor);
    expect(plan.checklist.items.map((i) => i.key)).toContain('checklist.gb_tapeworm_treatment');
    const live = await env.s.travel.getTravelPlan(plan.id, vet.actor);
    expect(live.certificateWindow).toMatchObject({ from: '2026-06-10', to: '2026-06-20', pending: [] });
  });
});
