import { StaffFactory } from '@petfriendly/accounts/testing';
import type { OmnichannelServices } from '@petfriendly/omnichannel';
import { type SmtpSink, startSmtpSink } from '@petfriendly/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import type { StoreServices } from '../src/services';
import { ProductFactory } from '../src/testing';

let smtp: SmtpSink;
let t: TestApp;
let store: StoreServices;
let notices: OmnichannelServices['notices'];
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let receptionist: Awaited<ReturnType<typeof StaffFactory>>;
let product: Awaited<ReturnType<typeof ProductFactory>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ now: '2026-03-10T13:30:00Z', env: smtp.env });
  store = t.platform.services.store;
  notices = t.platform.services.omnichannel.notices;
  manager = await StaffFactory(t.platform, 'manager', { email: 'gerente@clinica.test', name: 'Elena Ríos', language: 'es' });
  receptionist = await StaffFactory(t.platform, 'receptionist');
  product = await ProductFactory(t.platform, { name: 'Croquetas cachorro 2 kg', stock: 3, reorderPoint: 5 });
}, 300_000);
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const deliver = () => t.platform.ctx.jobs.runReady(t.platform.ctx.jobs.names.filter((n) => !n.startsWith('omnichannel.reminder')));

describe('low stock reaches the staff who order, not only a page someone must open', () => {
  it("becomes one notice in the orderers' inbox, refreshed rather than repeated by the next day's alert", async () => {
    await store.inventory.raiseAlerts();
    await deliver();
    await store.inventory.raiseAlerts();
    await deliver();
    const mine = (await notices.open(manager.actor)).filter((n) => n.link === `/admin/inventory/${product.id}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toBe('Quedan 3 de Croquetas cachorro 2 kg (punto de pedido 5): hay que pedir más.');
    // Receptionists do not order stock (SIMPLE_STORE__STOCK_ALERT_ROLES).
    expect(await notices.open(receptionist.actor)).toEqual([]);
    const api = json(await t.app.inject({ method: 'GET', url: '/api/v1/notices', headers: manager.auth }));
    expect(api.items.map((n: { link: string }) => n.link)).toContain(`/admin/inventory/${product.id}`);
  });

  it('is mailed in the daily digest, in the reader’s language, with the link to the product', async () => {
    expect(await notices.sendDigest()).toBeGreaterThanOrEqual(1);
    const [mail] = smtp.to('gerente@clinica.test');
    expect(mail?.subject).toMatch(/avisos de hoy/);
    expect(mail?.text).toContain('Hola Elena Ríos');
    expect(mail?.text).toContain(`Croquetas cachorro 2 kg (punto de pedido 5)`);
    expect(mail?.text).toContain(`/admin/inventory/${product.id}`);
  });

  it('dismissed by the one who ordered, it is gone for everyone; a notice for other roles is not theirs to dismiss', async () => {
    const [notice] = (await notices.open(manager.actor)).filter((n) => n.link === `/admin/inventory/${product.id}`);
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${notice!.id}/dismiss`, headers: receptionist.auth });
    expect(refused.statusCode).toBe(404);
    expect(json(refused).error.code).toBe('omnichannel.notice_not_found');
    const done = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${notice!.id}/dismiss`, headers: manager.auth });
    expect(done.statusCode).toBe(204);
    expect((await notices.open(manager.actor)).some((n) => n.id === notice!.id)).toBe(false);
    // Still low tomorrow: a new notice, since the last one was dealt with.
    await store.inventory.raiseAlerts();
    await deliver();
    expect((await notices.open(manager.actor)).filter((n) => n.link === `/admin/inventory/${product.id}`)).toHaveLength(1);
  });
});
