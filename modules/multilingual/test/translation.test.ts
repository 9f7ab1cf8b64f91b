import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { outbox } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multilingualModule } from '../src/index';
import { languages, translationCache, translations } from '../src/multilingual.tables';
import type { MultilingualServices } from '../src/services';
import { scriptedTranslator, useTranslator } from '../src/testing';
import { sha256 } from '../src/translation.service';

let platform: TestPlatform;
let s: MultilingualServices;
let vet: Awaited<ReturnType<typeof StaffFactory>>;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
const translator = scriptedTranslator({
  'es>en:Croquetas para perro adulto': 'Adult dog kibble',
  'es>en:Alimento completo con pollo.': 'Complete food with chicken.',
  'es>fr:Croquetas para perro adulto': 'Croquettes pour chien adulte',
});

const product = (objectId: number, name = 'Croquetas para perro adulto', description = 'Alimento completo con pollo.') => ({
  contentType: 'store.product',
  objectId,
  fields: { name, description },
});
const rowsOf = (objectId: number) => platform.ctx.db.select().from(translations).where(eq(translations.objectId, objectId));

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, multilingualModule], { now: '2026-03-10T16:00:00Z' });
  s = platform.services.multilingual;
  await s.languages.seedCoreLanguages();
  useTranslator(platform, translator);
  vet = await StaffFactory(platform, 'veterinarian', { name: 'Dra. Ana Ruiz' });
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

describe('languages', () => {
  it('seeds the five core languages once, active, in order', async () => {
    await s.languages.seedCoreLanguages();
    const list = await s.languages.getAvailableLanguages();
    expect(list.map((l) => [l.code, l.nativeName, l.isCore])).toEqual([
      ['es', 'Español', true],
      ['en', 'English', true],
      ['de', 'Deutsch', true],
      ['fr', 'Français', true],
      ['it', 'Italiano', true],
    ]);
  });

  it('lets a manager add a content language; others are refused; bad or repeated codes are 422 on the field', async () => {
    await expect(s.languages.addLanguage(vet.actor, { code: 'pt', name: 'Portuguese', nativeName: 'Português' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      s.languages.addLanguage((await OwnerFactory(platform)).actor, { code: 'pt', name: 'Portuguese', nativeName: 'Português' }),
    ).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.languages.addLanguage(manager.actor, { code: 'Portugués', name: 'Portuguese', nativeName: 'Português' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'code' }],
    });
    const pt = await s.languages.addLanguage(manager.actor, { code: 'pt-br', name: 'Portuguese (Brazil)', nativeName: 'Português' });
    expect(pt).toMatchObject({ code: 'pt-BR', isCore: false, isActive: true, order: 6 });
    await expect(s.languages.addLanguage(manager.actor, { code: 'pt-BR', name: 'x', nativeName: 'x' })).rejects.toMatchObject({
      statusCode: 422,
      code: 'multilingual.language_exists',
      fields: [{ field: 'code' }],
    });
    expect((await platform.ctx.db.select().from(languages)).length).toBe(6);
    // Its content can then be filled by AI translation.
    const done = await s.translation.translateObject(manager.actor, product(900), 'pt-BR');
    expect(done.fields.name).toEqual({ text: '[pt-BR] Croquetas para perro adulto', status: 'translated' });
  });

  it("reads and sets a person's language through accounts", async () => {
    const owner = await OwnerFactory(platform, { language: 'de' });
    expect(await s.languages.getUserLanguage(owner.user.id)).toBe('de');
    expect(await s.languages.setUserLanguage(owner.actor, 'fr')).toBe('fr');
    expect(await s.languages.getUserLanguage(owner.user.id)).toBe('fr');
    await expect(s.languages.setUserLanguage(owner.actor, 'xx')).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'language' }] });
    expect(await s.languages.getUserLanguage(owner.user.id)).toBe('fr');
    expect(await s.languages.getUserLanguage('00000000-0000-4000-8000-000000000000')).toBe('es');
    // Staff choose theirs too.
    expect(await s.languages.setUserLanguage(manager.actor, 'it')).toBe('it');
    expect(await s.languages.getUserLanguage(manager.user.id)).toBe('it');
  });
});

describe('free text through the cache', () => {
  it('asks the translator once, then answers from the cache until CACHE_TTL_DAYS pass', async () => {
    const before = translator.calls.length;
    const first = await s.translation.translate('¿Tu perro ya tiene su vacuna antirrábica?', 'en', 'es');
    expect(first).toEqual({ text: '[en] ¿Tu perro ya tiene su vacuna antirrábica?', status: 'translated', sourceLanguage: 'es', targetLanguage: 'en' });
    const second = await s.translation.translate('¿Tu perro ya tiene su vacuna antirrábica?', 'en', 'es');
    expect(second.status).toBe('cached');
    expect(translator.calls.length).toBe(before + 1);
    expect(await s.translation.getCachedTranslation(sha256('¿Tu perro ya tiene su vacuna antirrábica?'), 'en')).toBe(
      '[en] ¿Tu perro ya tiene su vacuna antirrábica?',
    );
    expect(await s.translation.getCachedTranslation(sha256('¿Tu perro ya tiene su vacuna antirrábica?'), 'de')).toBeNull();

    platform.clock.advance(29 * 86_400_000);
    expect((await s.translation.translate('¿Tu perro ya tiene su vacuna antirrábica?', 'en', 'es')).status).toBe('cached');
    platform.clock.advance(1 * 86_400_000 + 1000);
    expect(await s.translation.getCachedTranslation(sha256('¿Tu perro ya tiene su vacuna antirrábica?'), 'en')).toBeNull();
    expect((await s.translation.translate('¿Tu perro ya tiene su vacuna antirrábica?', 'en', 'es')).status).toBe('translated');
    expect(translator.calls.length).toBe(before + 2);
    platform.clock.set('2026-03-10T16:00:00Z');
  });

  it('detects the source when not given, and returns the text as is in the same language', async () => {
    expect(await s.translation.translate('hola, quiero agendar una cita para mi perro', 'es')).toMatchObject({
      status: 'same_language',
      sourceLanguage: 'es',
      text: 'hola, quiero agendar una cita para mi perro',
    });
    expect(await s.translation.translate('hi, can I book a vaccine for my cat tomorrow?', 'es')).toMatchObject({
      status: 'translated',
      sourceLanguage: 'en',
      text: '[es] hi, can I book a vaccine for my cat tomorrow?',
    });
  });

  it('says so when no translator is connected, and rejects bad input with 422', async () => {
    useTranslator(platform, null);
    try {
      expect(await s.translation.translate('Horario: lunes a sábado', 'de', 'es')).toEqual({
        text: 'Horario: lunes a sábado',
        status: 'no_translator',
        sourceLanguage: 'es',
        targetLanguage: 'de',
      });
    } finally {
      useTranslator(platform, translator);
    }
    await expect(s.translation.translate('', 'en')).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'text' }] });
    await expect(s.translation.translate('Hola', 'klingon')).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'targetLanguage' }] });
    await expect(s.translation.translate('Hola', 'nl')).rejects.toMatchObject({
      statusCode: 422,
      code: 'multilingual.language_unknown',
      fields: [{ field: 'targetLanguage' }],
    });
  });
});

describe('object translations and review', () => {
  it('stores AI translations for review, marked and with their source, and raises translation_created', async () => {
    const done = await s.translation.translateObject(vet.actor, product(1), 'en');
    expect(done.fields).toEqual({
      name: { text: 'Adult dog kibble', status: 'translated' },
      description: { text: 'Complete food with chicken.', status: 'translated' },
    });
    const rows = await rowsOf(1);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.fieldName === 'name')).toMatchObject({
      language: 'en',
      isAiGenerated: true,
      reviewedAt: null,
      sourceText: 'Croquetas para perro adulto',
      sourceHash: sha256('Croquetas para perro adulto'),
    });
    const raised = await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'multilingual.translation_created'));
    expect(raised.some((e) => (e.payload as { objectId: number }).objectId === 1)).toBe(true);
    // Unchanged source: nothing asked again.
    const calls = translator.calls.length;
    expect((await s.translation.translateObject(vet.actor, product(1), 'en')).fields.name!.status).toBe('current');
    expect(translator.calls.length).toBe(calls);
  });

  it('never overwrites a reviewed translation with an AI one, even when the source changed', async () => {
    await s.translation.translateObject(vet.actor, product(2), 'en');
    const [name] = (await rowsOf(2)).filter((r) => r.fieldName === 'name');
    const reviewed = await s.translation.reviewTranslation(vet.actor, name!.id, { translation: 'Kibble for adult dogs' });
    expect(reviewed).toMatchObject({ translation: 'Kibble for adult dogs', isAiGenerated: false, reviewedBy: vet.user.id });
    expect(reviewed.reviewedAt?.toISOString()).toBe('2026-03-10T16:00:00.000Z');

    const again = await s.translation.translateObject(
      vet.actor,
      product(2, 'Croquetas premium para perro adulto', 'Alimento completo con pollo y arroz.'),
      'en',
    );
    expect(again.fields.name).toEqual({ text: 'Kibble for adult dogs', status: 'kept_reviewed', stale: true });
    expect(again.fields.description).toEqual({ text: '[en] Alimento completo con pollo y arroz.', status: 'translated' });
    const after = await rowsOf(2);
    expect(after.find((r) => r.fieldName === 'name')).toMatchObject({
      translation: 'Kibble for adult dogs',
      isAiGenerated: false,
      sourceText: 'Croquetas para perro adulto',
    });
    expect(after.find((r) => r.fieldName === 'description')).toMatchObject({ isAiGenerated: true, sourceText: 'Alimento completo con pollo y arroz.' });
  });

  it('approves as is, keeping it AI-made, records who and when, and raises translation_reviewed', async () => {
    await s.translation.translateObject(vet.actor, product(3), 'fr');
    const [name] = (await rowsOf(3)).filter((r) => r.fieldName === 'name');
    const approved = await s.translation.reviewTranslation(manager.actor, name!.id);
    expect(approved).toMatchObject({ translation: 'Croquettes pour chien adulte', isAiGenerated: true, reviewedBy: manager.user.id });
    const raised = await platform.ctx.db.select().from(outbox).where(eq(outbox.name, 'multilingual.translation_reviewed'));
    expect(raised.map((e) => e.payload)).toContainEqual(expect.objectContaining({ translationId: name!.id, edited: false, reviewedBy: manager.user.id }));
  });

  it('lists pending and reviewed translations by language, with the reviewer', async () => {
    const pending = await s.translation.listTranslations(vet.actor, { language: 'en', status: 'pending_review' });
    expect(pending.items.every((r) => r.language === 'en' && r.reviewedAt === null)).toBe(true);
    expect(pending.items.map((r) => `${r.objectId}:${r.fieldName}`)).toEqual(expect.arrayContaining(['1:name', '1:description', '2:description']));
    const reviewed = await s.translation.listTranslations(vet.actor, { language: 'en', status: 'reviewed' });
    expect(reviewed.items.map((r) => [r.objectId, r.fieldName, r.reviewerName])).toEqual([[2, 'name', 'Dra. Ana Ruiz']]);
    expect(reviewed.counts.reviewed).toBe(1);
    const all = await s.translation.listTranslations(vet.actor, { status: 'all', pageSize: 2 });
    expect(all).toMatchObject({ page: 1, hasNext: true });
  });

  it("saves a person's translation as reviewed and human, replacing an AI one", async () => {
    await s.translation.translateObject(vet.actor, product(4), 'en');
    const saved = await s.translation.saveTranslation(vet.actor, {
      contentType: 'store.product',
      objectId: 4,
      fieldName: 'name',
      language: 'en',
      translation: 'Dry food, adult dogs',
    });
    expect(saved).toMatchObject({
      translation: 'Dry food, adult dogs',
      isAiGenerated: false,
      reviewedBy: vet.user.id,
      sourceText: 'Croquetas para perro adulto',
    });
    const fresh = await s.translation.saveTranslation(vet.actor, {
      contentType: 'store.category',
      objectId: 7,
      fieldName: 'name',
      language: 'de',
      translation: 'Hundefutter',
      sourceText: 'Alimento para perro',
    });
    expect(fresh).toMatchObject({ sourceHash: sha256('Alimento para perro'), reviewedAt: expect.any(Date) });
  });

  it('refuses owners and guests (403/401) and changes nothing', async () => {
    const owner = await OwnerFactory(platform);
    const [row] = await rowsOf(1);
    await expect(s.translation.translateObject(owner.actor, product(5), 'en')).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.translation.reviewTranslation(owner.actor, row!.id, { translation: 'hacked' })).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      s.translation.saveTranslation(owner.actor, { contentType: 'store.product', objectId: 5, fieldName: 'name', language: 'en', translation: 'x' }),
    ).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.translation.listTranslations(owner.actor, {})).rejects.toMatchObject({ statusCode: 403 });
    await expect(s.translation.listTranslations({ kind: 'anonymous', language: 'es' }, {})).rejects.toMatchObject({ statusCode: 401 });
    expect(await rowsOf(5)).toHaveLength(0);
    expect((await rowsOf(1)).find((r) => r.id === row!.id)!.translation).toBe(row!.translation);
  });

  it('rejects bad input with 422 naming the field and stores nothing', async () => {
    const count = async () => (await platform.ctx.db.select().from(translations)).length;
    const before = await count();
    await expect(s.translation.translateObject(vet.actor, { ...product(6), contentType: 'producto' }, 'en')).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'contentType' }],
    });
    await expect(s.translation.translateObject(vet.actor, { ...product(6), objectId: -1 }, 'en')).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'objectId' }],
    });
    await expect(s.translation.translateObject(vet.actor, product(6), 'nl')).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'targetLanguage' }] });
    await expect(s.translation.translateObject(vet.actor, product(6), 'es')).rejects.toMatchObject({ statusCode: 422, code: 'multilingual.same_language' });
    await expect(
      s.translation.saveTranslation(vet.actor, { contentType: 'store.product', objectId: 6, fieldName: 'name', language: 'en', translation: '   ' }),
    ).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'translation' }] });
    await expect(
      s.translation.saveTranslation(vet.actor, { contentType: 'store.product', objectId: 6, fieldName: 'bad field', language: 'en', translation: 'x' }),
    ).rejects.toMatchObject({ statusCode: 422, fields: [{ field: 'fieldName' }] });
    const [row] = await rowsOf(1);
    await expect(s.translation.reviewTranslation(vet.actor, row!.id, { translation: '' })).rejects.toMatchObject({
      statusCode: 422,
      fields: [{ field: 'translation' }],
    });
    await expect(s.translation.reviewTranslation(vet.actor, 999_999, {})).rejects.toMatchObject({ statusCode: 404 });
    expect(await count()).toBe(before);
    expect((await rowsOf(1)).find((r) => r.id === row!.id)!.reviewedAt).toBeNull();
  });

  it('a failing translator is a 503 and nothing is stored or cached', async () => {
    useTranslator(platform, {
      translate: async () => {
        throw new Error('rate limited');
      },
    });
    try {
      await expect(s.translation.translateObject(vet.actor, product(9), 'de')).rejects.toMatchObject({
        statusCode: 503,
        code: 'multilingual.translator_unavailable',
      });
      await expect(s.translation.translate('Vacuna de refuerzo', 'de', 'es')).rejects.toMatchObject({ statusCode: 503 });
      useTranslator(platform, { translate: async () => ['solo uno'] });
      await expect(s.translation.translateObject(vet.actor, product(9), 'de')).rejects.toMatchObject({ statusCode: 503 });
      expect(await rowsOf(9)).toHaveLength(0);
      expect(await s.translation.getCachedTranslation(sha256('Vacuna de refuerzo'), 'de')).toBeNull();
    } finally {
      useTranslator(platform, translator);
    }
  });

  it('without a translator stores nothing and gives the source back', async () => {
    useTranslator(platform, null);
    try {
      const done = await s.translation.translateObject(vet.actor, product(8), 'it');
      expect(done.fields.name).toEqual({ text: 'Croquetas para perro adulto', status: 'no_translator' });
      expect(await rowsOf(8)).toHaveLength(0);
    } finally {
      useTranslator(platform, translator);
    }
  });
});

describe('localized reads for pages', () => {
  it('gives the translation per object and field in one query; what is missing falls back to the Spanish source', async () => {
    await s.translation.saveTranslation(vet.actor, {
      contentType: 'store.service',
      objectId: 11,
      fieldName: 'name',
      language: 'en',
      translation: 'Vaccination',
      sourceText: 'Vacunación',
    });
    await s.translation.saveTranslation(vet.actor, { contentType: 'store.service', objectId: 12, fieldName: 'name', language: 'de', translation: 'Impfung' });
    await s.translation.translateObject(vet.actor, { contentType: 'store.service', objectId: 12, fields: { description: 'Baño y corte' } }, 'en');
    const rows = [
      { id: 11, name: 'Vacunación', description: 'Aplicación de vacunas' },
      { id: 12, name: 'Estética', description: 'Baño y corte' },
      { id: 13, name: 'Consulta', description: 'Revisión general' },
    ];
    const map = await s.translation.localized(
      'store.service',
      rows.map((r) => r.id),
      ['name', 'description'],
      'en',
    );
    const { translateField } = await import('../src/helpers');
    expect(rows.map((r) => [translateField(r, 'name', map), translateField(r, 'description', map)])).toEqual([
      ['Vaccination', 'Aplicación de vacunas'],
      ['Estética', '[en] Baño y corte'],
      ['Consulta', 'Revisión general'],
    ]);
    const reviewedOnly = await s.translation.localized('store.service', [12], ['description'], 'en', { reviewedOnly: true });
    expect(reviewedOnly.size).toBe(0);
    expect((await s.translation.localized('store.service', [11, 12], ['name'], 'es')).size).toBe(0);
    expect((await s.translation.localized('store.service', [], ['name'], 'en')).size).toBe(0);
  });

  it('renders the helper component with the language the text is really in', async () => {
    const { TranslatedField } = await import('../src/helpers');
    const map = new Map([[11, { name: 'Vaccination' }]]);
    expect(String(TranslatedField({ row: { id: 11, name: 'Vacunación' }, field: 'name', localized: map, lang: 'en' }))).toBe(
      '<span lang="en">Vaccination</span>',
    );
    expect(String(TranslatedField({ row: { id: 13, name: 'Consulta' }, field: 'name', localized: map, lang: 'en' }))).toBe('<span lang="es">Consulta</span>');
  });
});

describe('AI tools', () => {
  it('offers detect_language to anyone and translate_text to staff only', async () => {
    const owner = await OwnerFactory(platform);
    const names = (actor: Parameters<typeof platform.ctx.tools.getToolsForUser>[0]) => platform.ctx.tools.getToolsForUser(actor).map((t) => t.function.name);
    expect(names(owner.actor)).toContain('detect_language');
    expect(names(owner.actor)).not.toContain('translate_text');
    expect(names(vet.actor)).toContain('translate_text');
    expect(await platform.ctx.tools.executeTool('detect_language', { text: 'Hallo, mein Hund frisst nicht' }, owner.actor)).toMatchObject({
      ok: true,
      data: { language: 'de' },
    });
    expect(await platform.ctx.tools.executeTool('translate_text', { text: 'Hola', targetLanguage: 'en' }, owner.actor)).toMatchObject({
      ok: false,
      error: { code: 'tools.not_allowed' },
    });
    expect(
      await platform.ctx.tools.executeTool('translate_text', { text: 'Buenos días', targetLanguage: 'it', sourceLanguage: 'es' }, vet.actor),
    ).toMatchObject({ ok: true, data: { text: '[it] Buenos días', status: 'translated' } });
  });
});

void translationCache;
