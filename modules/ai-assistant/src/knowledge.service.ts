import { type Actor, foldForSearch, type ModuleContext, NotFoundError, pageOf, parseInput, requireStaff, rowIdOf, ValidationError } from '@petfriendly/core';
import { and, asc, count, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { entryInputSchema, entryUpdateSchema, helpfulSchema, listEntriesSchema, searchKnowledgeSchema } from './ai-assistant.schemas';
import { knowledgeBase } from './ai-assistant.tables';
import { knowledgeSeed } from './knowledge.seed';
import { synonymGroups } from './knowledge.synonyms';

/** Full-text configuration of each content language; Spanish for any other. */
export const TEXT_SEARCH_CONFIGS: Record<string, string> = { es: 'spanish', en: 'english', de: 'german', fr: 'french', it: 'italian' };
const FALLBACK_LANGUAGE = 'es';

const entryColumns = {
  id: knowledgeBase.id,
  title: knowledgeBase.title,
  slug: knowledgeBase.slug,
  category: knowledgeBase.category,
  content: knowledgeBase.content,
  keywords: knowledgeBase.keywords,
  language: knowledgeBase.language,
  isPublic: knowledgeBase.isPublic,
  isActive: knowledgeBase.isActive,
  viewCount: knowledgeBase.viewCount,
  helpfulCount: knowledgeBase.helpfulCount,
  notHelpfulCount: knowledgeBase.notHelpfulCount,
  createdAt: knowledgeBase.createdAt,
  updatedAt: knowledgeBase.updatedAt,
};
export type KnowledgeEntry = { [K in keyof typeof entryColumns]: (typeof entryColumns)[K]['_']['data'] };
export type KnowledgeHit = KnowledgeEntry & { rank: number };

/** A URL slug from a title: accents folded, lowercase words joined by hyphens. */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 200)
      .replace(/-+$/, '') || 'entrada'
  );
}

const isStaffOrSystem = (actor: Actor) => actor.kind === 'staff' || actor.kind === 'system';
const configSql = (language: string) => sql.raw(`'${TEXT_SEARCH_CONFIGS[language] ?? 'spanish'}'::regconfig`);

/**
 * The query as a tsquery, each word stemmed in the language; a word whose stem is in a synonym group stands
 * for the whole group (`inyecciones` → `vacun | inyeccion | …`). Every word required (`&&`) or any (`||`).
 * Words are letters and digits only, so none is an operator; a stop word (empty) stays itself.
 */
function tsqueryOf(folded: string, language: string, anyWord: boolean): SQL {
  const config = configSql(language);
  const groups = synonymGroups(language).map((group) => sql`to_tsquery(${config}, ${group})`);
  const terms = folded
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => {
      const term = sql`to_tsquery(${config}, ${word})`;
      if (groups.length === 0) return term;
      return sql`(case ${sql.join(
        groups.map((group) => sql`when numnode(${term}) > 0 and ${group} @> ${term} then ${group}`),
        sql` `,
      )} else ${term} end)`;
    });
  if (terms.length === 0) return sql`''::tsquery`;
  return sql`(${sql.join(terms, sql.raw(anyWord ? ' || ' : ' && '))})`;
}

/** KnowledgeBase: the clinic's FAQ, searched in the reader's language, kept by staff. */
/** `enabled`: the `KNOWLEDGE_BASE_ENABLED` switch, read at each call; while off, the public help is not there. */
export function createKnowledgeService(ctx: ModuleContext, enabled: () => boolean = () => true) {
  const { db } = ctx;

  /** Active entries and, for anyone but staff, public ones only. */
  const visibleTo = (actor: Actor): SQL | undefined =>
    isStaffOrSystem(actor) ? eq(knowledgeBase.isActive, true) : and(eq(knowledgeBase.isActive, true), eq(knowledgeBase.isPublic, true));

  function requireEnabled() {
    if (!enabled()) throw new NotFoundError('ai_assistant.knowledge_disabled', 'This clinic has no help centre.');
  }

  async function searchIn(
    actor: Actor,
    language: string,
    folded: string,
    category: string | undefined,
    limit: number,
    anyWord = false,
  ): Promise<KnowledgeHit[]> {
    const conditions: (SQL | undefined)[] = [
      visibleTo(actor),
      eq(knowledgeBase.language, language),
      category ? eq(knowledgeBase.category, category) : undefined,
    ];
    let rank: SQL<number> = sql<number>`0`;
    if (folded) {
      // With every word required nothing matched: any of the words will do (best match first).
      const query = tsqueryOf(folded, language, anyWord);
      conditions.push(or(sql`${knowledgeBase.searchVector} @@ ${query}`, sql`word_similarity(${folded}, ${knowledgeBase.titleSearch}) >= 0.5`));
      rank = sql<number>`(ts_rank(${knowledgeBase.searchVector}, ${query}) + word_similarity(${folded}, ${knowledgeBase.titleSearch}))`;
    }
    const rows = await db
      .select({ ...entryColumns, rank: rank.mapWith(Number) })
      .from(knowledgeBase)
      .where(and(...conditions))
      .orderBy(...(folded ? [desc(rank)] : []), desc(knowledgeBase.helpfulCount), asc(knowledgeBase.title), asc(knowledgeBase.id))
      .limit(limit);
    return rows as KnowledgeHit[];
  }

  /**
   * `search`: entries in the reader's language (stemmed full text with the clinic's synonyms, or the title by trigrams for typos),
   * best first; all the words if any entry has them, else any of them; Spanish entries when nothing
   * matches in the reader's language.
   */
  async function search(actor: Actor, input: unknown = {}): Promise<{ language: string; fallback: boolean; items: KnowledgeHit[] }> {
    requireEnabled();
    const f = parseInput(searchKnowledgeSchema, input);
    const language = f.language ?? (TEXT_SEARCH_CONFIGS[actor.language] ? actor.language : FALLBACK_LANGUAGE);
    const folded = foldForSearch(f.query);
    const find = async (lang: string) => {
      const strict = await searchIn(actor, lang, folded, f.category, f.limit);
      return strict.length || !folded.includes(' ') ? strict : searchIn(actor, lang, folded, f.category, f.limit, true);
    };
    const items = await find(language);
    if (items.length || language === FALLBACK_LANGUAGE) return { language, fallback: false, items };
    return { language: FALLBACK_LANGUAGE, fallback: true, items: await find(FALLBACK_LANGUAGE) };
  }

  async function findEntry(actor: Actor, slugOrId: string | number, language: string): Promise<KnowledgeEntry | undefined> {
    const key = String(slugOrId);
    const id = rowIdOf(key);
    if (id) {
      const [row] = await db
        .select(entryColumns)
        .from(knowledgeBase)
        .where(and(eq(knowledgeBase.id, id), visibleTo(actor)));
      return row;
    }
    const rows = await db
      .select(entryColumns)
      .from(knowledgeBase)
      .where(and(eq(knowledgeBase.slug, key), visibleTo(actor)))
      .orderBy(sql`case ${knowledgeBase.language} when ${language} then 0 when ${FALLBACK_LANGUAGE} then 1 else 2 end`, asc(knowledgeBase.id))
      .limit(1);
    return rows[0];
  }

  /** One entry by id or slug (in the reader's language, else Spanish); counts the view. */
  async function getEntry(actor: Actor, slugOrId: string | number, language?: string): Promise<KnowledgeEntry> {
    requireEnabled();
    const entry = await findEntry(actor, slugOrId, language ?? actor.language);
    if (!entry) throw new NotFoundError('ai_assistant.entry_not_found', 'There is no such help entry.');
    const [row] = await db
      .update(knowledgeBase)
      .set({ viewCount: sql`${knowledgeBase.viewCount} + 1` })
      .where(eq(knowledgeBase.id, entry.id))
      .returning({ viewCount: knowledgeBase.viewCount });
    return { ...entry, viewCount: row!.viewCount };
  }

  /** "Did this help?" — anyone who can read the entry may answer. */
  async function markHelpful(actor: Actor, id: number, input: unknown): Promise<{ helpfulCount: number; notHelpfulCount: number }> {
    requireEnabled();
    const { helpful } = parseInput(helpfulSchema, typeof input === 'boolean' ? { helpful: input } : input);
    const [row] = await db
      .update(knowledgeBase)
      .set(helpful ? { helpfulCount: sql`${knowledgeBase.helpfulCount} + 1` } : { notHelpfulCount: sql`${knowledgeBase.notHelpfulCount} + 1` })
      .where(and(eq(knowledgeBase.id, id), visibleTo(actor)))
      .returning({ helpfulCount: knowledgeBase.helpfulCount, notHelpfulCount: knowledgeBase.notHelpfulCount });
    if (!row) throw new NotFoundError('ai_assistant.entry_not_found', 'There is no such help entry.');
    return row;
  }

  async function slugTaken(slug: string, language: string, exceptId?: number) {
    const [row] = await db
      .select({ id: knowledgeBase.id })
      .from(knowledgeBase)
      .where(and(eq(knowledgeBase.slug, slug), eq(knowledgeBase.language, language)));
    return !!row && row.id !== exceptId;
  }
  const slugError = (slug: string) =>
    ValidationError.forField('ai_assistant.slug_taken', 'slug', `The slug "${slug}" is already used in this language.`, { slug });

  /** `add_entry` (staff). The slug comes from the title unless given; unique per language. */
  async function addEntry(actor: Actor, input: unknown): Promise<KnowledgeEntry> {
    requireStaff(actor);
    const f = parseInput(entryInputSchema, input);
    const slug = f.slug ?? slugify(f.title);
    if (await slugTaken(slug, f.language)) throw slugError(slug);
    const [row] = await db
      .insert(knowledgeBase)
      .values({ ...f, slug })
      .returning(entryColumns);
    return row!;
  }

  /** Staff: change an entry (any field); the slug stays unique in its language. */
  async function updateEntry(actor: Actor, id: number, input: unknown): Promise<KnowledgeEntry> {
    requireStaff(actor);
    const f = parseInput(entryUpdateSchema, input);
    const [current] = await db.select(entryColumns).from(knowledgeBase).where(eq(knowledgeBase.id, id));
    if (!current) throw new NotFoundError('ai_assistant.entry_not_found', 'There is no such help entry.');
    const slug = f.slug ?? current.slug;
    const language = f.language ?? current.language;
    if (await slugTaken(slug, language, id)) throw slugError(slug);
    const [row] = await db
      .update(knowledgeBase)
      .set({ ...f, slug, updatedAt: ctx.clock.now() })
      .where(eq(knowledgeBase.id, id))
      .returning(entryColumns);
    return row!;
  }

  /** Staff: every entry (inactive and private ones too), filtered, newest changes first; paginated. */
  async function listEntries(actor: Actor, input: unknown = {}) {
    requireStaff(actor);
    const f = parseInput(listEntriesSchema, input);
    const folded = f.query ? foldForSearch(f.query) : '';
    const where = and(
      f.language ? eq(knowledgeBase.language, f.language) : undefined,
      f.category ? eq(knowledgeBase.category, f.category) : undefined,
      folded
        ? or(
            sql`${knowledgeBase.titleSearch} like ${`%${folded.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
            sql`word_similarity(${folded}, ${knowledgeBase.titleSearch}) >= 0.5`,
          )
        : undefined,
    );
    const rows = await db
      .select(entryColumns)
      .from(knowledgeBase)
      .where(where)
      .orderBy(asc(knowledgeBase.language), asc(knowledgeBase.category), asc(knowledgeBase.title), asc(knowledgeBase.id))
      .limit(f.pageSize + 1)
      .offset((f.page - 1) * f.pageSize);
    return pageOf(rows, f);
  }

  /** Staff: one entry for editing (no view counted). */
  async function getEntryForEdit(actor: Actor, id: number): Promise<KnowledgeEntry> {
    requireStaff(actor);
    const [row] = await db.select(entryColumns).from(knowledgeBase).where(eq(knowledgeBase.id, id));
    if (!row) throw new NotFoundError('ai_assistant.entry_not_found', 'There is no such help entry.');
    return row;
  }

  /** Categories with visible entries in a language (Spanish when it has none), most entries first. */
  async function categories(actor: Actor, language?: string): Promise<{ language: string; items: { category: string; count: number }[] }> {
    const of = async (lang: string) =>
      db
        .select({ category: knowledgeBase.category, count: count() })
        .from(knowledgeBase)
        .where(and(visibleTo(actor), eq(knowledgeBase.language, lang)))
        .groupBy(knowledgeBase.category)
        .orderBy(desc(count()), asc(knowledgeBase.category));
    const lang = language && TEXT_SEARCH_CONFIGS[language] ? language : TEXT_SEARCH_CONFIGS[actor.language] ? actor.language : FALLBACK_LANGUAGE;
    const items = await of(lang);
    if (items.length || lang === FALLBACK_LANGUAGE) return { language: lang, items };
    return { language: FALLBACK_LANGUAGE, items: await of(FALLBACK_LANGUAGE) };
  }

  /** Idempotent: the clinic's FAQ in Spanish and English, only into an empty knowledge base. */
  async function seedKnowledgeBase(): Promise<number> {
    const [{ n }] = (await db.select({ n: count() }).from(knowledgeBase)) as [{ n: number }];
    if (Number(n) > 0) return 0;
    const rows = knowledgeSeed.map((e) => ({ ...e, slug: e.slug ?? slugify(e.title) }));
    await db.insert(knowledgeBase).values(rows).onConflictDoNothing();
    return rows.length;
  }

  return { search, getEntry, markHelpful, addEntry, updateEntry, listEntries, getEntryForEdit, categories, seedKnowledgeBase };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
