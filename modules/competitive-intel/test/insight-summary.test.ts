import { StaffFactory } from '@petfriendly/accounts/testing';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { type SentRequest, startLoopbackServer, textReply } from '@petfriendly/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import { WRITE_SUMMARY } from '../src/insight-summary';

// Tuesday 10 March 2026, 10:00 in Mexico City; the assistant's model answers on loopback.
let llm: Awaited<ReturnType<typeof startLoopbackServer>>;
let t: TestApp;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let competitorId: number;
let serviceId: number;

const insights = async () => json(await t.app.inject({ method: 'GET', url: '/api/v1/competitors/insights', headers: manager.auth }));
const logPrice = (price: string, observedOn: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/competitors/${competitorId}/prices`,
    headers: manager.auth,
    payload: { serviceTypeId: serviceId, item: 'Consulta', price, source: 'website', observedOn },
  });

beforeAll(async () => {
  llm = await startLoopbackServer();
  t = await createTestApp({
    now: '2026-03-10T16:00:00Z',
    env: { AI_ASSISTANT__PROVIDER: 'openai', AI_ASSISTANT__API_KEY: 'sk-test', AI_ASSISTANT__BASE_URL: llm.baseUrl, AI_ASSISTANT__MODEL: 'test/writer' },
  });
  manager = await StaffFactory(t.platform, 'manager');
  const vet = await StaffFactory(t.platform, 'veterinarian');
  serviceId = (await ServiceFactory(t.platform, { staffIds: [vet.user.id], name: 'Consulta general' })).id;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/competitors', headers: manager.auth, payload: { name: 'VetCare Zapopan', ipRanges: [] } });
  competitorId = json(res).id;
});
afterAll(async () => {
  await t?.close();
  await llm?.close();
});

describe("the insights' written summary", () => {
  it('answers from the rules at once, and with the summary the model wrote from those facts once the job ran', async () => {
    expect((await logPrice('300.00', '2026-03-01')).statusCode).toBe(201);
    const first = await insights();
    expect(first).toMatchObject({ source: 'rules', summary: null });
    expect(first.insights).toContainEqual(expect.objectContaining({ kind: 'price_gap' }));
    expect(llm.requests).toHaveLength(0); // reading never waits for the model

    llm.respondWith(textReply('Nuestra consulta está muy por encima del mercado; conviene revisarla.'));
    expect(await t.platform.ctx.jobs.runReady([WRITE_SUMMARY])).toBe(1);
    const sent = JSON.parse(llm.requests[0]!.body) as SentRequest;
    expect(sent.model).toBe('test/writer');
    expect(sent.messages[0]!.content).toContain('Spanish (Mexico)');
    // The facts the model was given are the rules' insights, word for word.
    for (const i of first.insights) expect(sent.messages[1]!.content).toContain(i.text);

    const second = await insights();
    expect(second).toMatchObject({ source: 'model', summary: 'Nuestra consulta está muy por encima del mercado; conviene revisarla.' });
    const page = await t.app.inject({ method: 'GET', url: '/admin/competitors', headers: manager.auth });
    expect(page.body).toContain('Nuestra consulta está muy por encima del mercado');
    // Fresh and written from the same facts: nothing more to write.
    expect(await t.platform.ctx.jobs.runReady([WRITE_SUMMARY])).toBe(0);
  });

  it('drops a summary whose facts changed and has a new one written', async () => {
    expect((await logPrice('200.00', '2026-03-09')).statusCode).toBe(201); // the gap widens: another fact
    const changed = await insights();
    expect(changed).toMatchObject({ source: 'rules', summary: null });
    llm.respondWith(textReply('La competencia bajó su consulta; la nuestra queda aún más arriba.'));
    expect(await t.platform.ctx.jobs.runReady([WRITE_SUMMARY])).toBe(1);
    expect((await insights()).summary).toBe('La competencia bajó su consulta; la nuestra queda aún más arriba.');
  });
});
