import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 900 };
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe.skipIf(!hasChromium)('travel to Japan', () => {
  let env: BrowserEnv;
  let hachiId: number;
  beforeAll(async () => {
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const { platform } = env.t;
    const vet = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Kei Mori', email: 'kei@clinica.mx', password: 'bata-blanca-1' });
    const owner = await OwnerFactory(platform, { name: 'Sofía Ito', email: 'sofia@example.mx', password: 'hachi-a-tokio-1' });
    hachiId = (
      await PetFactory(platform, owner.actor, {
        name: 'Hachi',
        dateOfBirth: '2022-05-01',
        microchipNumber: '985112000003333',
        microchipImplantedOn: '2025-06-01',
      })
    ).id;
    const s = platform.services['vet-clinic'];
    for (const administeredDate of ['2025-07-01', '2025-08-15']) {
      await s.records.addVaccination(hachiId, { protocolCode: 'dog.rabies', vaccineName: 'Rabisin', administeredDate }, vet.actor);
    }
  }, 600_000);
  afterAll(async () => env?.close());

  it('a vet plans the trip, records the antibody result, and the plan says when Hachi can land; the owner sees it with its source', async () => {
    const page = await newPage(env, PHONE);
    await signIn(page, env, 'kei@clinica.mx', 'bata-blanca-1');
    await page.goto(`${env.base}/admin/pets/${hachiId}`);
    await page.selectOption('form[action$="/travel-plans"] select[name=destination]', 'JP');
    await page.fill('form[action$="/travel-plans"] input[name=travelDate]', '2026-05-01');
    await Promise.all([page.waitForURL(/\/admin\/travel-plans\/\d+$/), page.click('form[action$="/travel-plans"] button[type=submit]')]);
    const planPath = new URL(page.url()).pathname;

    await page.fill('input[name=sampledOn]', '2025-12-01');
    await page.fill('input[name=resultIuPerMl]', '0.9');
    await page.fill('input[name=laboratory]', 'Laboratorio designado por Japón');
    expect(await page.locator('main').textContent()).toContain('tendría que haberse tomado a más tardar el 2025-11-02');
    await page.click('form[action$="/rabies-titres"] button[type=submit]');
    await expect.poll(() => page.locator('main').textContent()).toContain('Resultado registrado');
    const body = (await page.locator('main').textContent())!;
    expect(body).toContain('0.90 UI/ml');
    expect(body).toContain('permite entrar a partir del 2026-05-30');
    expect(await page.locator('[role=alert]').textContent()).toContain('2026-05-30');
    expect(await page.locator('.travel-source a').getAttribute('href')).toBe('https://www.maff.go.jp/aqs/english/animal/dog/import-other.html');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await snapshot(page, 'staff-travel-plan-japan-390');
    await page.setViewportSize(WIDE);
    await snapshot(page, 'staff-travel-plan-japan-1280');

    const owner = await newPage(env, PHONE);
    await signIn(owner, env, 'sofia@example.mx', 'hachi-a-tokio-1');
    await owner.goto(`${env.base}${planPath.replace('/admin/', '/my/')}`);
    const mine = (await owner.locator('main').textContent())!;
    expect(mine).toContain('Lista para viajar: Hachi a Japón');
    expect(mine).toContain('Enviar el aviso previo al Servicio de Cuarentena Animal de Japón a más tardar el 2026-03-22');
    expect(await owner.locator('.travel-source').textContent()).toMatch(
      /Fuente oficial: MAFF Animal Quarantine Service \(Japan\).*requisitos revisados en 2026-12/s,
    );
    expect(await overflow(owner)).toBeLessThanOrEqual(0);
    await snapshot(owner, 'owner-travel-plan-japan-390');
    await owner.setViewportSize(WIDE);
    await snapshot(owner, 'owner-travel-plan-japan-1280');
  });
});
