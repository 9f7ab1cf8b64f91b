import { defineModule } from '@petfriendly/core';
import { aiAssistantMessages } from './i18n/index';
import { aiAssistantErrorMessages } from './ai-assistant.messages';
import { aiAssistantRoutes } from './ai-assistant.routes';
import { type AiAssistantSettings, aiAssistantSettings } from './ai-assistant.settings';
import { aiAssistantTables } from './ai-assistant.tables';
import { aiAssistantTools } from './ai-assistant.tools';
import { knowledgePages } from './pages/knowledge.pages';
import { type AiAssistantServices, createAiAssistantServices } from './services';

export const aiAssistantModule = defineModule<AiAssistantServices, AiAssistantSettings>({
  name: 'ai-assistant',
  dependsOn: ['accounts'],
  tables: aiAssistantTables,
  settings: { block: 'AI_ASSISTANT', schema: aiAssistantSettings },
  i18n: aiAssistantMessages,
  messages: aiAssistantErrorMessages,
  nav: [
    { area: 'site', href: '/help', labelKey: 'ai-assistant:nav.help', icon: '❓', audience: 'all', order: 85 },
    { area: 'admin', href: '/admin/knowledge', labelKey: 'ai-assistant:nav.knowledge', icon: '📚', audience: 'staff', order: 75 },
  ],
  createServices: (ctx, _deps, settings) => createAiAssistantServices(ctx, settings),
  onStart: async (s) => {
    await s.knowledge.seedKnowledgeBase();
  },
  tools: aiAssistantTools,
  routes: async (app, services, ctx) => {
    await aiAssistantRoutes(app, services);
    await knowledgePages(app, services, ctx);
  },
});

export * from './ai-assistant.tables';
export type { AiAssistantServices } from './services';
export type { AiAssistantSettings } from './ai-assistant.settings';
export type { KnowledgeEntry, KnowledgeHit, KnowledgeService } from './knowledge.service';
export { slugify, TEXT_SEARCH_CONFIGS } from './knowledge.service';
