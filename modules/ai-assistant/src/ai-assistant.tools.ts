import { defineTool, type ToolDefinition } from '@petfriendly/core';
import { searchKnowledgeSchema } from './ai-assistant.schemas';
import type { AiAssistantServices } from './services';

/** AI tools of the assistant itself: the clinic's FAQ (when the knowledge base is enabled). */
export function aiAssistantTools(s: AiAssistantServices): ToolDefinition[] {
  if (!s.settings.KNOWLEDGE_BASE_ENABLED) return [];
  return [
    defineTool({
      name: 'search_knowledge_base',
      description:
        "Search the clinic's FAQ (opening hours, prices, vaccination schedules, travel, store policies, payments and invoices, emergencies) in the caller's language; Spanish entries when none match.",
      input: searchKnowledgeSchema,
      permission: 'public',
      handler: async (input, actor) => {
        const found = await s.knowledge.search(actor, input);
        return {
          language: found.language,
          fallback: found.fallback,
          entries: found.items.map(({ id, title, slug, category, content, rank }) => ({
            id,
            title,
            slug,
            category,
            content,
            url: `/help/${slug}`,
            relevance: Math.round(rank * 1000) / 1000,
          })),
        };
      },
    }),
  ];
}
