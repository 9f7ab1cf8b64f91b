import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PetFactory, VisitFactory } from '../src/testing';
import { vetClinicPlatform } from './setup';

let env: Awaited<ReturnType<typeof vetClinicPlatform>>;

// Tuesday 10 March 2026, 10:00 in Mexico City (UTC−6).
beforeAll(async () => {
  env = await vetClinicPlatform('2026-03-10T16:00:00Z');
}, 600_000);
afterAll(async () => env?.platform.close());

describe('the staff home', () => {
  it("counts the consults of today in the clinic's time zone, not yesterday's evening nor tomorrow's", async () => {
    const owner = await OwnerFactory(env.platform);
    const vet = await StaffFactory(env.platform, 'veterinarian');
    const pet = await PetFactory(env.platform, owner.actor);
    const before = (await env.s.records.clinicOverview(vet.actor)).counts.visitsToday;
    for (const visitDate of [
      '2026-03-10T05:30:00Z', // 23:30 on Monday, local
      '2026-03-10T06:05:00Z', // 00:05 today
      '2026-03-10T15:00:00Z', // 09:00 today
      '2026-03-11T05:59:00Z', // 23:59 today
      '2026-03-11T06:00:00Z', // 00:00 tomorrow
    ]) {
      await VisitFactory(env.platform, pet.id, vet.actor, { visitDate });
    }
    expect((await env.s.records.clinicOverview(vet.actor)).counts.visitsToday - before).toBe(3);
  });
});
