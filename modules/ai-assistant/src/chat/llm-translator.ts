import type { Translator } from '@petfriendly/multilingual';
import { languageName } from './language-names';
import type { ChatProvider } from './providers';

/**
 * The multilingual module's translator, on the assistant's model: one call per batch, answered as a
 * JSON array of strings in the same order. A reply that is not such an array is an error (the
 * multilingual module then stores nothing).
 */
export function llmTranslator(provider: ChatProvider, settings: { MODEL: string; MAX_TOKENS: number }): Translator {
  return {
    async translate(texts, source, target) {
      const response = await provider.complete({
        model: settings.MODEL,
        system: `You translate a veterinary clinic's texts from ${languageName(source)} to ${languageName(target)}. Keep names, numbers, prices, placeholders like {{name}} and line breaks. Reply with only a JSON array of the translated strings, in the same order.`,
        messages: [{ role: 'user', content: JSON.stringify(texts) }],
        tools: [],
        maxTokens: settings.MAX_TOKENS,
        temperature: 0,
      });
      const json = response.text.trim().replace(/^```(?:json)?\s*|\s*```$/g, '');
      const parsed: unknown = JSON.parse(json);
      if (!Array.isArray(parsed) || parsed.length !== texts.length || parsed.some((t) => typeof t !== 'string')) {
        throw new Error(`the model answered ${Array.isArray(parsed) ? `${parsed.length} items` : 'no list'} for ${texts.length} texts`);
      }
      return parsed as string[];
    },
  };
}
