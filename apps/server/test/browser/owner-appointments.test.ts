import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(!hasChromium)('owners’ appointments and staff travel plans', () => {
  let env: BrowserEnv;
  let tobyId: number;
  beforeAll(async () => {
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const { platform } = env.t;
    const ana = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Ana Ruiz', email: 'ana@clinica.mx', password: 'bata-blanca-1' });
    await ServiceFactory(platform, { staffIds: [ana.user.id], name: 'Consulta general' });
    const lucia = await OwnerFactory(platform, { name: 'Lucía Pérez', email: 'lucia@example.mx', password: 'mi-perro-toby-1' });
    tobyId = (await PetFactory(platform, lucia.actor, { name: 'Toby', dateOfBirth: '2023-01-10' })).id;
    const luna = await PetFactory(platform, lucia.actor, { name: 'Luna', species: 'cat' });
    const appointments = platform.services.appointments;
    const slug = (await appointments.appointments.listServices(lucia.actor))[0]!.slug;
    await appointments.appointments.bookAppointment(lucia.actor, { petId: tobyId, date: '2026-03-12', time: '10:00', serviceType: slug });
    await appointments.appointments.bookAppointment(lucia.actor, { petId: luna.id, date: '2026-03-13', time: '12:30', serviceType: slug });
    // Seeding a clinic and starting Chromium takes a while on a busy machine.
  }, 600_000);
  afterAll(async () => env?.close());

  it('names the pet on each appointment, asks before cancelling, and fits a phone', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'lucia@example.mx', 'mi-perro-toby-1');
    await page.goto(`${env.base}/my/appointments`);
    const upcoming = page.locator('.card').first().locator('.list > li');
    expect(await upcoming.count()).toBe(2);
    expect(await upcoming.nth(0).textContent()).toMatch(/10:00.*Toby/s);
    expect(await upcoming.nth(1).textContent()).toMatch(/12:30.*Luna/s);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'owner-appointments-390');

    await Promise.all([page.waitForURL(/\/cancel$/), upcoming.nth(0).locator('a', { hasText: 'Cancelar' }).click()]);
    expect(await page.locator('main').textContent()).toContain('¿Cancelar la cita de Toby');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'owner-cancel-confirm-390');
    await Promise.all([page.waitForURL(/\/my\/appointments$/), page.locator('a', { hasText: 'No, conservarla' }).click()]);
    expect(await page.locator('.card').first().locator('.list > li').count()).toBe(2);

    await page.locator('.card').first().locator('.list > li').nth(0).locator('a', { hasText: 'Cancelar' }).click();
    await Promise.all([page.waitForURL(/\/my\/appointments$/), page.locator('button', { hasText: 'Sí, cancelar la cita' }).click()]);
    expect(await page.locator('.flash').first().textContent()).toContain('Cita cancelada');
    const left = page.locator('.card').first().locator('.list > li');
    expect(await left.count()).toBe(1);
    expect(await left.first().textContent()).toContain('Luna');
  });

  it('a vet makes a travel plan from the chart; its text speaks to the team and the certificate waits for its window', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'ana@clinica.mx', 'bata-blanca-1');
    // The staff home greets once (the sign-in message), then names the day.
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect((await page.locator('main').textContent())!.split('Dra. Ana Ruiz').length - 1).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('Hoy, martes, 10 de marzo');
    await page.goto(`${env.base}/admin/pets/${tobyId}`);
    await page.selectOption('form[action$="/travel-plans"] select[name=destination]', 'US');
    await page.fill('form[action$="/travel-plans"] input[name=travelDate]', '2026-04-20');
    await Promise.all([page.waitForURL(/\/admin\/travel-plans\/\d+$/), page.click('form[action$="/travel-plans"] button[type=submit]')]);
    const body = (await page.locator('main').textContent())!;
    expect(body).toContain('Plan de viaje creado');
    expect(body).not.toMatch(/tu mascota/i);
    expect(body).toContain('Emitir y firmar el certificado de salud');
    expect(await page.locator('form[action$="/certificate"]').count()).toBe(0);
    expect(await page.locator('.certificate-card').textContent()).toMatch(/Aún no.*Se puede emitir del 2026-04-10 al 2026-04-20/s);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'staff-travel-plan-390');
  });
});
