import { accountsModule } from '@petfriendly/accounts';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule, SERVICE, SERVICE_CATEGORY } from '@petfriendly/appointments';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { anonymous, rows } from '@petfriendly/core';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { CATEGORY, PRODUCT, storeModule } from '@petfriendly/store';
import { products } from '@petfriendly/store/tables';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILL_TRANSLATIONS } from '../src/fill-queue';
import { multilingualModule } from '../src/index';
import { translations } from '../src/multilingual.tables';
import type { MultilingualServices } from '../src/services';
import { scriptedTranslator, useTranslator } from '../src/testing';

let platform: TestPlatform;
let s: MultilingualServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let product: Awaited<ReturnType<typeof ProductFactory>>;
let service: Awaited<ReturnType<typeof ServiceFactory>>;

const runFill = (includeDelayed = false) => platform.ctx.jobs.runReady([FILL_TRANSLATIONS], { includeDelayed });
const inLanguage = (language: string) => platform.ctx.db.select().from(translations).where(eq(translations.language, language));
const textOf = async (contentType: string, objectId: number, fieldName: string, language: string) =>
  (
    await platform.ctx.db
      .select()
      .from(translations)
      .where(
        and(
          eq(translations.contentType, contentType),
          eq(translations.objectId, objectId),
          eq(translations.fieldName, fieldName),
          eq(translations.language, language),
        ),
      )
  )[0];
const jobStates = () => rows<{ state: string }>(platform.ctx.db, sql`select state from pgboss.job where name = ${FILL_TRANSLATIONS} order by created_on`);

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, omnichannelModule, multilingualModule, storeModule, appointmentsModule], {
    now: '2026-03-10T16:00:00Z',
  });
  s = platform.services.multilingual;
  await s.languages.seedCoreLanguages();
  manager = await StaffFactory(platform, 'manager');
  product = await ProductFactory(platform, {
    name: 'Croquetas para perro adulto',
    shortDescription: 'Sabor pollo',
    description: 'Alimento completo con pollo.',
  });
  service = await ServiceFactory(platform, { staffIds: [], name: 'Vacunación anual', description: 'Vacuna y revisión general.' });
});
afterAll(async () => platform?.close());

describe('filling content by AI translation', () => {
  it('without a translator the job stores nothing and says so', async () => {
    useTranslator(platform, null);
    expect(await s.translation.fillTranslations(manager.actor, { language: 'en' })).toEqual({ status: 'no_translator' });
    await platform.ctx.jobs.send(FILL_TRANSLATIONS, {});
    expect(await runFill()).toBe(1);
    expect((await jobStates()).map((j) => j.state)).toEqual(['completed']);
    expect(await platform.ctx.db.select().from(translations)).toEqual([]);
  });

  it('adding a language queues the fill; a failing translator stores nothing, and the retry fills products, categories and services as AI drafts', async () => {
    useTranslator(platform, { translate: async () => Promise.reject(new Error('rate limited')) });
    await s.languages.addLanguage(manager.actor, { code: 'pt', name: 'Portuguese', nativeName: 'Português' });
    expect(await runFill()).toBe(1);
    expect((await jobStates()).at(-1)!.state).toBe('retry');
    expect(await platform.ctx.db.select().from(translations)).toEqual([]);

    useTranslator(platform, { translate: async (texts, _source, target) => texts.map((t) => `[${target}] ${t}`) });
    expect(await runFill(true)).toBe(1);
    expect((await jobStates()).at(-1)!.state).toBe('completed');
    const pt = await inLanguage('pt');
    expect(pt.map((r) => `${r.contentType}#${r.objectId}.${r.fieldName}`).sort()).toEqual(
      [
        `${CATEGORY}#${product.category.id}.name`,
        `${PRODUCT}#${product.id}.description`,
        `${PRODUCT}#${product.id}.name`,
        `${PRODUCT}#${product.id}.shortDescription`,
        `${SERVICE}#${service.id}.description`,
        `${SERVICE}#${service.id}.name`,
        `${SERVICE_CATEGORY}#${service.categoryId}.name`,
      ].sort(),
    );
    expect(pt.every((r) => r.isAiGenerated && r.reviewedAt === null)).toBe(true);
    // Only the new language was filled.
    expect(await inLanguage('en')).toEqual([]);

    // Readers in Portuguese see them through the modules' usual reads.
    const store = platform.services.store;
    const appointments = platform.services.appointments;
    expect(await store.products.getProduct(anonymous('pt'), product.id)).toMatchObject({
      name: '[pt] Croquetas para perro adulto',
      shortDescription: '[pt] Sabor pollo',
      description: '[pt] Alimento completo con pollo.',
    });
    expect((await store.products.listCategories('pt')).find((c) => c.id === product.category.id)!.name).toBe(`[pt] ${product.category.name}`);
    expect((await appointments.appointments.listServices(anonymous('pt'))).find((x) => x.id === service.id)).toMatchObject({
      name: '[pt] Vacunación anual',
      description: '[pt] Vacuna y revisión general.',
    });
  });

  it('the nightly run fills every language, keeps reviewed translations and re-translates edited Spanish', async () => {
    const translator = scriptedTranslator();
    useTranslator(platform, translator);
    const name = await textOf(PRODUCT, product.id, 'name', 'pt');
    await s.translation.reviewTranslation(manager.actor, name!.id, { translation: 'Ração para cão adulto' });
    await platform.ctx.db
      .update(products)
      .set({ name: 'Croquetas premium para perro adulto', description: 'Alimento completo con pollo y arroz.' })
      .where(eq(products.id, product.id));

    await platform.ctx.jobs.send(FILL_TRANSLATIONS, {});
    expect(await runFill()).toBe(1);
    expect(await textOf(PRODUCT, product.id, 'name', 'pt')).toMatchObject({ translation: 'Ração para cão adulto', isAiGenerated: false });
    expect(await textOf(PRODUCT, product.id, 'description', 'pt')).toMatchObject({
      translation: '[pt] Alimento completo con pollo y arroz.',
      isAiGenerated: true,
      reviewedAt: null,
    });
    expect((await textOf(PRODUCT, product.id, 'shortDescription', 'pt'))!.translation).toBe('[pt] Sabor pollo');
    // Portuguese asked only for the edited, unreviewed field; the core languages got everything.
    expect(translator.calls.filter((c) => c.target === 'pt')).toEqual([{ texts: ['Alimento completo con pollo y arroz.'], source: 'es', target: 'pt' }]);
    for (const language of ['en', 'de', 'fr', 'it']) expect(await inLanguage(language)).toHaveLength(7);
    expect(await inLanguage('es')).toEqual([]);

    // Nothing changed: the next run asks the translator nothing.
    const before = translator.calls.length;
    await platform.ctx.jobs.send(FILL_TRANSLATIONS, {});
    await runFill();
    expect(translator.calls.length).toBe(before);
  });

  it('a big catalogue is filled in bounded runs, each handing on to the next', async () => {
    useTranslator(platform, scriptedTranslator());
    for (let i = 0; i < 25; i++) await ProductFactory(platform, { categorySlug: product.category.slug, name: `Juguete ${i}` });
    await s.languages.addLanguage(manager.actor, { code: 'nl', name: 'Dutch', nativeName: 'Nederlands' });
    expect(await runFill()).toBeGreaterThan(1);
    const nl = await inLanguage('nl');
    expect(nl.filter((r) => r.contentType === PRODUCT && r.fieldName === 'name')).toHaveLength(26);
    expect(nl.filter((r) => r.contentType === SERVICE)).toHaveLength(2);
  });
});
