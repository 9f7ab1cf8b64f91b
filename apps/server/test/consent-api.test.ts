import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { signatureDataUrl } from '@petfriendly/consent/testing';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
let visitId: number;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  vet = await StaffFactory(t.platform, 'veterinarian');
  owner = await OwnerFactory(t.platform, { name: 'Mariana Pérez López' });
  const pet = await PetFactory(t.platform, owner.actor);
  visitId = (await VisitFactory(t.platform, pet.id, vet.actor)).id;
});
afterAll(async () => t?.close());

const tokenOf = (link: string) => link.split('/consent/')[1]!;

describe('consents over the API', () => {
  it('staff request, the owner signs through the link without an account, and a signed consent answers 409 to edits', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consents',
      headers: vet.auth,
      payload: { kind: 'surgery', visitId, procedure: 'Ovariohisterectomía', estimate: '3480.50' },
    });
    expect(made.statusCode).toBe(201);
    const { consent, link } = json(made);
    expect(consent).toMatchObject({ status: 'pending', estimateTotal: '3480.50', estimateIva: '480.07' });
    expect(consent).not.toHaveProperty('tokenHash');
    expect(link).toMatch(/^http:\/\/localhost:3000\/consent\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);

    const read = await t.app.inject({ url: `/api/v1/consent-links/${token}` });
    expect(read.statusCode).toBe(200);
    expect(json(read).body).toContain('Mariana Pérez López');
    expect(json(read)).not.toHaveProperty('ownerId');

    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consent-links/${token}/signature`,
      payload: { signerName: 'Mariana', signature: signatureDataUrl({ blank: true }) },
    });
    expect(empty.statusCode).toBe(422);
    expect(json(empty).error.code).toBe('consent.signature_empty');
    const signed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consent-links/${token}/signature`,
      headers: { 'user-agent': 'Phone/1.0' },
      payload: { signerName: 'Mariana Pérez López', signature: signatureDataUrl() },
    });
    expect(signed.statusCode).toBe(200);
    expect(json(signed).status).toBe('signed');

    const used = await t.app.inject({
      method: 'POST',
      url: `/api/v1/consent-links/${token}/signature`,
      payload: { signerName: 'Otra', signature: signatureDataUrl() },
    });
    expect(used.statusCode).toBe(409);
    expect(json(used).error.code).toBe('consent.link_used');
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/v1/consents/${consent.id}`, headers: vet.auth, payload: { procedure: 'Otra' } });
    expect(edit.statusCode).toBe(409);
    expect(json(edit).error.code).toBe('consent.already_signed');

    const full = json(await t.app.inject({ url: `/api/v1/consents/${consent.id}`, headers: vet.auth }));
    expect(full).toMatchObject({
      status: 'signed',
      signedVia: 'link',
      signerName: 'Mariana Pérez López',
      signerUserAgent: 'Phone/1.0',
      procedure: 'Ovariohisterectomía',
    });
    expect(json(await t.app.inject({ url: `/api/v1/visits/${visitId}/consents`, headers: vet.auth })).map((c: { id: number }) => c.id)).toContain(consent.id);
    const pdf = await t.app.inject({ url: `/admin/consents/${consent.id}/consent.pdf`, headers: vet.auth });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['x-content-sha256']).toBe(full.pdfSha256);
  });

  it('refuses an expired link with 410, bad input with 422, and keeps owners and strangers out', async () => {
    const made = json(
      await t.app.inject({ method: 'POST', url: '/api/v1/consents', headers: vet.auth, payload: { kind: 'estimate', visitId, procedure: 'Radiografías' } }),
    );
    t.platform.clock.advance(49 * 3_600_000);
    try {
      const late = await t.app.inject({ url: `/api/v1/consent-links/${tokenOf(made.link)}` });
      expect(late.statusCode).toBe(410);
      expect(json(late).error.code).toBe('consent.link_expired');
    } finally {
      t.platform.clock.advance(-49 * 3_600_000);
    }
    expect((await t.app.inject({ url: `/api/v1/consent-links/${'x'.repeat(43)}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/consents/2147483648', headers: vet.auth })).statusCode).toBe(422);
    expect((await t.app.inject({ url: '/admin/consents/99999999999', headers: vet.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/consent-links/short' })).statusCode).toBe(422);
    for (const payload of [
      {},
      { kind: 'tattoo', visitId, procedure: 'X' },
      { kind: 'surgery', procedure: 'X' },
      { kind: 'surgery', visitId, procedure: 'X', estimate: '12.345' },
    ]) {
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/consents', headers: vet.auth, payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(422);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/consents', payload: { kind: 'surgery', visitId, procedure: 'X' } })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/consents', headers: owner.auth, payload: { kind: 'surgery', visitId, procedure: 'X' } })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/consents/${made.consent.id}`, headers: owner.auth })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/admin/consents/${made.consent.id}/consent.pdf`, headers: vet.auth })).statusCode).toBe(404);
  });

  it('templates and service requirements: vets edit, receptionists may not, unknown services are 404', async () => {
    const desk = await StaffFactory(t.platform, 'receptionist');
    const all = json(await t.app.inject({ url: '/api/v1/consent-templates', headers: vet.auth }));
    expect(all).toHaveLength(25);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/consent-templates/surgery/fr',
      headers: vet.auth,
      payload: { title: 'Chirurgie', body: '{{owner}} accepte.' },
    });
    expect(put.statusCode).toBe(200);
    expect(json(put)).toMatchObject({ custom: true, title: 'Chirurgie' });
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/v1/consent-templates/surgery/fr', headers: desk.auth, payload: { title: 'X', body: 'Y' } })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/v1/consent-templates/surgery/pt', headers: vet.auth, payload: { title: 'X', body: 'Y' } })).statusCode,
    ).toBe(422);
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/v1/service-types/999999/consent', headers: vet.auth, payload: { kind: 'surgery' } })).statusCode,
    ).toBe(404);
  });
});
