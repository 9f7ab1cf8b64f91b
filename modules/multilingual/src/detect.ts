/**
 * Offline language detection for short messages (chat, WhatsApp): tinyld's n-gram model restricted to
 * the active languages, helped by a few unmistakable signs (¿ ¡ ñ ß) and a small lexicon of words
 * people write alone ("gracias", "danke"). When neither is sure, the answer is the default language.
 */

type TinyLd = typeof import('tinyld');
let tinyld: Promise<TinyLd> | null = null;
/** Loaded on first use (its model is about 0.6 MB). */
const model = () => (tinyld ??= import('tinyld'));

/** Short, distinctive words per language; shared words (mi, no, per, la) are left out on purpose. */
const LEXICON: Record<string, readonly string[]> = {
  es: [
    'hola',
    'gracias',
    'buenos',
    'buenas',
    'días',
    'dias',
    'tardes',
    'noches',
    'perro',
    'perrito',
    'gato',
    'gatito',
    'quiero',
    'tienen',
    'cita',
    'cuánto',
    'cuanto',
    'qué',
    'está',
    'mañana',
    'ayer',
    'hoy',
    'vacuna',
    'croquetas',
    'favor',
    'sí',
    'también',
    'muchas',
    'necesito',
    'puedo',
    'ayuda',
    'el',
    'los',
    'las',
    'y',
    'es',
    'come',
  ],
  en: [
    'hi',
    'hello',
    'thanks',
    'thank',
    'you',
    'my',
    'the',
    'can',
    'please',
    'dog',
    'cat',
    'yes',
    'what',
    'when',
    'book',
    'appointment',
    'is',
    'and',
    'does',
    'not',
    'eat',
    "doesn't",
    'today',
    'tomorrow',
  ],
  de: [
    'hallo',
    'danke',
    'bitte',
    'mein',
    'meine',
    'hund',
    'katze',
    'nicht',
    'ist',
    'ich',
    'und',
    'guten',
    'tag',
    'morgen',
    'schön',
    'vielen',
    'termin',
    'ja',
    'nein',
    'frisst',
    'wann',
    'haben',
    'sie',
  ],
  fr: [
    'bonjour',
    'bonsoir',
    'salut',
    'merci',
    'beaucoup',
    'mon',
    'ma',
    'mes',
    'chat',
    'chien',
    'est',
    'je',
    'oui',
    'vous',
    'rendez-vous',
    'depuis',
    'hier',
    'aujourd’hui',
    "aujourd'hui",
    'pas',
    'mange',
    'et',
  ],
  it: [
    'ciao',
    'grazie',
    'mille',
    'buongiorno',
    'buonasera',
    'il',
    'mio',
    'mia',
    'cane',
    'gatto',
    'sono',
    'quanto',
    'costa',
    'anche',
    'della',
    'appuntamento',
    'domani',
    'oggi',
    'vaccino',
    'mangia',
    'ha',
    'bisogno',
    'e',
  ],
};

const SIGNS: [RegExp, string][] = [
  [/[¿¡ñÑ]/, 'es'],
  [/ß/, 'de'],
];

export interface Detection {
  language: string;
  /** How the answer was reached: the model, a sign, the lexicon, or the default when unsure. */
  by: 'model' | 'sign' | 'lexicon' | 'default';
  confidence: number;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}'’\s-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

function lexiconVote(text: string, candidates: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const word of words(text)) {
    for (const lang of candidates) if (LEXICON[lang]?.includes(word)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return null;
  return ranked[0]![0];
}

/**
 * The language of `text` among `candidates` (active language codes); `fallback` when unsure.
 * The model decides when it is clearly ahead (score ≥ 0.08 and at least 2.5 times the next);
 * otherwise a sign (¿, ñ, ß) or the lexicon decides; otherwise the fallback.
 */
export async function detectLanguageOf(text: string, candidates: readonly string[], fallback: string): Promise<Detection> {
  const only = [...new Set(candidates.map((c) => c.slice(0, 2).toLowerCase()))];
  const { detectAll } = await model();
  const ranked = text.trim() ? detectAll(text, { only }) : [];
  const [top, next] = ranked;
  const pick = (lang: string) => candidates.find((c) => c.slice(0, 2).toLowerCase() === lang) ?? lang;
  if (top && top.accuracy >= 0.08 && (!next || top.accuracy >= next.accuracy * 2.5))
    return { language: pick(top.lang), by: 'model', confidence: Math.min(1, top.accuracy) };
  for (const [sign, lang] of SIGNS) if (sign.test(text) && only.includes(lang)) return { language: pick(lang), by: 'sign', confidence: 0.5 };
  const voted = lexiconVote(text, only);
  if (voted) return { language: pick(voted), by: 'lexicon', confidence: 0.4 };
  return { language: fallback, by: 'default', confidence: 0 };
}
