import i18next, { type TFunction } from 'i18next';
import { LANGUAGES, type Language } from './config';

export type Messages = Record<string, unknown>;
export type Translations = Partial<Record<Language, Messages>>;

/**
 * UI strings in es (default), en, de, fr, it. Each module contributes a namespace named after
 * itself; a key missing in a language falls back to Spanish.
 */
export class I18n {
  private readonly instance = i18next.createInstance();

  constructor(namespaces: Record<string, Translations>) {
    const resources: Record<string, Record<string, Messages>> = {};
    for (const lang of LANGUAGES) resources[lang] = {};
    for (const [ns, byLang] of Object.entries(namespaces)) {
      for (const [lang, messages] of Object.entries(byLang)) resources[lang]![ns] = messages as Messages;
    }
    void this.instance.init({
      resources,
      lng: 'es',
      fallbackLng: 'es',
      supportedLngs: [...LANGUAGES],
      ns: Object.keys(namespaces),
      defaultNS: 'core',
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    } as never);
  }

  /** `t('vet-clinic:pet.species.dog')` in one language. */
  t(language: string): TFunction {
    return this.instance.getFixedT(normalizeLanguage(language));
  }
}

/**
 * Translates what people read when something is wrong, from the `messages` namespace whose keys are
 * the English text or the error code; without a translation the English fallback is shown.
 */
export function localize(t: TFunction, key: string, fallback: string, params: Record<string, string | number> = {}): string {
  // The English text is every message's default, so a language without the entry gets English, not Spanish.
  return t(key, {
    ...params,
    ns: 'messages',
    keySeparator: false,
    nsSeparator: false,
    defaultValue: fallback,
    fallbackLng: false,
  } as never) as unknown as string;
}

export function normalizeLanguage(value: string | null | undefined): Language {
  const short = (value ?? '').slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(short) ? (short as Language) : 'es';
}

/** Picks the best of our languages from an Accept-Language header. */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return 'es';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: (tag ?? '').slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  const hit = ranked.find((r) => (LANGUAGES as readonly string[]).includes(r.tag));
  return (hit?.tag as Language) ?? 'es';
}

/** Turns flat `a.b.c` keys into nested objects (i18next's default key layout); a key that is both leaf and branch is an error. */
export function unflatten(flat: Record<string, string>): Messages {
  const out: Messages = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = out as Record<string, unknown>;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] === 'string') throw new Error(`i18n key ${key} collides with a shorter key`);
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1)!] = value;
  }
  return out;
}

/** Deep-merges message trees (later ones win). */
export function mergeMessages(...trees: Messages[]): Messages {
  const out: Messages = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = out[key];
      out[key] =
        value && typeof value === 'object' && existing && typeof existing === 'object' ? mergeMessages(existing as Messages, value as Messages) : value;
    }
  }
  return out;
}

/** Lower case without accents, the way `core.f_unaccent(lower(…))` folds names for search. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** A LIKE pattern that finds `text` anywhere, with LIKE's own characters escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
