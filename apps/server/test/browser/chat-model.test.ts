import { OwnerFactory } from '@petfriendly/accounts/testing';
import { startLoopbackServer, textReply, toolReply } from '@petfriendly/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, hasChromium, newPage, signIn, snapshot, startBrowserEnv } from './browser';

describe.skipIf(!hasChromium)('the assistant with a model, in the browser', () => {
  let env: BrowserEnv;
  let llm: Awaited<ReturnType<typeof startLoopbackServer>>;
  beforeAll(async () => {
    llm = await startLoopbackServer();
    env = await startBrowserEnv({
      now: '2026-03-10T16:00:00Z',
      env: { AI_ASSISTANT__PROVIDER: 'openai', AI_ASSISTANT__API_KEY: 'sk-test', AI_ASSISTANT__BASE_URL: llm.baseUrl },
    });
    const owner = await OwnerFactory(env.t.platform, { name: 'Lucía Pérez', email: 'lucia.model@example.mx', password: 'mi-perro-toby-1' });
    await PetFactory(env.t.platform, owner.actor, { name: 'Toby' });
  });
  afterAll(async () => {
    await env?.close();
    await llm?.close();
  });

  it("streams the model's answer into the page after it looked up the owner's pets", async () => {
    const page = await newPage(env, { width: 390, height: 844 });
    await signIn(page, env, 'lucia.model@example.mx', 'mi-perro-toby-1');
    await page.goto(`${env.base}/chat`);
    await expect.poll(() => page.locator('.meta').first().textContent()).not.toContain('Modo guiado');
    const answer = 'Tienes registrado a Toby, una perrita mestiza de 3 años. ¿Quieres agendarle una consulta?';
    llm.respondWith(toolReply([{ name: 'list_user_pets', arguments: {} }]), textReply(answer, { size: 6 }));
    await page.fill('#chat-message', '¿Qué mascotas tengo registradas?');
    await page.click('#chat-compose button[type=submit]');
    await expect.poll(() => page.locator('.chat-log .chat-assistant').last().textContent()).toContain(answer);
    await snapshot(page, 'chat-model-answer');
    // The model saw the owner's own pet, looked up as the owner.
    const second = JSON.parse(llm.requests[1]!.body) as { messages: { role: string; content: string }[] };
    expect(second.messages.find((m) => m.role === 'tool')!.content).toContain('"name":"Toby"');
    await page.reload();
    await expect.poll(() => page.locator('.chat-log .chat-assistant').last().textContent()).toContain(answer);
  });
});
