import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
let desk: Awaited<ReturnType<typeof StaffFactory>>;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
beforeAll(async () => {
  t = await createTestApp();
  desk = await StaffFactory(t.platform, 'receptionist');
  owner = await OwnerFactory(t.platform, { name: 'Beatriz Solís' });
  await PetFactory(t.platform, owner.actor, { name: 'Nube', species: 'cat', breed: 'Siamés' });
  await t.platform.ctx.events.dispatch();
});
afterAll(async () => t?.close());

describe('/api/v1/crm', () => {
  it('lets the front desk tag, note, log a call and read the profile, found by search', async () => {
    const base = `/api/v1/crm/customers/${owner.user.id}`;
    const tagged = await t.app.inject({ method: 'POST', url: `${base}/tags`, headers: desk.auth, payload: { tag: 'Felinos' } });
    expect(json(tagged)).toEqual({ ownerId: owner.user.id, tags: ['felinos'] });
    const note = await t.app.inject({ method: 'POST', url: `${base}/notes`, headers: desk.auth, payload: { content: 'Llamar por la tarde', isPinned: true } });
    expect(note.statusCode).toBe(201);
    const call = await t.app.inject({
      method: 'POST',
      url: `${base}/interactions`,
      headers: desk.auth,
      payload: { interactionType: 'call_out', subject: 'Vacuna triple felina', outcome: 'Agendará', sentiment: 'positive', followUpDate: '2026-03-10' },
    });
    expect(json(call)).toMatchObject({ requiresFollowUp: true, direction: 'outbound', handledByName: expect.any(String) });

    const profile = json(await t.app.inject({ url: `${base}?includePurchaseHistory=true`, headers: desk.auth }));
    expect(profile).toMatchObject({ name: 'Beatriz Solís', tags: ['felinos'], notes: [{ content: 'Llamar por la tarde', isPinned: true }], purchases: [] });
    expect(profile.pets).toEqual([expect.objectContaining({ name: 'Nube', species: 'cat' })]);
    const found = json(await t.app.inject({ url: '/api/v1/crm/customers?query=beatriz&tags=felinos', headers: desk.auth }));
    expect(found.items.map((i: { ownerId: string }) => i.ownerId)).toEqual([owner.user.id]);
    const due = json(await t.app.inject({ url: '/api/v1/crm/follow-ups', headers: desk.auth }));
    expect(due.map((d: { ownerName: string }) => d.ownerName)).toContain('Beatriz Solís');
  });

  it('counts rules and saves a segment; bad rules get 422 with the field, unknown ids 404, owners 403', async () => {
    const rules = { match: 'all', conditions: [{ field: 'species', in: ['cat'] }] };
    const preview = json(await t.app.inject({ method: 'POST', url: '/api/v1/crm/segments/preview', headers: desk.auth, payload: { rules } }));
    expect(preview).toMatchObject({ count: 1, sample: [{ name: 'Beatriz Solís' }] });
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/crm/segments', headers: desk.auth, payload: { name: 'Gatos', rules } });
    expect(json(created)).toMatchObject({ slug: 'gatos', memberCount: 1, isDynamic: true });
    const members = json(await t.app.inject({ url: `/api/v1/crm/segments/${json(created).id}`, headers: desk.auth }));
    expect(members.members.items).toHaveLength(1);

    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/crm/segments/preview',
      headers: desk.auth,
      payload: { rules: { match: 'all', conditions: [{ field: 'spend', periodDays: 30, min: 'mucho' }] } },
    });
    expect(bad.statusCode).toBe(422);
    expect(await t.app.inject({ url: '/api/v1/crm/segments/999999', headers: desk.auth })).toMatchObject({ statusCode: 404 });
    expect(await t.app.inject({ url: '/api/v1/crm/customers/00000000-0000-4000-8000-000000000000', headers: desk.auth })).toMatchObject({ statusCode: 404 });
    expect(await t.app.inject({ url: '/api/v1/crm/customers/not-a-uuid', headers: desk.auth })).toMatchObject({ statusCode: 422 });
    expect(await t.app.inject({ url: '/api/v1/crm/customers', headers: owner.auth })).toMatchObject({ statusCode: 403 });
    expect(await t.app.inject({ url: `/admin/customers/${owner.user.id}`, headers: owner.auth })).toMatchObject({ statusCode: 403 });
  });

  it('gives insights and serves the staff pages', async () => {
    const churn = json(await t.app.inject({ url: '/api/v1/crm/insights?type=churn', headers: desk.auth }));
    expect(churn.rows.map((r: { label: string }) => r.label)).toEqual(['low', 'medium', 'high', 'unknown']);
    for (const url of [
      '/admin/customers',
      `/admin/customers/${owner.user.id}`,
      '/admin/customers/follow-ups',
      '/admin/segments',
      '/admin/segments/new?species=cat',
    ]) {
      const page = await t.app.inject({ url, headers: desk.auth });
      expect(page.statusCode, url).toBe(200);
    }
  });
});
