import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { outbox } from '@petfriendly/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetFactory } from '../src/testing';
import { vetClinicPlatform } from './setup';

let env: Awaited<ReturnType<typeof vetClinicPlatform>>;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

beforeAll(async () => {
  env = await vetClinicPlatform();
  owner = await OwnerFactory(env.platform, { name: 'Guadalupe Martínez' });
  vet = await StaffFactory(env.platform, 'veterinarian');
});
afterAll(async () => env?.platform.close());

describe('PetService', () => {
  it('creates a pet for the owner and raises pet_created', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { name: 'Firulais' });
    expect(pet).toMatchObject({ name: 'Firulais', ownerId: owner.user.id, species: 'dog' });
    const events = await env.platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'vet_clinic.pet_created'));
    expect(events.map((e) => e.payload)).toContainEqual({ petId: pet.id, ownerId: owner.user.id, actorId: owner.user.id });
  });

  it('records what changed in pet_updated, and nothing when nothing changed', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { name: 'Nala' });
    await env.s.pets.updatePet(pet.id, owner.actor, { breed: 'Schnauzer', name: 'Nala' });
    await env.s.pets.updatePet(pet.id, owner.actor, { breed: 'Schnauzer' });
    const events = (await env.platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'vet_clinic.pet_updated'))).filter(
      (e) => (e.payload as { petId: number }).petId === pet.id,
    );
    expect(events.map((e) => (e.payload as { changes: string[] }).changes)).toEqual([['breed']]);
  });

  it('refuses a microchip already on another pet, naming the field', async () => {
    await PetFactory(env.platform, owner.actor, { microchipNumber: '985 112 000 000 001' });
    await expect(PetFactory(env.platform, owner.actor, { microchipNumber: '985112000000001' })).rejects.toMatchObject({
      code: 'vet_clinic.microchip_taken',
      fields: [{ field: 'microchipNumber', message: expect.any(String) }],
    });
  });

  it('staff add a pet for an owner, but not for a staff member', async () => {
    const pet = await env.s.pets.createPet(vet.actor, { name: 'Michi', species: 'cat' }, owner.user.id);
    expect(pet.ownerId).toBe(owner.user.id);
    await expect(env.s.pets.createPet(vet.actor, { name: 'X', species: 'cat' }, vet.user.id)).rejects.toMatchObject({ code: 'vet_clinic.owner_unknown' });
  });

  it('staff find pets by owner name (accents and case ignored), microchip or pet name', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { name: 'Rocky', microchipNumber: '985112000000777' });
    const byOwner = await env.s.pets.searchPets(vet.actor, { query: 'martinez' });
    expect(byOwner.items.map((p) => p.id)).toContain(pet.id);
    expect(byOwner.items.find((p) => p.id === pet.id)?.ownerName).toBe('Guadalupe Martínez');
    expect((await env.s.pets.searchPets(vet.actor, { query: '985112000000777' })).items.map((p) => p.id)).toEqual([pet.id]);
    expect((await env.s.pets.searchPets(vet.actor, { query: 'rock' })).items.map((p) => p.id)).toContain(pet.id);
    await expect(env.s.pets.searchPets(owner.actor, { query: 'rock' })).rejects.toMatchObject({ statusCode: 403 });
  });

  it('stores a real image and refuses anything else or anything too big', async () => {
    const pet = await PetFactory(env.platform, owner.actor);
    const updated = await env.s.pets.setPhoto(pet.id, owner.actor, PNG);
    expect(updated.photo).toMatch(/\.png$/);
    expect((await env.s.pets.getPhoto(pet.id, owner.actor))?.contentType).toBe('image/png');
    const fake = new TextEncoder().encode('<svg onload=alert(1)>');
    await expect(env.s.pets.setPhoto(pet.id, owner.actor, fake)).rejects.toMatchObject({
      code: 'vet_clinic.photo_type',
      fields: [{ field: 'photo', message: expect.any(String) }],
    });
    const huge = new Uint8Array(6_000_000);
    huge.set(PNG);
    await expect(env.s.pets.setPhoto(pet.id, owner.actor, huge)).rejects.toMatchObject({ code: 'vet_clinic.photo_too_large' });
    expect((await env.s.pets.getPet(pet.id, owner.actor)).photo).toBe(updated.photo);
  });

  it('summarises a pet’s health', async () => {
    const pet = await PetFactory(env.platform, owner.actor, { dateOfBirth: '2024-01-10' });
    await env.s.records.addAllergy(pet.id, { allergen: 'Pollo', severity: 'moderate' }, vet.actor);
    const summary = await env.s.pets.getPetSummary(pet.id, owner.actor);
    expect(summary).toMatchObject({ age: { years: 2, months: 2 }, allergies: [{ allergen: 'Pollo', severity: 'moderate' }], ownerName: 'Guadalupe Martínez' });
    expect(summary.vaccinationsDue.map((d) => d.protocolCode)).toEqual(expect.arrayContaining(['dog.dhpp', 'dog.rabies']));
  });
});
