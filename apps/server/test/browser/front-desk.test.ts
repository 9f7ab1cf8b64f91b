import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { PetFactory, VisitFactory } from '@petfriendly/vet-clinic/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 900 };

/** Nothing wider than the screen: the page never scrolls sideways. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(!hasChromium)('the front desk’s day', () => {
  let env: BrowserEnv;
  let rockyId: number;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:07 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:07:00Z' });
    const { platform } = env.t;
    const ana = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Ana Ruiz' });
    const luis = await StaffFactory(platform, 'veterinarian', { name: 'Dr. Luis Mora' });
    await StaffFactory(platform, 'receptionist', { name: 'Paty Recepción', email: 'paty@clinica.mx', password: 'agenda-llena-1' });
    await StaffFactory(platform, 'veterinarian', { name: 'Dra. Sofía Hernández', email: 'sofia@clinica.mx', password: 'bata-blanca-1' });
    await ServiceFactory(platform, { staffIds: [ana.user.id, luis.user.id], name: 'Consulta general' });
    const appointments = platform.services.appointments;
    const vet = platform.services['vet-clinic'];

    const lucia = await OwnerFactory(platform, { name: 'Lucía Pérez' });
    await PetFactory(platform, lucia.actor, { name: 'Toby', breed: 'Beagle' });
    const maria = await OwnerFactory(platform, { name: 'María González' });
    const rocky = await PetFactory(platform, maria.actor, {
      name: 'Rocky',
      breed: 'Labrador',
      dateOfBirth: '2019-02-01',
      notes: 'Muerde al tomarle la temperatura: bozal',
    });
    rockyId = rocky.id;
    const michi = await PetFactory(platform, maria.actor, { name: 'Michi', species: 'cat', breed: 'Siamés' });
    const slug = (await appointments.appointments.listServices(ana.actor)).find((x) => x.name === 'Consulta general')!.slug;
    const book = (petId: number, date: string, time: string, staffId: string) =>
      appointments.appointments.bookAppointment(ana.actor, { petId, date, time, serviceType: slug, staffId, createdVia: 'phone' });
    // Today: Michi arrived early for 10:15 with Luis; Rocky comes at 11:30 with Ana. The rest of the week fills up.
    await appointments.schedule.checkInPatient((await book(michi.id, '2026-03-10', '10:15', luis.user.id)).id, luis.actor);
    await book(rocky.id, '2026-03-10', '11:30', ana.user.id);
    await book(michi.id, '2026-03-12', '09:30', ana.user.id);
    await book(rocky.id, '2026-03-13', '16:00', luis.user.id);

    await VisitFactory(platform, rocky.id, ana.actor, { visitDate: '2026-01-15T17:00:00Z', vitals: { weightKg: '31.2', temperatureC: '38.4' } });
    await VisitFactory(platform, rocky.id, ana.actor, { visitDate: '2026-02-20T17:00:00Z', vitals: { weightKg: '30.1', temperatureC: '38.7' } });
    await vet.records.addAllergy(rocky.id, { allergen: 'Penicilina', severity: 'severe', reaction: 'Urticaria' }, ana.actor);
    await vet.records.addMedication(
      rocky.id,
      { name: 'Carprofeno', dosage: '75 mg', frequency: 'c/12 h', route: 'oral', startDate: '2026-03-01', isOngoing: true },
      ana.actor,
    );
    // Seeding a clinic and starting Chromium takes a while on a busy machine.
  }, 600_000);
  afterAll(async () => env?.close());

  it('a walk-in from the schedule lands in the waiting room, behind nobody for its vet', async () => {
    env.t.platform.clock.set('2026-03-10T16:14:00Z'); // Michi has waited 7 minutes
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'paty@clinica.mx', 'agenda-llena-1');
    await page.goto(`${env.base}/admin/schedule`);
    await page.fill('.walk-in-card input[name=q]', 'toby');
    await page.selectOption('.walk-in-card select[name=staff]', { label: 'Dra. Ana Ruiz' });
    await Promise.all([page.waitForURL(/\/admin\/walk-in\?/), page.click('.walk-in-card button[type=submit]')]);
    await Promise.all([page.waitForURL(/pet=\d+/), page.locator('.list a', { hasText: 'Toby' }).click()]);
    await page.fill('input[name=reason]', 'Se cortó una pata');
    await Promise.all([page.waitForURL(/\/admin\/waiting-room/), page.click('form[action="/admin/walk-in"] button[type=submit]')]);
    expect(await page.locator('.flash').first().textContent()).toContain('Toby está en sala de espera: 10:00 con Dra. Ana Ruiz');

    const ana = page.locator('.board .card', { hasText: 'Dra. Ana Ruiz' });
    expect(await ana.locator('li.next').textContent()).toContain('Toby');
    expect(await ana.locator('li.next').textContent()).toContain('Sin cita');
    const luis = page.locator('.board .card', { hasText: 'Dr. Luis Mora' });
    expect(await luis.locator('li.next').textContent()).toMatch(/Michi.*7 min esperando/s);
    expect(await page.locator('.desk-tabs .badge').textContent()).toBe('2');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'desk-waiting-room-390');
    await page.setViewportSize(DESK);
    await snapshot(page, 'desk-waiting-room-1280');

    await page.goto(`${env.base}/admin/schedule`);
    const walkIn = page.locator('.timeline li.walk-in');
    expect(await walkIn.textContent()).toMatch(/10:00.*Toby.*Sin cita/s);
    await snapshot(page, 'desk-schedule-walk-ins-1280');
    await page.setViewportSize(PHONE);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'desk-schedule-walk-ins-390');
  });

  it('shows the week and the day by vet; arrival is offered only on the day', async () => {
    const page = await newPage(env, DESK);
    await signIn(page, env, 'paty@clinica.mx', 'agenda-llena-1');
    await page.goto(`${env.base}/admin/schedule/week?date=2026-03-12`);
    expect(await page.locator('.week-day').count()).toBe(7);
    expect(await page.locator('.week-day').nth(3).textContent()).toMatch(/09:30.*Michi/s);
    expect(await page.locator('.week-day').nth(4).textContent()).toMatch(/16:00.*Rocky/s);
    expect(await page.locator('.week-day.today').textContent()).toContain('Rocky');
    await snapshot(page, 'desk-week-1280');
    await page.setViewportSize(PHONE);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'desk-week-390');

    await page.goto(`${env.base}/admin/schedule/vets?date=2026-03-10`);
    expect(await page.locator('.vet-column', { hasText: 'Dr. Luis Mora' }).textContent()).toContain('Michi');
    expect(await page.locator('.vet-column', { hasText: 'Dra. Ana Ruiz' }).textContent()).toMatch(/10:00.*Toby.*11:30.*Rocky/s);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'desk-vets-390');
    await page.setViewportSize(DESK);
    await snapshot(page, 'desk-vets-1280');

    await page.goto(`${env.base}/admin/schedule?date=2026-03-13`);
    expect(await page.locator('.timeline li', { hasText: 'Rocky' }).count()).toBe(1);
    expect(await page.locator('.timeline form[action$="/check-in"]').count()).toBe(0);
    await page.goto(`${env.base}/admin/schedule`);
    expect(await page.locator('.timeline li', { hasText: 'Rocky' }).locator('form[action$="/check-in"]').count()).toBe(1);
  });

  it('the chart opens with what matters and the visit form one tap away', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'sofia@clinica.mx', 'bata-blanca-1');
    await page.goto(`${env.base}/admin/pets/${rockyId}`);
    const glance = page.locator('.at-a-glance');
    const text = (await glance.textContent())!;
    expect(text).toContain('Muerde al tomarle la temperatura');
    expect(text).toContain('Penicilina');
    expect(text).toContain('Carprofeno');
    expect(text).toContain('30.10 kg');
    expect(text).toMatch(/Rabia|vencida/);
    // Everything that matters fits on the first screen of a phone.
    const box = (await glance.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(PHONE.height * 1.2);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'desk-chart-top-390');
    await glance.locator('a.btn').click();
    await page.waitForURL(/visit=new/);
    expect(await page.locator('#form-visit').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#form-visit input[name=reason]').isVisible()).toBe(true);
    await page.setViewportSize(DESK);
    await page.goto(`${env.base}/admin/pets/${rockyId}`);
    await snapshot(page, 'desk-chart-top-1280');
  });
});
