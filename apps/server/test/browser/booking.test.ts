import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

describe.skipIf(!hasChromium)('booking in the browser', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const vet = await StaffFactory(env.t.platform, 'veterinarian', { name: 'Dra. Ana Ruiz', email: 'ana@clinica.mx', password: 'bata-blanca-1' });
    await ServiceFactory(env.t.platform, { staffIds: [vet.user.id] });
    const owner = await OwnerFactory(env.t.platform, { name: 'Lucía Pérez', email: 'lucia@example.mx', password: 'mi-perro-toby-1' });
    await PetFactory(env.t.platform, owner.actor, { name: 'Toby' });
  });
  afterAll(async () => env?.close());

  it('an owner books in a few taps, adds it to the calendar, and the vet confirms it', async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await signIn(page, env, 'lucia@example.mx', 'mi-perro-toby-1');
    await page.goto(`${env.base}/book`);
    await page.locator('.choice', { hasText: 'Consulta general' }).first().click();
    await page.locator('.choice', { hasText: 'Toby' }).click();
    await expect.poll(() => page.locator('.choices.days .choice').count()).toBeGreaterThan(5);
    await page.locator('.choices.days a.choice').nth(1).click();
    await expect.poll(() => page.locator('.choices.times button').count()).toBeGreaterThan(5);
    await snapshot(page, 'owner-book');
    const time = (await page.locator('.choices.times button').nth(2).textContent())!.trim();
    await Promise.all([page.waitForURL('**/my/appointments'), page.locator('.choices.times button').nth(2).click()]);
    await expect.poll(() => page.locator('.list li').first().textContent()).toContain(time);
    await snapshot(page, 'owner-appointments');
    const ics = await page.request.get(`${env.base}${await page.locator('a[href$=".ics"]').first().getAttribute('href')}`);
    expect(ics.headers()['content-type']).toMatch(/text\/calendar/);
    expect(await ics.text()).toContain('BEGIN:VEVENT');

    const staff = await newPage(env, { width: 390, height: 844 });
    await signIn(staff, env, 'ana@clinica.mx', 'bata-blanca-1');
    // The event's own start (the VTIMEZONE before it has DTSTARTs of its own).
    const date = (await ics.text())
      .split('BEGIN:VEVENT')[1]!
      .match(/DTSTART[^:]*:(\d{4})(\d{2})(\d{2})/)!
      .slice(1, 4)
      .join('-');
    await staff.goto(`${env.base}/admin/schedule?date=${date}`);
    await expect.poll(() => staff.locator('.timeline li').first().textContent()).toContain('Toby');
    await staff.locator('.timeline form[action$="/confirm"] button').first().click();
    await expect.poll(() => staff.locator('.timeline .badge').first().textContent()).toBe('Confirmada');
    // Arrival is recorded on the appointment's day only: the day before, the schedule does not offer it.
    expect(await staff.locator('.timeline form[action$="/check-in"]').count()).toBe(0);
    await snapshot(staff, 'staff-schedule');
  });
});
