import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { apiErrorSchema, platformHealth } from '@petfriendly/core';
import { pets, visits } from '@petfriendly/vet-clinic/tables';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
let ana: Awaited<ReturnType<typeof OwnerFactory>>;
let beto: Awaited<ReturnType<typeof OwnerFactory>>;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let reception: Awaited<ReturnType<typeof StaffFactory>>;
let anasPet: { id: number; name: string };
let visitId: number;

beforeAll(async () => {
  t = await createTestApp();
  ana = await OwnerFactory(t.platform);
  beto = await OwnerFactory(t.platform);
  vet = await StaffFactory(t.platform, 'veterinarian');
  reception = await StaffFactory(t.platform, 'receptionist');
  anasPet = await PetFactory(t.platform, ana.actor, { name: 'Canela' });
  const visit = await t.app.inject({
    method: 'POST',
    url: `/api/v1/pets/${anasPet.id}/visits`,
    headers: vet.auth,
    payload: {
      reason: 'Otitis',
      subjective: 'Se rasca la oreja',
      assessment: 'Otitis externa',
      plan: 'Limpieza y gotas',
      vitals: { weightKg: '12.5', temperatureC: '38.9' },
    },
  });
  expect(visit.statusCode).toBe(201);
  visitId = json(visit).id;
  for (const [content, isInternal] of [
    ['Propietaria difícil, cobrar por adelantado', true],
    ['Aplicar gotas dos veces al día por 7 días', false],
  ] as const) {
    const note = await t.app.inject({ method: 'POST', url: `/api/v1/visits/${visitId}/notes`, headers: vet.auth, payload: { content, isInternal } });
    expect(note.statusCode).toBe(201);
  }
  await t.app.inject({
    method: 'POST',
    url: `/api/v1/pets/${anasPet.id}/medical-records`,
    headers: vet.auth,
    payload: {
      recordType: 'lab',
      date: '2026-03-01',
      title: 'Citología ótica',
      diagnosis: 'Malassezia',
      internalNotes: 'Repetir si no mejora; posible incumplimiento',
    },
  });
});
afterAll(async () => t?.close());

const countOf = async (table: typeof pets | typeof visits) => (await t.platform.ctx.db.select({ n: count() }).from(table))[0]!.n;

describe('an owner can never reach another owner’s pet', () => {
  it.each([
    ['GET', () => `/api/v1/pets/${anasPet.id}`],
    ['GET', () => `/api/v1/pets/${anasPet.id}/visits`],
    ['GET', () => `/api/v1/pets/${anasPet.id}/vaccinations`],
    ['GET', () => `/api/v1/pets/${anasPet.id}/medications`],
    ['GET', () => `/api/v1/pets/${anasPet.id}/weights`],
    ['GET', () => `/api/v1/visits/${visitId}`],
  ])('%s %s answers 404 to another owner', async (method, url) => {
    const res = await t.app.inject({ method: method as 'GET', url: url(), headers: beto.auth });
    expect(res.statusCode).toBe(404);
    expect(json(res).error.code).toMatch(/not_found/);
  });

  it('cannot change it, and nothing changes', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/pets/${anasPet.id}`, headers: beto.auth, payload: { name: 'Robada' } });
    expect(res.statusCode).toBe(404);
    const own = await t.app.inject({ method: 'GET', url: `/api/v1/pets/${anasPet.id}`, headers: ana.auth });
    expect(json(own).pet.name).toBe('Canela');
  });

  it('does not see it listed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/pets', headers: beto.auth });
    expect(json(res).items.map((p: { id: number }) => p.id)).not.toContain(anasPet.id);
  });
});

describe('internal notes never reach an owner', () => {
  it('visit history drops internal notes for the owner, even when asked for them', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/pets/${anasPet.id}/visits?includeInternal=true`, headers: ana.auth });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Aplicar gotas');
    expect(res.body).not.toContain('cobrar por adelantado');
  });

  it('staff see them when they ask', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/pets/${anasPet.id}/visits?includeInternal=true`, headers: vet.auth });
    expect(res.body).toContain('cobrar por adelantado');
  });

  it('medical records hide internal_notes from the owner', async () => {
    const owner = await t.app.inject({ method: 'GET', url: `/api/v1/pets/${anasPet.id}/medical-records`, headers: ana.auth });
    expect(owner.body).toContain('Malassezia');
    expect(owner.body).not.toContain('incumplimiento');
    expect(json(owner)[0]).not.toHaveProperty('internalNotes');
    const staff = await t.app.inject({ method: 'GET', url: `/api/v1/pets/${anasPet.id}/medical-records`, headers: vet.auth });
    expect(staff.body).toContain('incumplimiento');
  });

  it('the AI tools hide them too', async () => {
    const result = await t.platform.ctx.tools.executeTool('get_visit_history', { petId: anasPet.id }, ana.actor);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).toContain('Aplicar gotas');
    expect(JSON.stringify(result)).not.toContain('cobrar por adelantado');
  });
});

describe('staff-only actions', () => {
  it('an owner cannot record a visit, and no visit is written', async () => {
    const before = await countOf(visits);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/pets/${anasPet.id}/visits`, headers: ana.auth, payload: { reason: 'Yo mismo' } });
    expect(res.statusCode).toBe(403);
    expect(json(res).error.code).toBe('auth.staff_only');
    expect(await countOf(visits)).toBe(before);
  });

  it('a receptionist cannot write the clinical record', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/pets/${anasPet.id}/visits`, headers: reception.auth, payload: { reason: 'Consulta' } });
    expect(res.statusCode).toBe(403);
    expect(json(res).error.code).toBe('auth.role_required');
  });

  it('a staff-only AI tool called as an owner is refused and changes nothing', async () => {
    const before = await countOf(visits);
    expect(t.platform.ctx.tools.getToolsForUser(ana.actor).map((x) => x.function.name)).not.toContain('add_visit_record');
    const result = await t.platform.ctx.tools.executeTool('add_visit_record', { petId: anasPet.id, reason: 'Hackeo' }, ana.actor);
    expect(result).toMatchObject({ ok: false, error: { code: 'tools.not_allowed' } });
    const search = await t.platform.ctx.tools.executeTool('search_pets', { query: 'Canela' }, ana.actor);
    expect(search).toMatchObject({ ok: false, error: { code: 'tools.not_allowed' } });
    expect(await countOf(visits)).toBe(before);
  });

  it('an owner tool cannot reach another owner’s pet either', async () => {
    const result = await t.platform.ctx.tools.executeTool('get_pet_profile', { petId: anasPet.id }, beto.actor);
    expect(result).toMatchObject({ ok: false, error: { code: 'vet_clinic.pet_not_found' } });
  });
});

describe('bad input', () => {
  it('answers 422 naming each field, and creates nothing', async () => {
    const before = await countOf(pets);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pets',
      headers: ana.auth,
      payload: { name: 'Rex', species: 'dragon', microchipNumber: '123' },
    });
    expect(res.statusCode).toBe(422);
    const fields = json(res).error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['species', 'microchipNumber']));
    expect(await countOf(pets)).toBe(before);
  });

  it('rejects a date of birth in the future with the field named', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/pets',
      headers: ana.auth,
      payload: { name: 'Rex', species: 'dog', dateOfBirth: '2099-01-01' },
    });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields).toEqual([{ field: 'dateOfBirth', message: expect.stringContaining('future') }]);
  });

  it('rejects vitals out of range, and the visit is not written', async () => {
    const before = await countOf(visits);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pets/${anasPet.id}/visits`,
      headers: vet.auth,
      payload: { reason: 'Fiebre', vitals: { temperatureC: '48', bodyConditionScore: 12 } },
    });
    expect(res.statusCode).toBe(422);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['vitals.temperatureC', 'vitals.bodyConditionScore']));
    expect(await countOf(visits)).toBe(before);
  });
});

describe('authentication on the API', () => {
  it('requires a token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/pets' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/pets', headers: { authorization: 'Bearer pf_forged' } })).statusCode).toBe(401);
  });

  it('ignores a revoked token', async () => {
    const accounts = t.platform.services.accounts;
    const extra = await accounts.tokens.createToken(ana.actor, { name: 'script' });
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${extra.token}` } });
    expect(json(ok).user.email).toBe(ana.user.email);
    await accounts.tokens.revokeToken(ana.actor, extra.id);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${extra.token}` } })).statusCode).toBe(401);
  });

  it('never takes a browser session, however the path is spelled', async () => {
    const { cookies } = await t.platform.services.accounts.identity.signIn({ email: ana.user.email, password: 'correcto-caballo-123' }, new Headers());
    const cookie = (cookies as string[]).map((c) => c.split(';')[0]).join('; ');
    expect((await t.app.inject({ method: 'GET', url: '/account', headers: { cookie } })).statusCode).toBe(200);
    for (const url of ['/api/v1/me', '/%61pi/v1/me', '/%61%70%69/v1/%6de', '/api/v1/%6de']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(res.statusCode, url).toBe(401);
      expect(apiErrorSchema.safeParse(json(res)).success, url).toBe(true);
    }
  });

  it('every error uses one envelope with the request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope', headers: { 'x-request-id': 'req-123' } });
    expect(res.statusCode).toBe(404);
    expect(json(res)).toEqual({ error: { code: 'http.not_found', message: expect.any(String), requestId: 'req-123' } });
    expect(res.headers['x-request-id']).toBe('req-123');
  });
});

describe('API surface', () => {
  it('serves OpenAPI 3.1 generated from the routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const doc = json(res);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/pets', '/api/v1/pets/{id}/visits', '/api/v1/travel/requirements']));
    expect(doc.paths['/api/v1/pets'].post.requestBody.content['application/json'].schema.properties.species.enum).toContain('dog');
  });

  it('names and tags every operation and declares the one error envelope for the client errors', async () => {
    const doc = json(await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' }));
    const operations = Object.values(
      doc.paths as Record<
        string,
        Record<string, { operationId: string; tags: string[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
      >,
    ).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(100);
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('getPetsByIdVisits');
    const declaredTags = new Set(doc.tags.map((tag: { name: string }) => tag.name));
    for (const o of operations) {
      expect(o.tags.length, o.operationId).toBeGreaterThan(0);
      for (const tag of o.tags) expect(declaredTags.has(tag), `${o.operationId}: ${tag}`).toBe(true);
      for (const status of ['400', '401', '403', '404', '409', '422', '429']) {
        expect(o.responses[status]?.content?.['application/json']?.schema, `${o.operationId} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'requestId']);
    // One path per resource, whatever a route calls its parameter.
    const shapes = Object.keys(doc.paths).map((path) => path.replace(/\{[^}]+\}/g, '{}'));
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  it('the error envelope documented is the one a refused request gets', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/pets', headers: ana.auth, payload: { species: 'dragon' } });
    expect(res.statusCode).toBe(422);
    expect(apiErrorSchema.safeParse(json(res)).success).toBe(true);
    expect(json(res).error.fields.map((f: { field: string }) => f.field)).toContain('species');
  });

  it('every list answers one page in one shape, as large as asked', async () => {
    const lists = [
      '/api/v1/owners',
      '/api/v1/pets',
      `/api/v1/pets/${anasPet.id}/visits`,
      '/api/v1/knowledge/entries',
      '/api/v1/chat/conversations',
      '/api/v1/translations',
      '/api/v1/conversations',
      '/api/v1/invoices',
      '/api/v1/store/products',
      '/api/v1/orders',
    ];
    for (const url of lists) {
      const res = await t.app.inject({ method: 'GET', url: `${url}?page=1&pageSize=1`, headers: vet.auth });
      expect(res.statusCode, url).toBe(200);
      const body = json(res);
      expect(body, url).toMatchObject({ page: 1, pageSize: 1, hasNext: expect.any(Boolean), items: expect.any(Array) });
      expect(body.items.length, url).toBeLessThanOrEqual(1);
      expect(
        Object.keys(body)
          .filter((k) => k !== 'counts')
          .sort(),
        url,
      ).toEqual(['hasNext', 'items', 'page', 'pageSize']);
    }
    const tooLarge = await t.app.inject({ method: 'GET', url: '/api/v1/owners?pageSize=1000', headers: vet.auth });
    expect(tooLarge.statusCode).toBe(422);
    expect(json(tooLarge).error.fields[0].field).toBe('pageSize');
  });

  it('reports health of database, queue and event consumers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ status: 'ok', database: { ok: true }, queue: { ok: true }, events: { failing: [] } });
    expect(json(res).events.consumers).toBeGreaterThan(10);
    expect(json(res).queue).toMatchObject({ ready: expect.any(Number), active: 0 });
    expect(json(res).queue.queues).toBeGreaterThanOrEqual(t.platform.ctx.jobs.names.length);
  });

  it('reports the database and queue down when the database does not answer', async () => {
    const unhealthy = await platformHealth({ ...t.platform.ctx, db: { execute: () => Promise.reject(new Error('connection refused')) } as never });
    expect(unhealthy).toMatchObject({ ok: false, database: { ok: false, error: 'connection refused' }, queue: { ok: false } });
  });
});
