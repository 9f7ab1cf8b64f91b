import type { Translator } from './translation.service';

/**
 * A scripted translator for tests: answers from `script` (`'es>en:Hola' → 'Hello'`), else tags the text
 * (`[en] Hola`), and records every call so a test can count them.
 */
export function scriptedTranslator(script: Record<string, string> = {}) {
  const calls: { texts: string[]; source: string; target: string }[] = [];
  const translator: Translator & { calls: typeof calls } = {
    calls,
    async translate(texts, source, target) {
      calls.push({ texts: [...texts], source, target });
      return texts.map((text) => script[`${source}>${target}:${text}`] ?? `[${target}] ${text}`);
    },
  };
  return translator;
}
