import { createHash } from 'node:crypto';
import type { AccountsPort } from '@petfriendly/accounts';
import {
  type Actor,
  containsPattern,
  foldForSearch,
  type ModuleContext,
  NotFoundError,
  pageOf,
  parseInput,
  requireStaff,
  ServiceError,
  ValidationError,
} from '@petfriendly/core';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { detectLanguageOf } from './detect';
import { FILL_BATCH, type FillResult, queueFill } from './fill-queue';
import { activeLanguageCodes } from './language.service';
import { translationCreated, translationReviewed } from './multilingual.events';
import {
  fillTranslationsSchema,
  languageCode,
  listTranslationsSchema,
  reviewTranslationSchema,
  saveTranslationSchema,
  translateObjectSchema,
  translateTextSchema,
} from './multilingual.schemas';
import type { MultilingualSettings } from './multilingual.settings';
import { translationCache, translations } from './multilingual.tables';

/**
 * What translates text: the AI assistant connects one (an LLM); tests connect a scripted one.
 * Returns one translation per text, in order.
 */
export interface Translator {
  translate(texts: string[], source: string, target: string): Promise<string[]>;
}

/** What other modules plug into multilingual (the composition root fills them). */
export interface MultilingualSockets {
  /** Machine translation: the AI assistant's model when one is set up; null until then, and content stays untranslated. */
  translator: Translator | null;
}
export const multilingualSockets: MultilingualSockets = { translator: null };

export type Translation = typeof translations.$inferSelect;

/**
 * What `translate` gives back. `status` says whether `text` is a translation: `translated` (fresh from
 * the translator), `cached`, `same_language` (the text as is), or `no_translator` (the source text as
 * is, because no translator fills the socket or AI translation is off).
 */
export interface TranslateResult {
  text: string;
  status: 'translated' | 'cached' | 'same_language' | 'no_translator';
  sourceLanguage: string;
  targetLanguage: string;
}

/** How each field of `translateObject` ended. */
export type FieldOutcome = { text: string; status: 'translated' | 'kept_reviewed' | 'current' | 'no_translator' | 'empty'; stale?: boolean };

/** The connected translator failed or answered nonsense: nothing was stored; try again later. */
export class TranslatorUnavailableError extends ServiceError {
  override readonly statusCode = 503;
  constructor(reason: string) {
    super('multilingual.translator_unavailable', `The translator is not available right now (${reason}).`);
  }
}

/**
 * Content another module lets the AI fill: its Spanish source texts, `load`ed by id after `afterId`
 * (`limit` objects at most), so a big catalogue is never read at once.
 */
export interface TranslatableContent {
  contentType: string;
  fields: readonly string[];
  load(afterId: number, limit: number): Promise<{ id: number; fields: Record<string, string> }[]>;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const DAY = 86_400_000;

/** TranslationService: free text through the cache, object fields stored for review, and localized reads. */
export function createTranslationService(ctx: ModuleContext, accounts: AccountsPort, settings: MultilingualSettings, sockets: Readonly<MultilingualSockets>) {
  const { db, clock, events } = ctx;
  const contents = new Map<string, TranslatableContent>();
  const canTranslate = () => settings.AI_TRANSLATE_ENABLED && sockets.translator !== null;

  async function requireActive(language: string, field: string) {
    if (!(await activeLanguageCodes(db)).includes(language)) {
      throw ValidationError.forField('multilingual.language_unknown', field, `The language ${language} is not active.`, { language });
    }
  }

  /** Staff write translations; the system (jobs) too. */
  function requireWriter(actor: Actor) {
    if (actor.kind === 'system') return null;
    return requireStaff(actor);
  }

  /** `get_cached_translation`: the cached translation of the text with this hash, if younger than CACHE_TTL_DAYS. */
  async function getCachedTranslation(contentHash: string, targetLanguage: string): Promise<string | null> {
    const since = new Date(clock.now().getTime() - settings.CACHE_TTL_DAYS * DAY);
    const [row] = await db
      .select({ translation: translationCache.translation })
      .from(translationCache)
      .where(and(eq(translationCache.contentHash, contentHash), eq(translationCache.targetLanguage, targetLanguage), gt(translationCache.createdAt, since)));
    return row?.translation ?? null;
  }

  /** Texts through the cache, one translator call for the misses; null without a translator. */
  async function translateMany(texts: string[], source: string, target: string): Promise<{ text: string; cached: boolean }[] | null> {
    const out: ({ text: string; cached: boolean } | null)[] = [];
    for (const text of texts) {
      const hit = settings.CACHE_TRANSLATIONS ? await getCachedTranslation(sha256(text), target) : null;
      out.push(hit === null ? null : { text: hit, cached: true });
    }
    const misses = texts.filter((_, i) => out[i] === null);
    if (misses.length === 0) return out as { text: string; cached: boolean }[];
    if (!canTranslate()) return null;
    let translated: string[];
    try {
      translated = await sockets.translator!.translate(misses, source, target);
    } catch (error) {
      ctx.logger.warn({ err: error }, 'translator failed');
      throw new TranslatorUnavailableError(error instanceof Error ? error.message : 'error');
    }
    if (!Array.isArray(translated) || translated.length !== misses.length || translated.some((t) => typeof t !== 'string')) {
      throw new TranslatorUnavailableError(`${Array.isArray(translated) ? translated.length : 'no'} texts for ${misses.length}`);
    }
    let next = 0;
    for (const [i, text] of texts.entries()) {
      if (out[i] !== null) continue;
      const translation = translated[next++]!;
      out[i] = { text: translation, cached: false };
      if (settings.CACHE_TRANSLATIONS && translation.trim()) {
        await db
          .insert(translationCache)
          .values({ contentHash: sha256(text), sourceLanguage: source, targetLanguage: target, translation, createdAt: clock.now() })
          .onConflictDoUpdate({
            target: [translationCache.contentHash, translationCache.targetLanguage],
            set: { translation, sourceLanguage: source, createdAt: clock.now() },
          });
      }
    }
    return out as { text: string; cached: boolean }[];
  }

  /**
   * `translate`: free text (a chat reply, a message) into `targetLanguage`. The source language is
   * detected when not given. Without a translator the source text comes back with `no_translator`.
   */
  async function translate(text: unknown, targetLanguage: unknown, sourceLanguage?: unknown): Promise<TranslateResult> {
    const data = parseInput(translateTextSchema, { text, targetLanguage, sourceLanguage });
    await requireActive(data.targetLanguage, 'targetLanguage');
    const source = data.sourceLanguage ?? (await detectLanguageOf(data.text, await activeLanguageCodes(db), settings.DEFAULT_LANGUAGE)).language;
    const base = { sourceLanguage: source, targetLanguage: data.targetLanguage };
    if (source === data.targetLanguage) return { text: data.text, status: 'same_language', ...base };
    const [result] = (await translateMany([data.text], source, data.targetLanguage)) ?? [];
    if (!result) return { text: data.text, status: 'no_translator', ...base };
    return { text: result.text, status: result.cached ? 'cached' : 'translated', ...base };
  }

  /**
   * `translate_object`: AI translations of an object's fields (`{ description: 'Croquetas…' }`), stored
   * for review. A reviewed translation is never overwritten (the database checks it too); an
   * unreviewed one whose source is unchanged is kept as is.
   */
  async function translateObject(actor: Actor, input: unknown, targetLanguage: unknown) {
    requireWriter(actor);
    const data = parseInput(translateObjectSchema, input);
    const target = parseInput(languageCode, targetLanguage);
    await requireActive(target, 'targetLanguage');
    const source = data.sourceLanguage ?? settings.DEFAULT_LANGUAGE;
    if (target === source) throw ValidationError.forField('multilingual.same_language', 'targetLanguage', 'The target language is the language of the source.');
    const names = Object.keys(data.fields);
    const existing = await db
      .select()
      .from(translations)
      .where(
        and(
          eq(translations.contentType, data.contentType),
          eq(translations.objectId, data.objectId),
          eq(translations.language, target),
          inArray(translations.fieldName, names),
        ),
      );
    const byField = new Map(existing.map((row) => [row.fieldName, row]));
    const outcome: Record<string, FieldOutcome> = {};
    const todo: string[] = [];
    for (const name of names) {
      const sourceText = data.fields[name]!;
      const row = byField.get(name);
      if (!sourceText.trim()) outcome[name] = { text: '', status: 'empty' };
      else if (row?.reviewedAt) outcome[name] = { text: row.translation, status: 'kept_reviewed', stale: row.sourceHash !== sha256(sourceText) };
      else if (row && row.sourceHash === sha256(sourceText)) outcome[name] = { text: row.translation, status: 'current' };
      else todo.push(name);
    }
    const done = todo.length
      ? await translateMany(
          todo.map((n) => data.fields[n]!),
          source,
          target,
        )
      : [];
    if (done === null) {
      for (const name of todo) outcome[name] = { text: data.fields[name]!, status: 'no_translator' };
    } else if (todo.length) {
      await db.transaction(async (tx) => {
        for (const [i, name] of todo.entries()) {
          const sourceText = data.fields[name]!;
          const values = { translation: done[i]!.text, sourceText, sourceHash: sha256(sourceText), isAiGenerated: true, updatedAt: clock.now() };
          const [row] = await tx
            .insert(translations)
            .values({ contentType: data.contentType, objectId: data.objectId, fieldName: name, language: target, ...values, createdAt: clock.now() })
            .onConflictDoUpdate({
              target: [translations.contentType, translations.objectId, translations.fieldName, translations.language],
              set: values,
              setWhere: isNull(translations.reviewedAt),
            })
            .returning();
          if (row) {
            outcome[name] = { text: row.translation, status: 'translated' };
            await events.emit(tx, translationCreated, {
              translationId: row.id,
              contentType: row.contentType,
              objectId: row.objectId,
              fieldName: row.fieldName,
              language: row.language,
              isAiGenerated: true,
            });
          } else {
            // Reviewed by someone between our read and this write: theirs stays.
            const [kept] = await tx
              .select()
              .from(translations)
              .where(
                and(
                  eq(translations.contentType, data.contentType),
                  eq(translations.objectId, data.objectId),
                  eq(translations.fieldName, name),
                  eq(translations.language, target),
                ),
              );
            outcome[name] = { text: kept!.translation, status: 'kept_reviewed', stale: kept!.sourceHash !== sha256(sourceText) };
          }
        }
      });
    }
    return { contentType: data.contentType, objectId: data.objectId, language: target, fields: outcome };
  }

  /**
   * What a reader sees: for each object, the fields that have a translation in `language`, in ONE
   * query. A field missing from the answer falls back to the Spanish source, which the caller has.
   * Unreviewed AI translations are included unless `reviewedOnly`.
   */
  async function localized(
    contentType: string,
    objectIds: readonly number[],
    fieldNames: readonly string[],
    language: string,
    options: { reviewedOnly?: boolean } = {},
  ): Promise<Map<number, Record<string, string>>> {
    const out = new Map<number, Record<string, string>>();
    if (objectIds.length === 0 || fieldNames.length === 0 || language === settings.DEFAULT_LANGUAGE) return out;
    const rows = await db
      .select({ objectId: translations.objectId, fieldName: translations.fieldName, translation: translations.translation })
      .from(translations)
      .where(
        and(
          eq(translations.contentType, contentType),
          inArray(translations.objectId, [...new Set(objectIds)]),
          inArray(translations.fieldName, [...new Set(fieldNames)]),
          eq(translations.language, language),
          options.reviewedOnly ? isNotNull(translations.reviewedAt) : undefined,
        ),
      );
    for (const row of rows) {
      if (!row.translation.trim()) continue;
      out.set(row.objectId, { ...out.get(row.objectId), [row.fieldName]: row.translation });
    }
    return out;
  }

  /**
   * Objects whose translated fields match a search in the reader's language, accents and case folded,
   * as a substring or by trigram similarity (typos), best match first: how content is found in languages other than Spanish.
   */
  async function findObjects(contentType: string, fieldNames: readonly string[], language: string, query: string, limit = 200): Promise<number[]> {
    const folded = foldForSearch(query.trim());
    if (!folded || language === settings.DEFAULT_LANGUAGE) return [];
    const text = sql`core.f_unaccent(lower(${translations.translation}))`;
    const rows = await db
      .select({ objectId: translations.objectId })
      .from(translations)
      .where(
        and(
          eq(translations.contentType, contentType),
          eq(translations.language, language),
          inArray(translations.fieldName, [...fieldNames]),
          sql`(${text} like ${containsPattern(folded)} or word_similarity(${folded}, ${text}) >= 0.5)`,
        ),
      )
      .groupBy(translations.objectId)
      .orderBy(sql`max(word_similarity(${folded}, ${text})) desc`, translations.objectId)
      .limit(limit);
    return rows.map((r) => r.objectId);
  }

  /** Staff: translations to review (oldest first) or reviewed ones (latest first), by language. */
  async function listTranslations(actor: Actor, input: unknown = {}) {
    requireStaff(actor);
    const q = parseInput(listTranslationsSchema, input);
    const rows = await db
      .select()
      .from(translations)
      .where(
        and(
          q.language ? eq(translations.language, q.language) : undefined,
          q.contentType ? eq(translations.contentType, q.contentType) : undefined,
          q.status === 'pending_review' ? isNull(translations.reviewedAt) : q.status === 'reviewed' ? isNotNull(translations.reviewedAt) : undefined,
        ),
      )
      .orderBy(...(q.status === 'pending_review' ? [asc(translations.createdAt), asc(translations.id)] : [desc(translations.updatedAt), desc(translations.id)]))
      .limit(q.pageSize + 1)
      .offset((q.page - 1) * q.pageSize);
    const items = rows.slice(0, q.pageSize);
    const names = await accounts.directory.namesOf([...new Set(items.map((r) => r.reviewedBy).filter((id): id is string => !!id))]);
    const [counts] = await db
      .select({
        pending: sql<number>`count(*) filter (where ${translations.reviewedAt} is null)`,
        reviewed: sql<number>`count(*) filter (where ${translations.reviewedAt} is not null)`,
      })
      .from(translations)
      .where(q.language ? eq(translations.language, q.language) : undefined);
    return {
      ...pageOf(rows, q),
      counts: { pending: Number(counts?.pending ?? 0), reviewed: Number(counts?.reviewed ?? 0) },
      items: items.map((r) => ({ ...r, reviewerName: r.reviewedBy ? (names.get(r.reviewedBy) ?? null) : null })),
    };
  }

  async function getTranslation(actor: Actor, id: number): Promise<Translation> {
    requireStaff(actor);
    const [row] = await db.select().from(translations).where(eq(translations.id, id));
    if (!row) throw new NotFoundError('multilingual.translation_not_found', 'Translation not found.');
    return row;
  }

  /**
   * Staff approve a translation as it is, or edit it: the reviewer and time are recorded, and an
   * edited text is a person's, no longer the AI's.
   */
  async function reviewTranslation(actor: Actor, id: number, input: unknown = {}): Promise<Translation> {
    const staff = requireStaff(actor);
    const data = parseInput(reviewTranslationSchema, input ?? {});
    return db.transaction(async (tx) => {
      const [row] = await tx.select().from(translations).where(eq(translations.id, id)).for('update');
      if (!row) throw new NotFoundError('multilingual.translation_not_found', 'Translation not found.');
      const edited = data.translation !== undefined && data.translation !== row.translation;
      const [updated] = await tx
        .update(translations)
        .set({
          reviewedBy: staff.userId,
          reviewedAt: clock.now(),
          updatedAt: clock.now(),
          ...(edited ? { translation: data.translation!, isAiGenerated: false } : {}),
        })
        .where(eq(translations.id, id))
        .returning();
      await events.emit(tx, translationReviewed, {
        translationId: id,
        contentType: row.contentType,
        objectId: row.objectId,
        fieldName: row.fieldName,
        language: row.language,
        reviewedBy: staff.userId,
        edited,
      });
      return updated!;
    });
  }

  /** A person writes a translation: stored as reviewed by them, replacing whatever was there. */
  async function saveTranslation(actor: Actor, input: unknown): Promise<Translation> {
    const staff = requireStaff(actor);
    const data = parseInput(saveTranslationSchema, input);
    await requireActive(data.language, 'language');
    const now = clock.now();
    const source = data.sourceText ? { sourceText: data.sourceText, sourceHash: sha256(data.sourceText) } : {};
    const values = { translation: data.translation, isAiGenerated: false, reviewedBy: staff.userId, reviewedAt: now, updatedAt: now };
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(translations)
        .values({
          contentType: data.contentType,
          objectId: data.objectId,
          fieldName: data.fieldName,
          language: data.language,
          sourceText: data.sourceText,
          sourceHash: sha256(data.sourceText),
          ...values,
          createdAt: now,
        })
        .onConflictDoUpdate({
          target: [translations.contentType, translations.objectId, translations.fieldName, translations.language],
          set: { ...values, ...source },
        })
        .returning();
      await events.emit(tx, translationCreated, {
        translationId: row!.id,
        contentType: row!.contentType,
        objectId: row!.objectId,
        fieldName: row!.fieldName,
        language: row!.language,
        isAiGenerated: false,
      });
      return row!;
    });
  }

  /** Modules register the content the AI fills in every language (`fillTranslations`). */
  function registerContent(content: TranslatableContent) {
    if (contents.has(content.contentType)) throw new Error(`Content ${content.contentType} is registered twice`);
    contents.set(content.contentType, content);
  }

  /**
   * One bounded run of filling registered content into `language` (every active language but the
   * source when absent), starting `after` a cursor: `translateObject` per object and language, so
   * current and reviewed translations are kept and stale ones are redone. A translator failure
   * throws (nothing is stored for that object; the job retries); without a translator nothing happens.
   */
  async function fillTranslations(actor: Actor, input: unknown = {}): Promise<FillResult> {
    requireWriter(actor);
    const data = parseInput(fillTranslationsSchema, input ?? {});
    if (!canTranslate()) return { status: 'no_translator' };
    const targets = (await activeLanguageCodes(db)).filter((code) => code !== settings.DEFAULT_LANGUAGE && (!data.language || code === data.language));
    let translated = 0;
    let budget = FILL_BATCH;
    const types = targets.length ? [...contents.keys()].sort().filter((type) => !data.after || type >= data.after.contentType) : [];
    for (const type of types) {
      const content = contents.get(type)!;
      const objects = await content.load(type === data.after?.contentType ? data.after.afterId : 0, budget);
      for (const object of objects) {
        const fields = Object.fromEntries(content.fields.map((name) => [name, object.fields[name] ?? '']));
        for (const target of targets) {
          const done = await translateObject(actor, { contentType: type, objectId: object.id, fields }, target);
          translated += Object.values(done.fields).filter((f) => f.status === 'translated').length;
        }
      }
      budget -= objects.length;
      if (budget === 0) return { status: 'more', translated, next: { contentType: type, afterId: objects.at(-1)!.id } };
    }
    return { status: 'done', translated, next: null };
  }

  /** Managers and admins ask the AI to fill a language's content now (a job); refused without a translator. */
  async function requestFill(actor: Actor, language: unknown) {
    requireStaff(actor, ['manager', 'admin']);
    const code = parseInput(languageCode, language);
    await requireActive(code, 'language');
    if (code === settings.DEFAULT_LANGUAGE)
      throw ValidationError.forField('multilingual.same_language', 'language', 'The target language is the language of the source.');
    if (!canTranslate()) throw new TranslatorUnavailableError('no translator connected');
    await queueFill(ctx.jobs, { language: code });
  }

  /** Removes expired cache rows (a daily job). */
  async function purgeCache(): Promise<number> {
    const since = new Date(clock.now().getTime() - settings.CACHE_TTL_DAYS * DAY);
    const gone = await db.delete(translationCache).where(sql`${translationCache.createdAt} <= ${since}`).returning({ id: translationCache.id });
    return gone.length;
  }

  return {
    registerContent,
    fillTranslations,
    requestFill,
    translate,
    translateObject,
    getCachedTranslation,
    localized,
    findObjects,
    listTranslations,
    getTranslation,
    reviewTranslation,
    saveTranslation,
    purgeCache,
    hasTranslator: canTranslate,
  };
}

export type TranslationService = ReturnType<typeof createTranslationService>;
