import type { Actor } from '@petfriendly/core';
import { createTestPlatform, plansOf, type TestPlatform } from '@petfriendly/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsModule } from '../src/index';
import type { AccountsServices } from '../src/services';

let platform: TestPlatform;
let s: AccountsServices;
const SURNAMES = ['García', 'López', 'Martínez', 'Hernández', 'Sánchez', 'Ramírez', 'Flores', 'Torres'];

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule]);
  s = platform.services.accounts as AccountsServices;
  // A clinic's worth of owners (and a few staff), with the statistics a running database has.
  await platform.ctx.db.execute(sql`
    insert into accounts.users (name, email, role)
    select 'Persona' || i || ' ' || (${sql.raw(`array[${SURNAMES.map((n) => `'${n}'`).join(',')}]`)})[i % 8 + 1] || ' Pérez', 'persona' || i || '@example.mx', 'owner'
    from generate_series(1, 6000) i`);
  await platform.ctx.db.execute(sql`
    insert into accounts.owner_profiles (user_id, phone) select id, '55' || lpad((row_number() over ())::text, 8, '0') from accounts.users where role = 'owner'`);
  await platform.ctx.db.execute(sql`
    insert into accounts.users (name, email, role) select 'Equipo' || i, 'equipo' || i || '@example.mx', 'veterinarian' from generate_series(1, 5) i`);
  await platform.ctx.db.execute(sql`analyze accounts.users`);
  await platform.ctx.db.execute(sql`analyze accounts.owner_profiles`);
}, 120_000);
afterAll(async () => platform?.close());

const vet: Actor = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000001', role: 'veterinarian', language: 'es' };
const planText = (plans: { plan: string }[]) => plans.map((p) => p.plan).join('\n');

describe('searches use their indexes, not a scan of every user', () => {
  it('owner search by name: the name’s GiST index in distance order, the email’s trigram index, the best first', async () => {
    let found: Awaited<ReturnType<AccountsServices['users']['searchOwners']>> | undefined;
    const plans = await plansOf(platform.ctx.db, async () => (found = await s.users.searchOwners(vet, { query: 'garcia' })), { seqscan: false });
    const plan = planText(plans);
    expect(plan).toContain('users_search_name_gist');
    expect(plan).toContain('users_email_trgm');
    expect(plan).not.toMatch(/Seq Scan on users/);
    expect(found!.items).toHaveLength(20);
    expect(found!.items.every((o) => o.name.includes('García'))).toBe(true);
  });

  it('owner search by phone digits: the phone’s trigram index', async () => {
    let found: Awaited<ReturnType<AccountsServices['users']['searchOwners']>> | undefined;
    const plans = await plansOf(platform.ctx.db, async () => (found = await s.users.searchOwners(vet, { query: '00001234' })), { seqscan: false });
    const plan = planText(plans);
    expect(plan).toContain('owner_profiles_phone_trgm');
    expect(plan).not.toMatch(/Seq Scan on (users|owner_profiles)/);
    expect(found!.items.map((o) => o.phone)).toEqual(['5500001234']);
  });

  it('the staff list reads the team’s own index, never the owners', async () => {
    let team: Awaited<ReturnType<AccountsServices['users']['listStaff']>> = [];
    const plans = await plansOf(platform.ctx.db, async () => (team = await s.users.listStaff(vet)));
    expect(planText(plans)).toContain('users_staff_name_idx');
    expect(planText(plans)).not.toMatch(/Seq Scan on users/);
    expect(team.map((t) => t.name)).toEqual(['Equipo1', 'Equipo2', 'Equipo3', 'Equipo4', 'Equipo5']);
  });
});
