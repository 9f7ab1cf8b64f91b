import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { anonymous } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiAssistantSettings } from '../src/ai-assistant.settings';
import { knowledgeBase } from '../src/ai-assistant.tables';
import { aiAssistantModule } from '../src/index';
import type { AiAssistantServices } from '../src/services';
import { KnowledgeEntryFactory } from '../src/testing';

let platform: TestPlatform;
let s: AiAssistantServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let owner: Awaited<ReturnType<typeof OwnerFactory>>;
const guest = anonymous('es');
const titlesOf = (r: { items: { title: string }[] }) => r.items.map((e) => e.title);
const total = async () => Number((await platform.ctx.db.select({ n: count() }).from(knowledgeBase))[0]!.n);

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, omnichannelModule, multilingualModule, aiAssistantModule]);
  s = platform.services['ai-assistant'];
  await s.knowledge.seedKnowledgeBase();
  vet = await StaffFactory(platform, 'veterinarian');
  owner = await OwnerFactory(platform);
});
afterAll(async () => platform?.close());

describe('settings', () => {
  it('validates the AI_ASSISTANT block with the spec defaults', () => {
    expect(aiAssistantSettings.parse({})).toMatchObject({
      PROVIDER: 'openrouter',
      API_KEY: null,
      MAX_TOKENS: 4096,
      TEMPERATURE: 0.7,
      KNOWLEDGE_BASE_ENABLED: true,
      CONVERSATION_TTL_HOURS: 24,
    });
    expect(aiAssistantSettings.parse({ TEMPERATURE: '0.2', KNOWLEDGE_BASE_ENABLED: 'false', API_KEY: '' })).toMatchObject({
      TEMPERATURE: 0.2,
      KNOWLEDGE_BASE_ENABLED: false,
      API_KEY: null,
    });
    expect(aiAssistantSettings.safeParse({ TEMPERATURE: 3 }).success).toBe(false);
    expect(aiAssistantSettings.safeParse({ PROVIDER: 'skynet' }).success).toBe(false);
  });
});

describe('seed', () => {
  it('seeds the FAQ in Spanish and English once', async () => {
    const before = await total();
    expect(before).toBeGreaterThanOrEqual(24);
    expect(await s.knowledge.seedKnowledgeBase()).toBe(0);
    expect(await total()).toBe(before);
    const langs = await platform.ctx.db.select({ language: knowledgeBase.language, n: count() }).from(knowledgeBase).groupBy(knowledgeBase.language);
    expect(Object.fromEntries(langs.map((l) => [l.language, Number(l.n)]))).toMatchObject({ es: 12, en: 12 });
  });
});

describe('search', () => {
  it('folds accents and forgives typos', async () => {
    expect(titlesOf(await s.knowledge.search(guest, { query: 'vacunacion' }))[0]).toMatch(/vacunación/i);
    expect(titlesOf(await s.knowledge.search(guest, { query: 'esterilizasion' }))).toContain('Preparación para la esterilización');
    expect(titlesOf(await s.knowledge.search(guest, { query: 'HORARIO de atencion' }))[0]).toBe('Horario de atención');
  });

  it('stems Spanish words: "vacunas" finds vaccination', async () => {
    expect(titlesOf(await s.knowledge.search(guest, { query: 'vacunas' }))).toContain('Calendario de vacunación para cachorros y gatitos');
    expect(titlesOf(await s.knowledge.search(guest, { query: 'facturar' }))).toContain('Formas de pago y facturación (CFDI)');
  });

  it('finds differently worded questions: the clinic’s synonyms, stemmed, with or without accents and typos', async () => {
    // None of these words is in the entry it should find: the synonym groups bring them there.
    const first = async (query: string, language?: string) => titlesOf(await s.knowledge.search(guest, { query, language }))[0];
    expect(await first('¿Cuándo le ponen la inyección a mi cachorro?')).toBe('Calendario de vacunación para cachorros y gatitos');
    expect(await first('inyecciones')).toBe('Calendario de vacunación para cachorros y gatitos');
    expect(titlesOf(await s.knowledge.search(guest, { query: 'turno' }))).toContain('Qué llevar a la primera consulta');
    expect(titlesOf(await s.knowledge.search(guest, { query: 'mi gato tiene parasitos' }))).toContain('Desparasitación interna y externa');
    expect(await first('operar a mi perrita para que no tenga crías')).toBe('Preparación para la esterilización');
    expect(await first('my puppy needs a jab', 'en')).toBe('Vaccination schedule for puppies and kittens');
    // Typos still reach the title by trigrams; a word of no group finds nothing new.
    expect(await first('desparacitacion')).toBe('Desparasitación interna y externa');
    expect(titlesOf(await s.knowledge.search(guest, { query: 'astronauta' }))).toEqual([]);
  });

  it('answers an English reader from the English entries', async () => {
    const found = await s.knowledge.search(anonymous('en'), { query: 'vaccines for my puppy' });
    expect(found).toMatchObject({ language: 'en', fallback: false });
    expect(found.items[0]!.title).toBe('Vaccination schedule for puppies and kittens');
    expect(found.items.every((e) => e.language === 'en')).toBe(true);
    expect(titlesOf(await s.knowledge.search(guest, { query: 'opening hours', language: 'en' }))[0]).toBe('Opening hours');
  });

  it('gives a German reader the Spanish entries when there are no German ones', async () => {
    const found = await s.knowledge.search(anonymous('de'), { query: 'rabia' });
    expect(found).toMatchObject({ language: 'es', fallback: true });
    expect(found.items.length).toBeGreaterThan(0);
    expect((await s.knowledge.categories(anonymous('de'))).language).toBe('es');
  });

  it('filters by category and hides inactive and staff-only entries from owners and guests', async () => {
    const store = await s.knowledge.search(guest, { query: '', category: 'store', limit: 20 });
    expect(store.items.length).toBe(3);
    expect(store.items.every((e) => e.category === 'store')).toBe(true);
    await KnowledgeEntryFactory(platform, { title: 'Protocolo interno de vacunación del personal', isPublic: false, keywords: ['vacunas'] });
    await KnowledgeEntryFactory(platform, { title: 'Vacunación antigua retirada', isActive: false });
    const forOwner = titlesOf(await s.knowledge.search(owner.actor, { query: 'vacunacion', limit: 20 }));
    expect(forOwner).not.toContain('Protocolo interno de vacunación del personal');
    expect(forOwner).not.toContain('Vacunación antigua retirada');
    expect(titlesOf(await s.knowledge.search(guest, { query: 'vacunacion', limit: 20 }))).not.toContain('Protocolo interno de vacunación del personal');
    const forStaff = titlesOf(await s.knowledge.search(vet.actor, { query: 'vacunacion', limit: 20 }));
    expect(forStaff).toContain('Protocolo interno de vacunación del personal');
    expect(forStaff).not.toContain('Vacunación antigua retirada');
  });

  it('refuses bad search input with 422 naming the field', async () => {
    await expect(s.knowledge.search(guest, { query: 'x', limit: 500 })).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'limit' }] });
    await expect(s.knowledge.search(guest, { query: 'x', language: 'xx' })).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'language' }] });
  });
});

describe('entries', () => {
  it('reads an entry by slug in the reader language and counts views', async () => {
    const first = await s.knowledge.getEntry(guest, 'horario-de-atencion');
    const second = await s.knowledge.getEntry(owner.actor, 'horario-de-atencion');
    expect(second.viewCount).toBe(first.viewCount + 1);
    expect((await s.knowledge.getEntry(anonymous('en'), 'opening-hours')).title).toBe('Opening hours');
    expect((await s.knowledge.getEntry(guest, first.id)).id).toBe(first.id);
    const hidden = await KnowledgeEntryFactory(platform, { title: 'Solo personal', isPublic: false });
    await expect(s.knowledge.getEntry(owner.actor, hidden.slug)).rejects.toMatchObject({ statusCode: 404 });
    await expect(s.knowledge.getEntry(guest, 'no-existe')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('counts helpful and not helpful votes', async () => {
    const entry = await s.knowledge.getEntry(guest, 'urgencias');
    await s.knowledge.markHelpful(guest, entry.id, true);
    await s.knowledge.markHelpful(owner.actor, entry.id, { helpful: 'true' });
    const after = await s.knowledge.markHelpful(guest, entry.id, { helpful: false });
    expect(after).toEqual({ helpfulCount: entry.helpfulCount + 2, notHelpfulCount: entry.notHelpfulCount + 1 });
    await expect(s.knowledge.markHelpful(guest, 999_999, true)).rejects.toMatchObject({ statusCode: 404 });
    await expect(s.knowledge.markHelpful(guest, entry.id, { helpful: 'maybe' })).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'helpful' }] });
  });

  it('lets staff add, update and list entries; the slug comes from the title', async () => {
    const added = await s.knowledge.addEntry(vet.actor, {
      title: 'Cuidado dental en casa',
      category: 'care',
      content: 'Cepilla los dientes de tu perro tres veces por semana con pasta veterinaria.',
      keywords: 'dientes, sarro',
      language: 'es',
    });
    expect(added).toMatchObject({ slug: 'cuidado-dental-en-casa', keywords: ['dientes', 'sarro'], isPublic: true, isActive: true });
    expect(titlesOf(await s.knowledge.search(owner.actor, { query: 'sarro' }))).toContain('Cuidado dental en casa');
    const updated = await s.knowledge.updateEntry(vet.actor, added.id, { title: 'Cuidado dental en casa para perros y gatos', isPublic: false });
    expect(updated).toMatchObject({ slug: 'cuidado-dental-en-casa', isPublic: false });
    expect(titlesOf(await s.knowledge.search(owner.actor, { query: 'sarro' }))).not.toContain('Cuidado dental en casa para perros y gatos');
    const list = await s.knowledge.listEntries(vet.actor, { category: 'care' });
    expect(list.items.map((e) => e.id)).toContain(added.id);
    const page1 = await s.knowledge.listEntries(vet.actor, { pageSize: 5 });
    expect(page1).toMatchObject({ page: 1, hasNext: true });
    expect(page1.items).toHaveLength(5);
    expect((await s.knowledge.listEntries(vet.actor, { query: 'horario' })).items.map((e) => e.slug)).toContain('horario-de-atencion');
  });

  it('refuses writes from owners and guests with 403/401 and stores nothing', async () => {
    const before = await total();
    await expect(s.knowledge.addEntry(owner.actor, { title: 'Hola', category: 'clinic', content: 'x' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.knowledge.addEntry(guest, { title: 'Hola', category: 'clinic', content: 'x' })).rejects.toMatchObject({ statusCode: 401 });
    const entry = await s.knowledge.getEntry(guest, 'devoluciones');
    await expect(s.knowledge.updateEntry(owner.actor, entry.id, { title: 'Sin devoluciones' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.knowledge.listEntries(owner.actor, {})).rejects.toMatchObject({ statusCode: 403 });
    expect(await total()).toBe(before);
    expect((await s.knowledge.getEntry(guest, 'devoluciones')).title).toBe('Cambios y devoluciones');
  });

  it('refuses bad input with 422 naming the field, storing nothing', async () => {
    const before = await total();
    await expect(s.knowledge.addEntry(vet.actor, { title: '', category: 'clinic', content: 'x' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'title' }],
    });
    await expect(s.knowledge.addEntry(vet.actor, { title: 'Algo', category: 'Mal Código', content: 'x' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'category' }],
    });
    await expect(s.knowledge.addEntry(vet.actor, { title: 'Algo', category: 'clinic', content: 'x', language: 'pt' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'language' }],
    });
    await expect(s.knowledge.addEntry(vet.actor, { title: 'Horario', slug: 'horario-de-atencion', category: 'clinic', content: 'x' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'slug' }],
    });
    await expect(s.knowledge.addEntry(vet.actor, { title: 'Algo', slug: 'No Válido', category: 'clinic', content: 'x' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'slug' }],
    });
    expect(await total()).toBe(before);
    // The same slug in another language is fine.
    expect(
      (
        await s.knowledge.addEntry(vet.actor, {
          title: 'Öffnungszeiten',
          slug: 'horario-de-atencion',
          category: 'clinic',
          content: 'Montag bis Samstag nach Vereinbarung.',
          language: 'de',
        })
      ).language,
    ).toBe('de');
    const [row] = await platform.ctx.db.select().from(knowledgeBase).where(eq(knowledgeBase.language, 'de'));
    expect(row!.title).toBe('Öffnungszeiten');
    // Now a German reader gets the German entry, not the Spanish fallback.
    expect(await s.knowledge.search(anonymous('de'), { query: 'Öffnungszeiten' })).toMatchObject({
      language: 'de',
      fallback: false,
      items: [{ title: 'Öffnungszeiten' }],
    });
  });

  it('offers search_knowledge_base to the assistant as a public tool', async () => {
    expect(platform.ctx.tools.getToolsForUser(guest).map((t) => t.function.name)).toContain('search_knowledge_base');
    const result = await platform.ctx.tools.executeTool('search_knowledge_base', { query: 'fiebre de viaje a Europa microchip' }, guest);
    expect(result).toMatchObject({ ok: true, data: { language: 'es', entries: [{ slug: 'viajar-con-tu-mascota', url: '/help/viajar-con-tu-mascota' }] } });
    expect(await platform.ctx.tools.executeTool('search_knowledge_base', { limit: 0 }, guest)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'limit' }] },
    });
  });
});
