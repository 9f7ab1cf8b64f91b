import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

const lastAnswer = (page: import('playwright-core').Page) => page.locator('.chat-log .chat-assistant').last();
const choose = async (page: import('playwright-core').Page, label: string | RegExp) => {
  await page.locator('#chat-choices button', { hasText: label }).first().click();
};

describe.skipIf(!hasChromium)('the assistant in guided mode, in the browser', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    // Tuesday 10 March 2026, 10:00 in Mexico City; no API key, so the chat is guided.
    env = await startBrowserEnv({ now: '2026-03-10T16:00:00Z' });
    const vet = await StaffFactory(env.t.platform, 'veterinarian', { name: 'Dra. Ana Ruiz', email: 'ana.chat@clinica.mx', password: 'bata-blanca-1' });
    await ServiceFactory(env.t.platform, { staffIds: [vet.user.id], name: 'Consulta general' });
    const owner = await OwnerFactory(env.t.platform, { name: 'Lucía Pérez', email: 'lucia.chat@example.mx', password: 'mi-perro-toby-1' });
    await PetFactory(env.t.platform, owner.actor, { name: 'Toby' });
  });
  afterAll(async () => env?.close());

  it('a guest asks for the opening hours and gets them from the clinic’s settings, streamed into the page', async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    // Every other page of the website has a floating button to the assistant.
    await page.goto(`${env.base}/help`);
    await snapshot(page, 'chat-fab');
    await Promise.all([page.waitForURL('**/chat'), page.click('a.fab')]);
    expect(await page.locator('a.fab').count()).toBe(0);
    await expect.poll(() => lastAnswer(page).textContent()).toContain('asistente');
    await expect.poll(() => page.locator('#chat-choices button').count()).toBeGreaterThan(2);
    await page.fill('#chat-message', '¿A qué hora abren?');
    await page.click('#chat-compose button[type=submit]');
    await expect.poll(() => lastAnswer(page).textContent()).toContain('lunes a sábado');
    // The hours come from the clinic's settings, and no raw "(/path)" is left in what the guest reads.
    expect(await lastAnswer(page).textContent()).not.toContain('(/');
    await snapshot(page, 'chat-guest-hours');
    // The conversation survives a reload (same guest cookie).
    await page.reload();
    await expect.poll(() => page.locator('.chat-log .chat-user').last().textContent()).toContain('¿A qué hora abren?');
  });

  it('an owner books through the buttons and finds the appointment in their portal', async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await signIn(page, env, 'lucia.chat@example.mx', 'mi-perro-toby-1');
    await page.goto(`${env.base}/chat`);
    await choose(page, 'Agendar cita');
    await expect.poll(() => lastAnswer(page).textContent()).toContain('¿Para cuál de tus mascotas');
    await choose(page, 'Toby');
    await expect.poll(() => lastAnswer(page).textContent()).toContain('servicio');
    await choose(page, 'Consulta general');
    await expect.poll(() => lastAnswer(page).textContent()).toContain('horarios libres');
    await page.locator('#chat-choices button').nth(1).click();
    await expect.poll(() => lastAnswer(page).textContent()).toContain('Horarios libres el');
    const time = (await page.locator('#chat-choices button').nth(1).textContent())!.trim();
    expect(time).toMatch(/^\d{2}:\d{2}$/);
    await page.locator('#chat-choices button').nth(1).click();
    await expect.poll(() => lastAnswer(page).textContent()).toContain('¿Confirmo');
    await snapshot(page, 'chat-owner-confirm');
    await choose(page, 'Confirmar');
    await expect.poll(() => lastAnswer(page).textContent()).toContain('¡Listo!');
    await snapshot(page, 'chat-owner-booked');
    await Promise.all([page.waitForURL('**/my/appointments'), lastAnswer(page).locator('a[href="/my/appointments"]').click()]);
    await expect.poll(() => page.locator('.list li').first().textContent()).toContain(time);
    await expect.poll(() => page.locator('.list li').first().textContent()).toContain('Consulta general');

    // Then she asks for a person: the assistant hands the chat to the clinic.
    await page.goto(`${env.base}/chat`);
    await choose(page, 'Menú principal');
    await choose(page, 'Hablar con una persona');
    await expect.poll(() => lastAnswer(page).textContent()).toContain('le pedí a una persona del equipo');
  });

  it('works without JavaScript: the form posts and the page shows the answer', async () => {
    const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-MX', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.base}/chat`);
    await page.fill('#chat-message', 'vacunas para viajar');
    await Promise.all([page.waitForURL('**/chat*'), page.click('#chat-compose button[type=submit]')]);
    await expect.poll(() => page.locator('.chat-log .chat-user').last().textContent()).toContain('vacunas para viajar');
    expect(await page.locator('.chat-log .chat-assistant').count()).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('staff open today’s schedule from their assistant and read the conversations', async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await signIn(page, env, 'ana.chat@clinica.mx', 'bata-blanca-1');
    await page.goto(`${env.base}/admin/assistant`);
    await choose(page, 'Agenda de hoy');
    await expect.poll(() => lastAnswer(page).textContent()).toContain('Agenda de hoy');
    await snapshot(page, 'chat-staff');
    await page.goto(`${env.base}/admin/assistant/conversations`);
    await expect.poll(() => page.locator('.list li').count()).toBeGreaterThanOrEqual(3);
    await snapshot(page, 'chat-staff-conversations');
    await page.locator('.list li a', { hasText: 'Lucía Pérez' }).first().click();
    await expect.poll(() => page.locator('.chat-tools summary').first().textContent()).toContain('list_user_pets');
    await expect.poll(() => page.locator('.chat-log').textContent()).toContain('book_appointment');
    // Repeated tool calls are summed up, not listed one by one.
    await expect.poll(() => page.locator('.chat-tools summary').allTextContents()).toContainEqual(expect.stringMatching(/check_availability ×\d+/));
    await snapshot(page, 'chat-staff-transcript');

    // The hand-off waits in the inbox, escalated, with a link to this transcript.
    await page.goto(`${env.base}/admin/inbox`);
    await page.locator('a[href^="/admin/inbox/"]', { hasText: 'Lucía Pérez' }).first().click();
    await expect.poll(() => page.locator('.thread').textContent()).toContain('Asistente');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await snapshot(page, 'chat-handoff-inbox');
    await page.locator('.thread a[href^="/admin/assistant/conversations/"]').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Lucía Pérez');
  });
});
