import { StaffFactory } from '@petfriendly/accounts/testing';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';

vi.setConfig({ testTimeout: 120_000 });

let t: TestApp;
let manager: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  t = await createTestApp();
  manager = await StaffFactory(t.platform, 'manager');
}, 300_000);
afterAll(async () => t?.close());

const url = '/api/v1/marketing/sequences/declined_service';
const french = {
  language: 'fr',
  steps: [
    { waitDays: 5, subject: '{{pet}} et {{service}}', text: 'Bonjour {{firstName}}, nous avions proposé {{service}} pour {{pet}}. Réservez sur {{link}}' },
    { waitDays: 20, subject: 'Toujours là pour {{pet}}', text: 'Bonjour {{firstName}}, {{service}} pour {{pet}} attend toujours.' },
  ],
};

describe('sequence texts, per language, with preview', () => {
  it('previews the texts given as a sample owner would read them, without saving', async () => {
    const res = await t.app.inject({ method: 'POST', url: `${url}/preview`, headers: manager.auth, payload: french });
    expect(res.statusCode).toBe(200);
    const preview = json(res);
    expect(preview.steps.map((s: { subject: string }) => s.subject)).toEqual(['Toby et un détartrage', 'Toujours là pour Toby']);
    expect(preview.steps[0].text).toContain('Bonjour Anne, nous avions proposé un détartrage pour Toby. Réservez sur http://localhost:3000/book');
    expect(preview.steps.map((s: { waitDays: number }) => s.waitDays)).toEqual([5, 20]);
    const listed = json(await t.app.inject({ method: 'GET', url: '/api/v1/marketing/sequences', headers: manager.auth }));
    expect(listed.find((s: { key: string }) => s.key === 'declined_service').steps[0].content.fr).toBeUndefined();
  });

  it('saves one language and leaves the others as they were; an emptied language falls back to the clinic’s', async () => {
    const saved = await t.app.inject({ method: 'PUT', url: `${url}/texts`, headers: manager.auth, payload: french });
    expect(saved.statusCode).toBe(200);
    const steps = json(await t.app.inject({ method: 'GET', url: '/api/v1/marketing/sequences', headers: manager.auth })).find(
      (s: { key: string }) => s.key === 'declined_service',
    ).steps;
    expect(steps.map((s: { waitDays: number }) => s.waitDays)).toEqual([5, 20]);
    expect(steps[0].content.fr).toMatchObject({ subject: '{{pet}} et {{service}}', html: '' });
    expect(steps[0].content.es.subject).toBe('{{pet}} y su {{service}}');

    // An empty text takes the language out again: Spanish (the clinic's) then speaks for it.
    const cleared = { language: 'fr', steps: [{ waitDays: 5, subject: '', text: '' }, french.steps[1]] };
    expect((await t.app.inject({ method: 'PUT', url: `${url}/texts`, headers: manager.auth, payload: cleared })).statusCode).toBe(200);
    const preview = json(await t.app.inject({ method: 'POST', url: `${url}/preview`, headers: manager.auth, payload: cleared }));
    expect(preview.steps[0]).toMatchObject({ language: 'es', subject: 'Toby y su un détartrage' });
  });

  it('refuses an unclosed placeholder, another number of steps, a step left with no language, and anyone but a manager', async () => {
    const put = (payload: Record<string, unknown>, auth = manager.auth) => t.app.inject({ method: 'PUT', url: `${url}/texts`, headers: auth, payload });
    const unclosed = await put({ language: 'de', steps: [french.steps[0], { waitDays: 1, subject: 'x', text: 'Hallo {{firstName' }] });
    expect(unclosed.statusCode).toBe(422);
    expect(json(unclosed).error).toMatchObject({ code: 'marketing.bad_template' });
    expect(JSON.stringify(json(unclosed).error)).toContain('steps.1.text');
    const fewer = await put({ language: 'de', steps: [french.steps[0]] });
    expect(fewer.statusCode).toBe(422);
    expect(json(fewer).error.code).toBe('marketing.steps_changed');
    // The pet-birthday sequence has one step, in Spanish and English; emptying both leaves it with nothing to say.
    const birthday = '/api/v1/marketing/sequences/pet_birthday/texts';
    const empty = { steps: [{ waitDays: 0, subject: '', text: '' }] };
    expect((await t.app.inject({ method: 'PUT', url: birthday, headers: manager.auth, payload: { ...empty, language: 'en' } })).statusCode).toBe(200);
    const none = await t.app.inject({ method: 'PUT', url: birthday, headers: manager.auth, payload: { ...empty, language: 'es' } });
    expect(none.statusCode).toBe(422);
    expect(json(none).error.code).toBe('marketing.step_without_text');
    expect((await put({ ...french, language: 'xx' })).statusCode).toBe(422);
    const desk = await StaffFactory(t.platform, 'receptionist');
    expect((await put(french, desk.auth)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/marketing/sequences/nope/texts', headers: manager.auth, payload: french })).statusCode).toBe(422);
  });

  it('shows the editor in the chosen language with the preview, read back by htmlparser2', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/admin/marketing/sequences/declined_service?lang=fr', headers: manager.auth });
    expect(res.statusCode).toBe(200);
    const document = parseDocument(res.body);
    const field = (name: string) => DomUtils.findOne((e) => e.attribs.name === name, document.children);
    expect(
      field('steps.1.text')
        ?.children.map((c) => DomUtils.textContent(c))
        .join(''),
    ).toBe(french.steps[1].text);
    expect(field('steps.1.waitDays')?.attribs.value).toBe('20');
    expect(field('language')?.attribs.value).toBe('fr');
    const previews = DomUtils.getElementsByTagName('article', document);
    expect(previews.map((a) => [a.attribs.lang, DomUtils.textContent(DomUtils.getElementsByTagName('h3', a)[0]!).trim()])).toEqual([
      ['es', 'Paso 1 · Toby y su un détartrage'],
      ['fr', 'Paso 2 · Toujours là pour Toby'],
    ]);
  });
});
