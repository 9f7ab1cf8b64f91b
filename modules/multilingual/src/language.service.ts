import type { AccountsPort } from '@petfriendly/accounts';
import { type Actor, type Db, type ModuleContext, parseInput, requireAuthenticated, requireStaff, ValidationError } from '@petfriendly/core';
import { asc, eq, sql } from 'drizzle-orm';
import { type Detection, detectLanguageOf } from './detect';
import { queueFill } from './fill-queue';
import { addLanguageSchema, detectLanguageSchema, userLanguageSchema } from './multilingual.schemas';
import type { MultilingualSettings } from './multilingual.settings';
import { languages } from './multilingual.tables';

export type Language = typeof languages.$inferSelect;

/** The five UI languages, in the order the site lists them. */
export const CORE_LANGUAGE_NAMES: Record<string, { name: string; nativeName: string }> = {
  es: { name: 'Spanish', nativeName: 'Español' },
  en: { name: 'English', nativeName: 'English' },
  de: { name: 'German', nativeName: 'Deutsch' },
  fr: { name: 'French', nativeName: 'Français' },
  it: { name: 'Italian', nativeName: 'Italiano' },
};

/** Codes of the languages content may be written in (active ones), read from `db` or a transaction. */
export async function activeLanguageCodes(db: Pick<Db, 'select'>): Promise<string[]> {
  const rows = await db.select({ code: languages.code }).from(languages).where(eq(languages.isActive, true)).orderBy(asc(languages.order), asc(languages.code));
  return rows.map((r) => r.code);
}

/** LanguageService: which languages exist, who reads which, and what language a message is in. */
export function createLanguageService(ctx: ModuleContext, accounts: AccountsPort, settings: MultilingualSettings) {
  const { db } = ctx;

  /** Idempotent: the core languages exist, are marked core and active (a manager's order is kept). */
  async function seedCoreLanguages() {
    for (const [index, code] of settings.CORE_LANGUAGES.entries()) {
      const names = CORE_LANGUAGE_NAMES[code]!;
      await db
        .insert(languages)
        .values({ code, ...names, isCore: true, isActive: true, order: index + 1 })
        .onConflictDoUpdate({ target: languages.code, set: { isCore: true, isActive: true } });
    }
  }

  /** `get_available_languages`: active languages, core first in their order. */
  async function getAvailableLanguages(): Promise<Language[]> {
    return db.select().from(languages).where(eq(languages.isActive, true)).orderBy(asc(languages.order), asc(languages.code));
  }

  /** Staff: every language, inactive ones too. */
  async function listLanguages(actor: Actor): Promise<Language[]> {
    requireStaff(actor);
    return db.select().from(languages).orderBy(asc(languages.order), asc(languages.code));
  }

  /** `get_user_language`: the person's preferred language, or the default when unknown. */
  async function getUserLanguage(userId: string): Promise<string> {
    const contact = await accounts.directory.contactOf(userId);
    return contact?.language ?? settings.DEFAULT_LANGUAGE;
  }

  /**
   * `set_user_language` for the caller. A UI language (es, en, de, fr, it), as accounts stores it.
   * Owners change it through their profile; staff change theirs in their account (accounts offers no
   * other way yet), so staff get a 422 here.
   */
  async function setUserLanguage(actor: Actor, language: unknown): Promise<string> {
    const who = requireAuthenticated(actor);
    const data = parseInput(userLanguageSchema, { language });
    return accounts.users.setPreferredLanguage(who, data.language);
  }

  /** Managers and admins add a content language (not core: its content is filled by AI translation, queued with it). */
  async function addLanguage(actor: Actor, input: unknown): Promise<Language> {
    requireStaff(actor, ['manager', 'admin']);
    const data = parseInput(addLanguageSchema, input);
    const code = data.code.length === 5 ? `${data.code.slice(0, 2).toLowerCase()}-${data.code.slice(3).toUpperCase()}` : data.code.toLowerCase();
    return db.transaction(async (tx) => {
      const [next] = await tx.select({ order: sql<number>`coalesce(max(${languages.order}), 0) + 1` }).from(languages);
      const [row] = await tx
        .insert(languages)
        .values({ code, name: data.name, nativeName: data.nativeName, isCore: false, isActive: true, order: Number(next!.order) })
        .onConflictDoNothing()
        .returning();
      if (!row) throw ValidationError.forField('multilingual.language_exists', 'code', `The language ${code} already exists.`, { code });
      await queueFill(ctx.jobs, { language: code }, tx);
      return row;
    });
  }

  /** `detect_language` with how it was decided; the default language when unsure. */
  async function detect(text: unknown): Promise<Detection> {
    const data = parseInput(detectLanguageSchema, { text });
    return detectLanguageOf(data.text, await activeLanguageCodes(db), settings.DEFAULT_LANGUAGE);
  }

  /** `detect_language` as the spec has it: the code only. */
  async function detectLanguage(text: unknown): Promise<string> {
    return (await detect(text)).language;
  }

  return { seedCoreLanguages, getAvailableLanguages, listLanguages, getUserLanguage, setUserLanguage, addLanguage, detect, detectLanguage };
}

export type LanguageService = ReturnType<typeof createLanguageService>;
