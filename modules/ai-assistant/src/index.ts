import { defineModule, port } from '@petfriendly/core';
import type { MultilingualSockets } from '@petfriendly/multilingual';
import { messageReceived } from '@petfriendly/omnichannel';
import { aiAssistantErrorMessages } from './ai-assistant.messages';
import { aiAssistantRoutes } from './ai-assistant.routes';
import { aiAssistantSettings } from './ai-assistant.settings';
import { aiAssistantTables } from './ai-assistant.tables';
import { aiAssistantTools } from './ai-assistant.tools';
import type { ChatProvider } from './chat/providers';
import { type InboundMessage, WHATSAPP_QUEUE } from './chat/whatsapp';
import { aiAssistantMessages } from './i18n/index';
import { chatPages } from './pages/chat.pages';
import { knowledgePages } from './pages/knowledge.pages';
import { type AiAssistantNeeds, createAiAssistantServices } from './services';

/** The assistant; `provider` replaces the one the settings choose (tests script one on loopback). */
/** The help centre's pages and the chat's FAQ come and go with this setting. */
const KNOWLEDGE_BASE = { block: 'AI_ASSISTANT', key: 'KNOWLEDGE_BASE_ENABLED' };

export function createAiAssistantModule(options: { provider?: ChatProvider | null } = {}) {
  return defineModule({
    name: 'ai-assistant',
    needs: {
      accounts: port<AiAssistantNeeds['accounts']>(),
      omnichannel: port<AiAssistantNeeds['omnichannel']>(),
      multilingual: port<AiAssistantNeeds['multilingual']>(),
    },
    tables: aiAssistantTables,
    settings: { block: 'AI_ASSISTANT', schema: aiAssistantSettings },
    i18n: aiAssistantMessages,
    messages: aiAssistantErrorMessages,
    nav: [
      { area: 'site', href: '/chat', labelKey: 'ai-assistant:nav.chat', icon: 'message-circle', audience: 'all', order: 84, floating: true },
      { area: 'site', href: '/help', labelKey: 'ai-assistant:nav.help', icon: 'circle-question-mark', audience: 'all', order: 85, when: KNOWLEDGE_BASE },
      { area: 'admin', href: '/admin/assistant', labelKey: 'ai-assistant:nav.assistant', icon: 'bot', audience: 'staff', order: 9 },
      {
        area: 'admin',
        href: '/admin/knowledge',
        labelKey: 'ai-assistant:nav.knowledge',
        icon: 'book-open',
        audience: 'staff',
        order: 75,
        when: KNOWLEDGE_BASE,
      },
    ],
    createServices: (ctx, deps, settings) =>
      options.provider === undefined ? createAiAssistantServices(ctx, deps, settings) : createAiAssistantServices(ctx, deps, settings, options.provider),
    // With a model, multilingual translates content through it.
    fills: (s) => ({ multilingual: { translator: s.translator } satisfies MultilingualSockets }),
    subscribe(events, s, _deps, ctx) {
      // The answer runs as its own job: a model call takes seconds, too long to hold the consumers' turn.
      events.on(messageReceived, 'ai-assistant.answer_inbound', async ({ conversationId, ownerId, channel, contact, text }) => {
        if (channel === 'whatsapp' && s.settings.WHATSAPP_ENABLED)
          await ctx.jobs.send(WHATSAPP_QUEUE, { conversationId, ownerId, channel, contact, text } satisfies InboundMessage);
      });
    },
    jobs: (s) => [
      { name: WHATSAPP_QUEUE, options: { retryLimit: 2, retryDelay: 30 }, handler: async (message: InboundMessage) => void (await s.whatsapp.answer(message)) },
      { name: 'ai-assistant.end_idle_sessions', cron: '17 * * * *', handler: async () => void (await s.chat.endIdleSessions()) },
    ],
    onStart: async (s) => {
      await s.knowledge.seedKnowledgeBase();
    },
    tools: aiAssistantTools,
    routes: async (app, services, ctx) => {
      await aiAssistantRoutes(app, services);
      await knowledgePages(app, services, ctx);
      await chatPages(app, services, ctx);
    },
  });
}

export const aiAssistantModule = createAiAssistantModule();

export type { AiAssistantSettings } from './ai-assistant.settings';
export type { ChatButton, ChatLink, ChatResponse } from './chat/chat.types';
export type { Writer, WritingBrief } from './chat/llm-writer';
export type { ChatProvider, LlmRequest, LlmResponse } from './chat/providers';
export type { KnowledgeEntry, KnowledgeHit, KnowledgeService } from './knowledge.service';
export { slugify, TEXT_SEARCH_CONFIGS } from './knowledge.service';
export type { AiAssistantServices, WriterPort } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    'ai-assistant': import('./services').AiAssistantServices;
  }
}
