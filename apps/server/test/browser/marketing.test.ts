import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import type { CrmServices } from '@petfriendly/crm';
import type { MarketingServices } from '@petfriendly/marketing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
vi.setConfig({ testTimeout: 120_000 });

describe.skipIf(!hasChromium)('marketing campaigns in the browser', () => {
  let env: BrowserEnv;
  let crm: CrmServices;
  let marketing: MarketingServices;
  beforeAll(async () => {
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const platform = env.t.platform;
    crm = platform.services.crm;
    marketing = platform.services.marketing;
    const manager = await StaffFactory(platform, 'manager', { name: 'Gerencia', email: 'gerencia@clinica.mx', password: 'gerencia-123' });
    const lucia = await OwnerFactory(platform, { name: 'Lucía Pérez', email: 'lucia@example.mx', password: 'lucia-12345' });
    const jorge = await OwnerFactory(platform, { name: 'Jorge Domínguez', email: 'jorge@example.mx' });
    for (const o of [lucia, jorge]) await platform.services.accounts.users.updateOwnerProfile(o.actor, { preferredChannel: 'email' });
    await platform.ctx.events.dispatch();
    await crm.customers.setMarketingConsent(manager.actor, jorge.user.id, { consent: true, source: 'sign_up_form' });
    await crm.segments.createSegment(manager.actor, { name: 'Todos los clientes', rules: { match: 'all', conditions: [] } });
  });
  afterAll(async () => env?.close());

  it('a manager writes a campaign with a live count and a preview, sends it, and reads its results', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await newPage(env, viewport);
      const size = viewport.width;
      await signIn(page, env, 'gerencia@clinica.mx', 'gerencia-123');
      expect(await page.locator('nav a[href="/admin/marketing"]').count()).toBe(1);
      await page.goto(`${env.base}/admin/marketing/new`);
      await page.fill('input[name=name]', `Vacunas de primavera ${size}`);
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/admin/marketing/count')),
        page.selectOption('select[name=segmentId]', { label: 'Todos los clientes (2)' }),
      ]);
      // Two customers in the segment; one gave consent.
      await expect.poll(() => page.locator('#recipient-count').textContent()).toContain('Llegaría a 1 de 2');
      await page.fill('input[name="content.es.subject"]', '{{firstName}}, es hora de vacunar');
      await page.fill('textarea[name="content.es.text"]', 'Hola {{firstName}}, agenda la vacuna de tu mascota en {{link}}');
      await snapshot(page, `marketing-editor-${size}`);
      await Promise.all([page.waitForURL(/\/admin\/marketing\/\d+$/), page.click('form[action="/admin/marketing/new"] button[type=submit]')]);
      await expect.poll(() => page.locator('pre.message-preview').textContent()).toContain('Hola Jorge, agenda la vacuna');
      await snapshot(page, `marketing-campaign-${size}`);

      // The page is already at this URL: wait for the scheduling itself, or the dispatch below could run before it.
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/schedule')),
        page.click('form[action$="/schedule"]:not(:has(input[name=at])) button'),
      ]);
      await marketing.sending.dispatch();
      await page.goto(`${page.url()}/results`);
      await expect.poll(() => page.locator('dl.facts').textContent()).toContain('Enviado');
      await expect.poll(() => page.locator('table.data').textContent()).toContain('jorge@example.mx');
      await snapshot(page, `marketing-results-${size}`);

      await page.goto(`${env.base}/admin/marketing`);
      await expect.poll(() => page.locator('table.data').textContent()).toContain(`Vacunas de primavera ${size}`);
      await Promise.all([page.waitForURL('**/admin/marketing'), page.click('form[action="/admin/marketing/sequences/pet_birthday"] button')]);
      await expect.poll(() => page.locator('li', { hasText: 'Cumpleaños de la mascota' }).textContent()).toContain('Apagar');
      await Promise.all([page.waitForURL('**/admin/marketing'), page.click('form[action="/admin/marketing/sequences/pet_birthday"] button')]);
      await snapshot(page, `marketing-list-${size}`);
      await page.context().close();
    }
  });

  it('a manager writes a sequence in German, previews it and saves it', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await newPage(env, viewport);
      const size = viewport.width;
      await signIn(page, env, 'gerencia@clinica.mx', 'gerencia-123');
      await page.goto(`${env.base}/admin/marketing`);
      await Promise.all([
        page.waitForURL('**/admin/marketing/sequences/declined_service'),
        page.click('a[href="/admin/marketing/sequences/declined_service"]'),
      ]);
      await Promise.all([page.waitForURL('**/declined_service?lang=de'), page.click('a[href$="declined_service?lang=de"]')]);
      await page.fill('input[name="steps.0.subject"]', `{{pet}}: {{service}} (${size})`);
      await page.fill('textarea[name="steps.0.text"]', 'Hallo {{firstName}}, wir hatten {{service}} für {{pet}} empfohlen.');
      await page.fill('textarea[name="steps.1.text"]', 'Hallo {{firstName}}, {{service}} für {{pet}} steht noch aus.');
      await page.click('button[value=preview]');
      await expect.poll(() => page.locator('article').first().textContent()).toContain('Hallo Anna, wir hatten eine Zahnreinigung für Toby empfohlen.');
      await snapshot(page, `marketing-sequence-${size}`);
      await Promise.all([page.waitForURL('**/declined_service?lang=de'), page.click('button[value=save]')]);
      await expect.poll(() => page.locator('[role=status]').textContent()).toContain('Textos guardados');
      expect(await page.inputValue('input[name="steps.0.subject"]')).toBe(`{{pet}}: {{service}} (${size})`);
      await page.context().close();
    }
  });

  it('an owner gives consent in the notification preferences, and unsubscribes from the link in a message', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'lucia@example.mx', 'lucia-12345');
    await page.goto(`${env.base}/account/notifications`);
    expect(await page.locator('input[name=marketingEnabled]').isChecked()).toBe(false);
    await page.check('input[name=marketingEnabled]');
    await Promise.all([page.waitForURL('**/account/notifications'), page.click('form[action="/account/notifications"] button[type=submit]')]);
    await expect.poll(() => page.locator('input[name=marketingEnabled]').isChecked()).toBe(true);
    await snapshot(page, 'marketing-consent-390');

    const lucia = (await crm.customers.searchCustomers((await StaffFactory(env.t.platform, 'manager')).actor, { query: 'lucia' })).items[0]!;
    const [facts] = await crm.customers.marketingFacts([lucia.ownerId]);
    expect(facts!.marketingConsentSource).toBe('portal');
    const segment = await crm.segments.createSegment((await StaffFactory(env.t.platform, 'manager')).actor, {
      name: 'Lucía',
      rules: {
        match: 'all',
        conditions: [
          { field: 'language', in: ['es'] },
          { field: 'marketingConsent', value: true },
        ],
      },
    });
    const manager = (await StaffFactory(env.t.platform, 'manager')).actor;
    const campaign = await marketing.campaigns.createCampaign(manager, {
      name: 'Lucía',
      segmentId: segment.id,
      content: { es: { text: 'Hola {{firstName}}' } },
    });
    const preview = await marketing.campaigns.previewCampaign(manager, campaign.id, { ownerId: lucia.ownerId });
    const link = /http:\/\/localhost:3000(\/unsubscribe\/\S+)/.exec(preview.text)![1]!;

    const visitor = await newPage(env, PHONE);
    await visitor.goto(`${env.base}${link}`);
    await expect.poll(() => visitor.locator('main').textContent()).toContain('lucia@example.mx');
    await snapshot(visitor, 'marketing-unsubscribe-390');
    await visitor.click('form button[type=submit]');
    await expect.poll(() => visitor.locator('[role=status]').textContent()).toContain('ya no recibirás promociones');
    await snapshot(visitor, 'marketing-unsubscribed-390');
    await page.reload();
    expect(await page.locator('input[name=marketingEnabled]').isChecked()).toBe(false);
  });
});
