import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetFactory } from '../src/testing';
import { vetClinicPlatform } from './setup';

let env: Awaited<ReturnType<typeof vetClinicPlatform>>;
beforeAll(async () => {
  env = await vetClinicPlatform();
});
afterAll(async () => env?.platform.close());

describe('vet-clinic AI tools', () => {
  it('registers the 15 tools of the spec with their permission levels', () => {
    const tools = Object.fromEntries(env.platform.ctx.tools.list().map((t) => [t.name, t.permission]));
    expect(tools).toEqual({
      get_pet_profile: 'owner',
      list_user_pets: 'owner',
      add_pet: 'owner',
      update_pet: 'owner',
      get_vaccination_status: 'owner',
      get_visit_history: 'owner',
      get_pet_medications: 'owner',
      get_pet_conditions: 'owner',
      search_pets: 'staff',
      add_visit_record: 'staff',
      add_vaccination: 'staff',
      add_clinical_note: 'staff',
      check_travel_requirements: 'public',
      create_travel_plan: 'owner',
      generate_health_certificate: 'staff',
    });
  });

  it('runs through the services as the caller', async () => {
    const owner = await OwnerFactory(env.platform);
    const vet = await StaffFactory(env.platform, 'veterinarian');
    const tools = env.platform.ctx.tools;
    const added = await tools.executeTool('add_pet', { name: 'Pelusa', species: 'cat' }, owner.actor);
    expect(added).toMatchObject({ ok: true, data: { name: 'Pelusa', ownerId: owner.user.id } });
    const petId = (added as { data: { id: number } }).data.id;
    expect(await tools.executeTool('list_user_pets', {}, owner.actor)).toMatchObject({ ok: true, data: [{ id: petId, name: 'Pelusa' }] });
    const visit = await tools.executeTool('add_visit_record', { petId, reason: 'Estornudos', vitals: { temperatureC: '39.1' } }, vet.actor);
    expect(visit).toMatchObject({ ok: true, data: { petId, veterinarianId: vet.user.id } });
    const status = await tools.executeTool('get_vaccination_status', { petId }, owner.actor);
    expect(status).toMatchObject({ ok: true, data: { given: [], due: expect.arrayContaining([expect.objectContaining({ protocolCode: 'cat.fvrcp' })]) } });
    const bad = await tools.executeTool('add_pet', { name: '', species: 'cat' }, owner.actor);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation.invalid_input', fields: [{ field: 'name' }] } });
    expect(await env.s.pets.getUserPets(owner.actor)).toHaveLength(1);
  });

  it('answers travel questions for anyone, and about a pet only for its owner', async () => {
    const tools = env.platform.ctx.tools;
    const guest = { kind: 'anonymous', language: 'es' } as const;
    const general = await tools.executeTool('check_travel_requirements', { destination: 'EU', species: 'dog' }, guest);
    expect(general).toMatchObject({ ok: true, data: { destination: 'EU', allowed: true } });
    const owner = await OwnerFactory(env.platform);
    const pet = await PetFactory(env.platform, owner.actor);
    expect(await tools.executeTool('check_travel_requirements', { destination: 'EU', petId: pet.id }, guest)).toMatchObject({
      ok: false,
      error: { code: 'auth.authentication_required' },
    });
    const stranger = await OwnerFactory(env.platform);
    expect(await tools.executeTool('check_travel_requirements', { destination: 'EU', petId: pet.id }, stranger.actor)).toMatchObject({
      ok: false,
      error: { code: 'vet_clinic.pet_not_found' },
    });
  });
});
