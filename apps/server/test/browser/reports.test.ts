import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { addLocalDays, clinicInstant } from '@petfriendly/core';
import { ProductFactory } from '@petfriendly/store/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

vi.setConfig({ testTimeout: 90_000 });

describe.skipIf(!hasChromium)("the manager's dashboard in the browser", () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const platform = env.t.platform;
    const clock = env.t.platform.clock;
    await StaffFactory(platform, 'manager', { name: 'Paty Gerente', email: 'paty@clinica.mx', password: 'tablero-claro-1' });
    const desk = await StaffFactory(platform, 'receptionist');
    const ana = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Ana Ruiz' });
    const luis = await StaffFactory(platform, 'veterinarian', { name: 'Dr. Luis Mora' });
    const hours = { weekdays: [0, 1, 2, 3, 4], hours: [{ start: '09:00', end: '15:00' }] };
    const consult = await ServiceFactory(platform, { staffIds: [ana.user.id], name: 'Consulta general', durationMinutes: 60, ...hours });
    const vaccine = await ServiceFactory(platform, { staffIds: [luis.user.id], name: 'Vacunación', durationMinutes: 30, ...hours });
    const food = await ProductFactory(platform, { name: 'Croquetas Adulto 2 kg', price: '389.00', stock: 200 });
    const owners = [];
    for (let i = 0; i < 6; i++) {
      const owner = await OwnerFactory(platform);
      owners.push({ owner, pet: await PetFactory(platform, owner.actor) });
    }
    const appointments = platform.services.appointments;
    const billing = platform.services.billing;

    // Working days of the same stretch a year before, last month and this month: visits billed and paid, and a bag of food or two.
    const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => addLocalDays(from, i));
    for (const [i, day] of [...days('2025-03-03', 5), ...days('2026-02-02', 9), ...days('2026-03-02', 9)].entries()) {
      const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
      if (weekday > 4) continue;
      clock.set(clinicInstant(day, '09:00', 'America/Mexico_City'));
      for (const [j, service] of [consult, vaccine].entries()) {
        if ((i + j) % 3 === 2) continue;
        const { pet } = owners[(i + j) % owners.length]!;
        const booked = await appointments.appointments.bookAppointment(desk.actor, {
          petId: pet.id,
          date: day,
          time: j === 0 ? '10:00' : '11:00',
          serviceType: service.slug,
          createdVia: 'phone',
        });
        if ((i + j) % 5 === 4) {
          await appointments.schedule.markNoShow(booked.id, desk.actor);
          continue;
        }
        await appointments.schedule.checkInPatient(booked.id, desk.actor);
        await appointments.schedule.completeAppointment(booked.id, desk.actor);
        const bill = await billing.invoices.createFromAppointment(desk.actor, booked.id);
        if (i % 2 === 0) await billing.invoices.addLine(desk.actor, bill.id, { productId: food.id, quantity: 1 + (i % 2) });
        const issued = await billing.invoices.issueInvoice(desk.actor, bill.id);
        await billing.payments.recordPayment(desk.actor, bill.id, { amount: issued.total, method: 'cash' });
      }
    }
    clock.set('2026-03-10T16:00:00Z');
    await platform.ctx.events.dispatch();
  });
  afterAll(async () => env?.close());

  it('shows the month against last month and last year, with charts and their tables, on a phone and a laptop', async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await signIn(page, env, 'paty@clinica.mx', 'tablero-claro-1');
    await page.goto(`${env.base}/admin/dashboard`);
    expect(await page.locator('h1').textContent()).toBe('Tablero del negocio');
    const revenue = page.locator('section.figure', { hasText: 'Ingresos (sin IVA)' });
    expect(await revenue.locator('.figure-value').textContent()).toMatch(/^\$[1-9][\d,]*\.\d\d$/);
    expect(await revenue.locator('.delta').count()).toBe(2);
    // Every chart is an SVG drawn on the server with its figures in a table beside it.
    const byVet = page.locator('section.chart-card', { hasText: 'Ingresos por veterinario' });
    expect(await byVet.locator('svg[role=img]').count()).toBe(1);
    expect(await byVet.locator('table tbody tr').count()).toBe(2);
    expect(await byVet.locator('table').textContent()).toContain('Dra. Ana Ruiz');
    expect(await page.locator('a[href^="/admin/dashboard/export.xlsx"]').count()).toBe(1);
    await snapshot(page, 'dashboard-390');
    // Nothing wider than the phone: the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // axe-core in the page (through the devtools protocol: the page's CSP allows no injected script).
    await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);

    const wide = await newPage(env, { width: 1280, height: 900 });
    await signIn(wide, env, 'paty@clinica.mx', 'tablero-claro-1');
    await wide.goto(`${env.base}/admin/dashboard`);
    await wide.selectOption('#f-period', 'week');
    await Promise.all([wide.waitForURL(/period=week/), wide.click('form.report-filters button[type=submit]')]);
    expect(await wide.inputValue('#f-period')).toBe('week');
    await wide.selectOption('#f-period', 'month');
    await Promise.all([wide.waitForURL(/period=month/), wide.click('form.report-filters button[type=submit]')]);
    await snapshot(wide, 'dashboard-1280');
  });
});
