import type { Actor } from '@petfriendly/core';
import { plansOf } from '@petfriendly/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VetClinicServices } from '../src/services';
import { vetClinicPlatform } from './setup';

let env: Awaited<ReturnType<typeof vetClinicPlatform>>;
const vet: Actor = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000001', role: 'veterinarian', language: 'es' };
const PET_NAMES = ['Rocky', 'Luna', 'Max', 'Canela', 'Firulais', 'Nala', 'Toby', 'Coco'];

beforeAll(async () => {
  env = await vetClinicPlatform();
  // A clinic's worth of owners and pets, with the statistics a running database has.
  const db = env.platform.ctx.db;
  await db.execute(sql`
    insert into accounts.users (name, email, role)
    select 'Persona' || i || ' ' || (array['García','López','Martínez','Hernández'])[i % 4 + 1], 'persona' || i || '@example.mx', 'owner'
    from generate_series(1, 4000) i`);
  await db.execute(sql`
    insert into vet_clinic.pets (owner_id, name, species)
    select id, (${sql.raw(`array[${PET_NAMES.map((n) => `'${n}'`).join(',')}]`)})[(row_number() over ()) % 8 + 1] || (row_number() over ()), 'dog'
    from accounts.users, generate_series(1, 2)`);
  await db.execute(sql`analyze accounts.users`);
  await db.execute(sql`analyze vet_clinic.pets`);
}, 120_000);
afterAll(async () => env?.platform.close());

type Found = Awaited<ReturnType<VetClinicServices['pets']['searchPets']>>;

describe('pet search uses its indexes, not a scan of every pet', () => {
  it('by pet name: the name’s GiST index in distance order, the closest name first', async () => {
    let found: Found | undefined;
    const plans = await plansOf(env.platform.ctx.db, async () => (found = await env.s.pets.searchPets(vet, { query: 'canela123' })), { seqscan: false });
    const plan = plans.map((p) => p.plan).join('\n');
    expect(plan).toContain('pets_search_name_gist');
    expect(plan).not.toMatch(/Seq Scan on (pets|users)/);
    expect(found!.items[0]!.name).toBe('Canela123');
    expect(found!.items.every((p) => p.name.startsWith('Canela123'))).toBe(true);
  });

  it('by owner: the owners from their indexes, then their pets by owner', async () => {
    let found: Found | undefined;
    const plans = await plansOf(env.platform.ctx.db, async () => (found = await env.s.pets.searchPets(vet, { query: 'Persona122 Martínez' })), {
      seqscan: false,
    });
    const plan = plans.map((p) => p.plan).join('\n');
    expect(plan).toContain('users_search_name_gist');
    expect(plan).toContain('idx_pet_owner');
    expect(plan).not.toMatch(/Seq Scan on (pets|users)/);
    expect(found!.items.map((p) => p.ownerName)).toEqual(['Persona122 Martínez', 'Persona122 Martínez']);
  });
});
