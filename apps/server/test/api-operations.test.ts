import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { KnowledgeEntryFactory } from '@petfriendly/ai-assistant/testing';
import { ProductFactory } from '@petfriendly/store/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
afterAll(async () => t?.close());
beforeAll(async () => {
  t = await createTestApp();
});

type Call = [method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload: object | undefined, headers: Record<string, string>, status: number];

/** Runs the calls in order; a body that breaks its declared response schema answers 500, so any status but the expected one is reported. */
async function misanswered(calls: Call[]): Promise<string[]> {
  const bad: string[] = [];
  for (const [method, url, payload, headers, status] of calls) {
    const res = await t.app.inject({ method, url, payload, headers });
    if (res.statusCode !== status) bad.push(`${method} ${url} ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  return bad;
}

it('declares a success response for every operation in the OpenAPI document', async () => {
  const doc = json<{ paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>> }>(
    await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' }),
  );
  const undeclared: string[] = [];
  let operations = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operations += 1;
      const success = Object.entries(operation.responses).filter(([code]) => /^2\d\d$/.test(code));
      const described = success.some(([code, r]) => code === '204' || Object.values(r.content ?? {}).some((media) => media.schema));
      if (!described) undeclared.push(`${method.toUpperCase()} ${path}`);
    }
  }
  expect(operations).toBeGreaterThan(100);
  expect(undeclared).toEqual([]);
});

it('answers accounts, omnichannel and multilingual routes in their declared shapes', async () => {
  const ana = await OwnerFactory(t.platform);
  const admin = await StaffFactory(t.platform, 'admin');
  const calls: Call[] = [
    ['GET', '/api/v1/me', undefined, ana.auth, 200],
    ['PATCH', '/api/v1/me', { phone: '5512345678' }, ana.auth, 200],
    ['GET', '/api/v1/me', undefined, admin.auth, 200],
    ['GET', '/api/v1/owners?query=Due', undefined, admin.auth, 200],
    ['GET', `/api/v1/owners/${ana.user.id}`, undefined, admin.auth, 200],
    ['GET', '/api/v1/staff', undefined, ana.auth, 200],
    ['GET', '/api/v1/tokens', undefined, ana.auth, 200],
    ['GET', '/api/v1/me/notifications', undefined, ana.auth, 200],
    ['PATCH', '/api/v1/me/notifications', { smsEnabled: false }, ana.auth, 200],
    ['POST', '/api/v1/messages', { userId: ana.user.id, message: 'Hola', channel: 'email' }, admin.auth, 201],
    ['GET', '/api/v1/conversations', undefined, admin.auth, 200],
    ['GET', '/api/v1/languages', undefined, ana.auth, 200],
    ['POST', '/api/v1/languages', { code: 'pt-BR', name: 'Portuguese', nativeName: 'Português' }, admin.auth, 201],
    ['PUT', '/api/v1/me/language', { language: 'en' }, ana.auth, 200],
    ['POST', '/api/v1/detect-language', { text: 'Mi perro tiene fiebre desde ayer' }, ana.auth, 200],
    ['POST', '/api/v1/translate', { text: 'Hola', targetLanguage: 'en' }, admin.auth, 200],
    ['POST', '/api/v1/translations', { contentType: 'store.product', objectId: 1, fieldName: 'name', language: 'en', translation: 'Food' }, admin.auth, 201],
    ['GET', '/api/v1/translations?status=all', undefined, admin.auth, 200],
  ];
  const bad = await misanswered(calls);
  const conversation = json(await t.app.inject({ method: 'GET', url: '/api/v1/conversations', headers: admin.auth })).items[0].id;
  const message = json(
    await t.app.inject({ method: 'POST', url: '/api/v1/messages', headers: admin.auth, payload: { userId: ana.user.id, message: 'Otra' } }),
  ).id;
  const translation = json(await t.app.inject({ method: 'GET', url: '/api/v1/translations?status=all', headers: admin.auth })).items[0].id;
  bad.push(
    ...(await misanswered([
      ['GET', `/api/v1/conversations/${conversation}`, undefined, admin.auth, 200],
      ['POST', `/api/v1/conversations/${conversation}/reply`, { message: 'Claro' }, admin.auth, 201],
      ['POST', `/api/v1/conversations/${conversation}/assign`, { staffId: admin.user.id }, admin.auth, 200],
      ['POST', `/api/v1/conversations/${conversation}/priority`, { priority: 'high' }, admin.auth, 200],
      ['POST', `/api/v1/conversations/${conversation}/escalate`, undefined, admin.auth, 200],
      ['POST', `/api/v1/conversations/${conversation}/resolve`, undefined, admin.auth, 200],
      ['GET', `/api/v1/messages/${message}/status`, undefined, admin.auth, 200],
      ['GET', `/api/v1/translations/${translation}`, undefined, admin.auth, 200],
      ['POST', `/api/v1/translations/${translation}/review`, { translation: 'Dog food' }, admin.auth, 200],
    ])),
  );
  expect(bad).toEqual([]);
});

it('answers catalogue, cart, inventory, knowledge and chat routes in their declared shapes', async () => {
  const ana = await OwnerFactory(t.platform);
  const admin = await StaffFactory(t.platform, 'admin');
  const product = await ProductFactory(t.platform, { stock: 5, batches: [{ quantity: 5, expiryDate: '2026-04-01' }], reorderPoint: 10 });
  const entry = await KnowledgeEntryFactory(t.platform, { title: 'Horario de la clínica', content: 'Abrimos de 9 a 20.' });
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/coupons',
    headers: admin.auth,
    payload: { code: 'PRUEBA5', discountType: 'percent', discountValue: '5' },
  });
  const bad = await misanswered([
    ['GET', '/api/v1/store/products?query=Producto', undefined, ana.auth, 200],
    ['GET', `/api/v1/store/products/${product.id}`, undefined, ana.auth, 200],
    ['GET', `/api/v1/store/products/${product.slug}`, undefined, admin.auth, 200],
    ['GET', '/api/v1/store/recommendations', undefined, ana.auth, 200],
    ['POST', '/api/v1/cart/items', { productId: product.id, quantity: 2 }, ana.auth, 201],
    ['POST', '/api/v1/cart/coupon', { code: 'PRUEBA5' }, ana.auth, 200],
    ['GET', '/api/v1/cart?fulfilment=delivery', undefined, ana.auth, 200],
    ['GET', `/api/v1/inventory/${product.id}`, undefined, admin.auth, 200],
    ['GET', '/api/v1/inventory-alerts/low-stock', undefined, admin.auth, 200],
    ['GET', '/api/v1/inventory-alerts/expiring?days=60', undefined, admin.auth, 200],
    ['GET', '/api/v1/knowledge?query=horario', undefined, ana.auth, 200],
    ['GET', '/api/v1/knowledge/categories', undefined, ana.auth, 200],
    ['GET', '/api/v1/knowledge/entries', undefined, admin.auth, 200],
    ['GET', `/api/v1/knowledge/${entry.slug}`, undefined, ana.auth, 200],
    ['POST', `/api/v1/knowledge/${entry.id}/helpful`, { helpful: true }, ana.auth, 200],
    ['POST', '/api/v1/knowledge', { title: 'Estacionamiento', category: 'clinic', content: 'Hay lugares enfrente.' }, admin.auth, 201],
    ['PUT', `/api/v1/knowledge/${entry.id}`, { content: 'Abrimos de 9 a 21.' }, admin.auth, 200],
    ['POST', '/api/v1/chat/messages', { message: '¿A qué hora abren?' }, ana.auth, 200],
    ['GET', '/api/v1/chat/conversations', undefined, admin.auth, 200],
  ]);
  const cart = json(await t.app.inject({ method: 'GET', url: '/api/v1/cart', headers: ana.auth }));
  expect(cart.items).toHaveLength(1);
  const chat = json(await t.app.inject({ method: 'GET', url: '/api/v1/chat/conversations', headers: admin.auth })).items[0].id;
  bad.push(
    ...(await misanswered([
      ['PATCH', `/api/v1/cart/items/${cart.items[0].id}`, { quantity: 1 }, ana.auth, 200],
      ['PATCH', `/api/v1/cart/items/${cart.items[0].id}`, { quantity: 0 }, ana.auth, 200],
      ['POST', '/api/v1/cart/items', { productId: product.id, quantity: 1 }, ana.auth, 201],
      ['GET', `/api/v1/chat/conversations/${chat}/messages`, undefined, ana.auth, 200],
      ['POST', `/api/v1/chat/conversations/${chat}/end`, undefined, ana.auth, 204],
    ])),
  );
  const line = json(await t.app.inject({ method: 'GET', url: '/api/v1/cart', headers: ana.auth })).items[0].id;
  bad.push(...(await misanswered([['DELETE', `/api/v1/cart/items/${line}`, undefined, ana.auth, 204]])));
  expect(bad).toEqual([]);
});
