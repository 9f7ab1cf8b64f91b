import type { AiAssistantSettings } from '../../ai-assistant.settings';
import { anthropicProvider } from './anthropic';
import { OPENAI_COMPATIBLE_URLS, openAiCompatibleProvider } from './openai-compatible';
import type { ChatProvider } from './provider';

export * from './provider';

/** The provider the settings choose, or null for guided mode (no key, or `PROVIDER=local`). */
export function providerFromSettings(settings: AiAssistantSettings, site?: { url: string; name: string }): ChatProvider | null {
  if (settings.PROVIDER === 'local' || !settings.API_KEY) return null;
  if (settings.PROVIDER === 'anthropic') return anthropicProvider({ apiKey: settings.API_KEY, baseURL: settings.BASE_URL ?? undefined });
  // OpenRouter ranks apps by these optional headers; harmless elsewhere.
  const headers = settings.PROVIDER === 'openrouter' && site ? { 'HTTP-Referer': site.url, 'X-Title': site.name } : undefined;
  return openAiCompatibleProvider({
    name: settings.PROVIDER,
    apiKey: settings.API_KEY,
    baseURL: settings.BASE_URL ?? OPENAI_COMPATIBLE_URLS[settings.PROVIDER],
    headers,
  });
}
