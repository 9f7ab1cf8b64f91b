import type { AccountsPort } from '@petfriendly/accounts';
import type { ModuleContext } from '@petfriendly/core';
import type { LanguagesPort } from '@petfriendly/multilingual';
import type { AssistantInboxPort } from '@petfriendly/omnichannel';
import type { AiAssistantSettings } from './ai-assistant.settings';
import { createChatService } from './chat/chat.service';
import { llmTranslator } from './chat/llm-translator';
import { llmWriter } from './chat/llm-writer';
import { type ChatProvider, providerFromSettings } from './chat/providers';
import { createWhatsAppAssistant } from './chat/whatsapp';
import { createKnowledgeService } from './knowledge.service';
import { siteUrl } from './site-url';

/** The ports the assistant needs, by the module that provides each. */
export interface AiAssistantNeeds {
  accounts: AccountsPort;
  omnichannel: AssistantInboxPort;
  multilingual: LanguagesPort;
}

/** `provider` overrides the settings' choice (tests script one). */
export function createAiAssistantServices(
  ctx: ModuleContext,
  deps: AiAssistantNeeds,
  settings: AiAssistantSettings,
  provider: ChatProvider | null = providerFromSettings(settings, { url: siteUrl(ctx), name: ctx.clinic.NAME }),
) {
  const knowledge = createKnowledgeService(ctx, () => settings.KNOWLEDGE_BASE_ENABLED);
  const chat = createChatService(ctx, deps, settings, provider);
  const whatsapp = createWhatsAppAssistant(ctx, deps, chat);
  // With a model, content is translated through it too (filled into multilingual's socket).
  const translator = provider ? llmTranslator(provider, settings) : null;
  // With a model, other modules have short texts written from their facts (the market insights' summary).
  const writer = provider ? llmWriter(provider, settings) : null;
  return { knowledge, chat, whatsapp, settings, translator, writer };
}

export type AiAssistantServices = ReturnType<typeof createAiAssistantServices>;

/** What other modules may use of the assistant: the writer, `null` when no model is configured. */
export type WriterPort = Pick<AiAssistantServices, 'writer'>;
