import type { Platform } from '@petfriendly/core';
import type { MultilingualSockets, Translator } from './translation.service';

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

/** Puts a translator in multilingual's socket (null: none), as the AI assistant does when it has a model. */
export function useTranslator(platform: Platform, translator: Translator | null) {
  (platform.sockets.multilingual as Partial<MultilingualSockets>).translator = translator;
}
