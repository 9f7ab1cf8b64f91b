import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

describe.skipIf(!hasChromium)("the owner's privacy page in the browser", () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const p = env.t.platform;
    const owner = await OwnerFactory(p, { name: 'Lucía Romero', email: 'lucia@correo.mx', password: 'mis-datos-son-mios' });
    await PetFactory(p, owner.actor, { name: 'Canela' });
    await StaffFactory(p, 'admin', { name: 'Ana Admin', email: 'ana@clinica.mx', password: 'privacidad-ante-todo' });
    await p.services.privacy.privacy.request(owner.actor, { kind: 'access', details: '' });
  });
  afterAll(async () => env?.close());

  it('an owner downloads their data and asks for cancellation on a phone; staff see it on a laptop', async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await signIn(page, env, 'lucia@correo.mx', 'mis-datos-son-mios');
    await page.goto(`${env.base}/account/privacy`);
    expect(await page.textContent('h1')).toContain('Mis datos personales');
    const json = await page.request.get(`${env.base}/account/privacy/my-data.json`);
    expect(json.status()).toBe(200);
    const data = (await json.json()) as { pets: { name: string }[]; profile: { email: string }[] };
    expect(data.pets.map((p) => p.name)).toEqual(['Canela']);
    expect(data.profile[0]!.email).toBe('lucia@correo.mx');
    const pdf = await page.request.get(`${env.base}/account/privacy/my-data.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await page.selectOption('select[name=kind]', 'cancellation');
    await page.fill('textarea[name=details]', 'Me mudo de ciudad');
    await page.click('form[action="/account/privacy/requests"] button[type=submit]');
    await page.waitForSelector('text=Recibimos tu solicitud');
    await expect(page.locator('[data-testid=privacy-request]').count()).resolves.toBe(2);
    // 20 business days after Tuesday 10 March 2026: 16 March (Benito Juárez's day, moved to a Monday) is not one.
    expect(await page.textContent('main')).toContain('8 abr 2026');
    await snapshot(page, 'privacy-owner-390');

    const wide = await newPage(env, { width: 1280, height: 900 });
    await signIn(wide, env, 'lucia@correo.mx', 'mis-datos-son-mios');
    await wide.goto(`${env.base}/account/privacy`);
    await snapshot(wide, 'privacy-owner-1280');

    const staff = await newPage(env, { width: 1280, height: 900 });
    await signIn(staff, env, 'ana@clinica.mx', 'privacidad-ante-todo');
    await staff.goto(`${env.base}/admin/privacy`);
    expect(await staff.textContent('main')).toContain('Lucía Romero');
    await snapshot(staff, 'privacy-admin-1280');
  });
});
