import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { requireStaff } from '@petfriendly/core';
import type { MarketingServices } from '@petfriendly/marketing';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
vi.setConfig({ testTimeout: 90_000 });

describe.skipIf(!hasChromium)('a declined service on the chart', () => {
  let env: BrowserEnv;
  let petId: number;
  let marketing: MarketingServices;
  let manager: Awaited<ReturnType<typeof StaffFactory>>;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const vet = await StaffFactory(p, 'veterinarian', { name: 'Dra. Ana Ruiz', email: 'ana@clinica.mx', password: 'bisturi-seguro-1' });
    manager = await StaffFactory(p, 'manager', { email: 'gerencia@clinica.mx', password: 'gerencia-segura-1' });
    const owner = await OwnerFactory(p, { name: 'Mariana Pérez López' });
    const pet = await PetFactory(p, owner.actor, { name: 'Canela' });
    petId = pet.id;
    await VisitFactory(p, pet.id, vet.actor, { reason: 'Revisión dental', visitDate: '2026-03-10T15:30:00Z' });
    marketing = p.services.marketing as MarketingServices;
    await p.ctx.events.dispatch();
  });
  afterAll(async () => env?.close());

  it('the vet records what the owner declined; with the sequence switched on, its follow-up starts and shows its next message', async () => {
    const page = await newPage(env, DESKTOP);
    await signIn(page, env, 'ana@clinica.mx', 'bisturi-seguro-1');
    await page.goto(`${env.base}/admin/pets/${petId}`);
    const card = page.locator('section.declined');
    // Switched off, as shipped: the vet is told, and the switch is not theirs (no link).
    await expect.poll(() => card.locator('.declined-off').textContent()).toContain('la secuencia de seguimiento está apagada');
    expect(await card.locator('.declined-off a').count()).toBe(0);
    await snapshot(page, 'declined-chart-off-1280');

    await marketing.sequences.setActive(manager.actor, 'declined_service', { isActive: true });
    await page.reload();
    expect(await card.locator('.declined-off').count()).toBe(0);
    await card.locator('summary').click();
    const form = card.locator('form[action$="/declined"]');
    expect(await form.locator('select[name=visitId] option').allTextContents()).toEqual(['10 mar 2026 · Revisión dental']);
    // Nothing written: the form comes back open, naming the field.
    await form.locator('input[name=service]').fill(' ');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.locator('button[type=submit]').click()]);
    await expect.poll(() => page.locator('#form-declined').getAttribute('open')).not.toBeNull();
    await expect.poll(() => page.locator('#form-declined .field.has-error').count()).toBe(1);

    await page.locator('#form-declined input[name=service]').fill('Limpieza dental con sedación');
    await Promise.all([page.waitForURL(`**/admin/pets/${petId}`), page.locator('#form-declined button[type=submit]').click()]);
    await expect.poll(() => page.locator('.flash').first().textContent()).toContain('Quedó registrado el servicio que el dueño no aceptó');
    const row = card.locator('li', { hasText: 'Limpieza dental con sedación' });
    await expect.poll(() => row.textContent()).toContain('Rechazado el 10 mar 2026');

    // Marketing hears of it after commit: the pet enters the follow-up, first message a week later.
    await env.t.platform.ctx.events.dispatch();
    const runs = await marketing.sequences.followUps.ofPet(requireStaff(manager.actor), petId);
    expect(runs.followUps).toEqual([expect.objectContaining({ service: 'Limpieza dental con sedación', state: 'active' })]);
    await page.reload();
    await expect.poll(() => row.locator('.badge').textContent()).toBe('Seguimiento en curso · próximo mensaje el 17 mar 2026');
    await snapshot(page, 'declined-chart-1280');
  });

  it('on a phone the card reads top to bottom, and a manager is offered the switch while it is off', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'gerencia@clinica.mx', 'gerencia-segura-1');
    await page.goto(`${env.base}/admin/pets/${petId}`);
    const card = page.locator('section.declined');
    await expect.poll(() => card.locator('li .badge').textContent()).toContain('Seguimiento en curso');
    await card.locator('summary').click();
    // Nothing wider than the phone: the follow-up's badge wraps.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await snapshot(page, 'declined-chart-390');
    await marketing.sequences.setActive(manager.actor, 'declined_service', { isActive: false });
    await page.reload();
    expect(await card.locator('.declined-off a').getAttribute('href')).toBe('/admin/marketing/sequences/declined_service');
  });
});
