import { StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };

describe.skipIf(!hasChromium)('competitors and market prices in the browser', () => {
  let env: BrowserEnv;
  let serviceId: number;
  let managerActor: () => Promise<Awaited<ReturnType<typeof StaffFactory>>['actor']>;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const manager = await StaffFactory(p, 'manager', { name: 'Mario Gerente', email: 'mario@clinica.mx', password: 'cuentas-claras-1' });
    managerActor = async () => manager.actor;
    const vet = await StaffFactory(p, 'veterinarian');
    serviceId = (await ServiceFactory(p, { staffIds: [vet.user.id], name: 'Consulta general' })).id;
    const s = p.services['competitive-intel'];
    const rivals = [
      ['Hospital Veterinario Del Valle', ['520.00', '540.00', '560.00']],
      ['Clínica Veterinaria Coyoacán', ['380.00', '380.00', '395.00']],
    ] as const;
    for (const [name, prices] of rivals) {
      const c = await s.competitors.addCompetitor(manager.actor, { name, servicesOffered: ['Hospitalización 24 h'] });
      for (const [i, price] of prices.entries())
        await s.competitors.logPricing(manager.actor, c.id, {
          serviceTypeId: serviceId,
          item: 'Consulta',
          price,
          source: 'website',
          observedOn: ['2025-10-01', '2025-12-15', '2026-02-20'][i],
        });
    }
  });
  afterAll(async () => env?.close());

  it('a manager adds a competitor (a wrong IP range is shown next to its field), logs a price and reads the comparison', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'mario@clinica.mx', 'cuentas-claras-1');
    await page.goto(`${env.base}/admin/competitors`);
    expect(await page.textContent('h1')).toContain('Competencia');
    await expect(page.locator('text=Hospitalización 24 h').first().isVisible()).resolves.toBe(true);
    await snapshot(page, 'competitors-390');

    await page.click('a[href="/admin/competitors/new"]');
    await page.fill('input[name=name]', 'VetPlus Providencia');
    await page.fill('textarea[name=address]', 'Av. Terranova 1020, Providencia, Guadalajara');
    await page.fill('textarea[name=ipRanges]', '2001:db8:4a00::/40\n201.141.0.0/33');
    await page.click('form[action="/admin/competitors/new"] button[type=submit]');
    await page.waitForSelector('.field.has-error textarea[name=ipRanges]');
    await page.fill('textarea[name=ipRanges]', '2001:db8:4a00::/40\n201.141.7.9/16');
    await page.click('form[action="/admin/competitors/new"] button[type=submit]');
    await page.waitForURL(/\/admin\/competitors\/\d+$/);
    expect(await page.inputValue('textarea[name=ipRanges]')).toBe('2001:db8:4a00::/40\n201.141.0.0/16');

    await page.selectOption('select[name=serviceTypeId]', String(serviceId));
    await page.fill('input[name=item]', 'Consulta médica');
    await page.fill('input[name=price]', '470.00');
    await page.fill('input[name=observedOn]', '2026-03-02');
    await page.selectOption('select[name=source]', 'mystery_shopper');
    await page.click('form[action$="/prices"] button[type=submit]');
    await page.waitForSelector('text=Precio registrado.');
    expect(await page.textContent('table.data')).toContain('470.00');
    await snapshot(page, 'competitor-390');

    await page.goto(`${env.base}/admin/competitors/pricing?service=${serviceId}`);
    // Ours $450.00; latest 560, 395, 470 → median 470; (450 − 470) / 470 = −4.3 %.
    expect(await page.textContent('main')).toContain('-4.3 %');
    expect(await page.locator('figure.chart svg path').count()).toBe(3);
    await snapshot(page, 'pricing-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await snapshot(page, 'pricing-1280');
    await page.goto(`${env.base}/admin/competitors`);
    await snapshot(page, 'competitors-1280');
    await page.goto(`${env.base}/admin/catalogue/services/${serviceId}`);
    expect(await page.textContent('main')).toContain('Precios de la competencia');
    // A competitor that declared this machine's range reads our shop, signed out, in its own browser.
    const s = env.t.platform.services['competitive-intel'];
    await s.competitors.addCompetitor(await managerActor(), { name: 'Clínica de Pruebas Local', ipRanges: ['127.0.0.0/8'] });
    const rival = await newPage(env, PHONE);
    await rival.goto(`${env.base}/store`);
    await vi.waitFor(
      async () => {
        await s.visitors.flush();
        const seen = await s.visitors.getCompetitorVisits(await managerActor(), { days: 1 });
        expect(seen.map((v) => `${v.name} ${v.path}`)).toContain('Clínica de Pruebas Local /store');
      },
      { timeout: 5000, interval: 100 },
    );
    await page.goto(`${env.base}/admin/competitors/visits`);
    expect(await page.textContent('main')).toContain('Aviso de privacidad');
    expect(await page.textContent('table.data')).toContain('127.0.0.0/24');
    expect(await page.textContent('table.data')).toContain('/store');
    await snapshot(page, 'competitor-visits-1280');
  });
});
