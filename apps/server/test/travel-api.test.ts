import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { TRAVEL_DESTINATIONS } from '@petfriendly/vet-clinic/tables';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-12-01T16:00:00Z' });
});
afterAll(async () => t?.close());

describe('travel API', () => {
  it.each(['GB', 'JP', 'AR', 'CO'])('%s is a destination', (destination) => {
    expect(TRAVEL_DESTINATIONS).toContain(destination);
  });

  it('answers every destination with its requirements and official source (no 422)', async () => {
    for (const destination of TRAVEL_DESTINATIONS) {
      for (const species of ['dog', 'cat']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/v1/travel/requirements?destination=${destination}&species=${species}` });
        expect(res.statusCode, `${destination} ${species} ${res.body.slice(0, 200)}`).toBe(200);
        const body = json(res);
        expect(body).toMatchObject({ destination, species, allowed: true, source: { checkedOn: '2026-12' } });
        expect(body.requirements.length).toBeGreaterThan(1);
        expect(body.source.url).toMatch(/^https:\/\//);
      }
    }
    const japan = json(await t.app.inject({ method: 'GET', url: '/api/v1/travel/requirements?destination=JP' }));
    expect(japan.source.authority).toContain('Animal Quarantine Service');
    expect(japan.requirements.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['rabies_doses', 'rabies_titre', 'jp_advance_notification']));
  });

  it('still refuses a destination it does not know, naming the field', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/travel/requirements?destination=XX' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('destination');
  });

  it('makes a plan for each destination, and a vet records a titre for it', async () => {
    const ana = await OwnerFactory(t.platform);
    const vet = await StaffFactory(t.platform, 'veterinarian');
    const pet = await PetFactory(t.platform, ana.actor, { species: 'cat', dateOfBirth: '2022-01-01' } as never);
    for (const destination of TRAVEL_DESTINATIONS) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/pets/${pet.id}/travel-plans`,
        headers: ana.auth,
        payload: { destination, travelDate: '2027-03-01' },
      });
      expect(res.statusCode, `${destination} ${res.body.slice(0, 200)}`).toBe(201);
      expect(json(res).checklist.items.length).toBeGreaterThan(0);
    }
    const titre = { sampledOn: '2026-11-20', resultIuPerMl: 0.8, laboratory: 'Lab' };
    const denied = await t.app.inject({ method: 'POST', url: `/api/v1/pets/${pet.id}/rabies-titres`, headers: ana.auth, payload: titre });
    expect(denied.statusCode).toBe(403);
    const made = await t.app.inject({ method: 'POST', url: `/api/v1/pets/${pet.id}/rabies-titres`, headers: vet.auth, payload: titre });
    expect(made.statusCode, made.body).toBe(201);
    expect(json(made)).toMatchObject({ sampledOn: '2026-11-20', resultIuPerMl: '0.80' });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/pets/${pet.id}/rabies-titres`, headers: ana.auth });
    expect(json(list)).toHaveLength(1);
  });
});
