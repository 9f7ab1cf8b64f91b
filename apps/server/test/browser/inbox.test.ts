import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { InboundMessageFactory } from '@petfriendly/omnichannel/testing';
import { ProductFactory } from '@petfriendly/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

describe.skipIf(!hasChromium)('the unified inbox on a phone', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    await StaffFactory(env.t.platform, 'receptionist', { name: 'Karla Recepción', email: 'karla@clinica.mx', password: 'agenda-llena-1' });
    const owner = await OwnerFactory(env.t.platform, { name: 'Julia Méndez' });
    await env.t.platform.services.accounts.users.updateOwnerProfile(owner.actor, { phone: '55 2020 3030' });
    await InboundMessageFactory(env.t.platform, { from: '+5215520203030', text: '¿Puedo llevar a mi gata hoy?', at: new Date('2026-03-10T15:50:00Z') });
    await InboundMessageFactory(env.t.platform, {
      channel: 'sms',
      from: '+525599998888',
      text: 'Hola, ¿qué horario tienen?',
      at: new Date('2026-03-10T15:55:00Z'),
    });
  });
  afterAll(async () => env?.close());

  it('filters by channel, takes a conversation, replies, sets priority and resolves it; the reply is in the outbox', async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await signIn(page, env, 'karla@clinica.mx', 'agenda-llena-1');
    await page.goto(`${env.base}/admin/inbox`);
    await expect.poll(() => page.locator('.list li').count()).toBe(2);
    await page.locator('.choice', { hasText: 'WhatsApp' }).click();
    await expect.poll(() => page.locator('.list li').count()).toBe(1);
    await snapshot(page, 'staff-inbox');
    await page.locator('a.conversation').first().click();
    await expect.poll(() => page.locator('.thread .bubble').first().textContent()).toContain('gata');
    await page.locator('form[action$="/assign"] button').click();
    await expect.poll(() => page.locator('form[action$="/assign"] button').textContent()).toContain('Soltar');
    await page.locator('form[action$="/priority"] button', { hasText: 'Urgente' }).click();
    await expect.poll(() => page.locator('.card-actions .badge-danger').count()).toBeGreaterThan(0);
    await page.fill('textarea[name=message]', 'Claro, la esperamos a las 5.');
    await page.locator('form[action$="/reply"] button').click();
    await expect.poll(() => page.locator('.thread .bubble').last().textContent()).toContain('a las 5');
    await snapshot(page, 'staff-conversation');
    await env.t.platform.ctx.jobs.runReady();
    await page.locator('form[action$="/resolve"] button').click();
    await expect.poll(() => page.locator('.card-head .badge').first().textContent()).toBe('Resuelta');
    await page.goto(`${env.base}/admin/outbox`);
    await expect.poll(() => page.locator('body').textContent()).toContain('Claro, la esperamos a las 5.');
  });

  it('a manager finds the stock to reorder at the top of the inbox and marks it done', async () => {
    await StaffFactory(env.t.platform, 'manager', { name: 'Elena Gerencia', email: 'elena@clinica.mx', password: 'pedidos-al-dia-1' });
    await ProductFactory(env.t.platform, { name: 'Vacuna séxtuple canina', stock: 2, reorderPoint: 6 });
    await env.t.platform.services.store.inventory.raiseAlerts();
    await env.t.platform.ctx.jobs.runReady(env.t.platform.ctx.jobs.names.filter((n) => !n.startsWith('omnichannel.reminder')));
    for (const width of [1280, 390]) {
      const page = await newPage(env, { width, height: 900 });
      await signIn(page, env, 'elena@clinica.mx', 'pedidos-al-dia-1');
      await page.goto(`${env.base}/admin/inbox`);
      await expect.poll(() => page.locator('form[action$="/dismiss"]').count()).toBe(1);
      expect(await page.locator('a', { hasText: 'Vacuna séxtuple canina' }).getAttribute('href')).toMatch(/^\/admin\/inventory\/\d+$/);
      await snapshot(page, `staff-inbox-notices-${width}`);
      if (width === 390) {
        await page.locator('form[action$="/dismiss"] button').click();
        await expect.poll(() => page.locator('form[action$="/dismiss"]').count()).toBe(0);
      }
      await page.context().close();
    }
  });
});
