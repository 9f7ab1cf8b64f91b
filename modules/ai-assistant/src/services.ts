import type { ModuleContext } from '@petfriendly/core';
import type { AiAssistantSettings } from './ai-assistant.settings';
import { createKnowledgeService } from './knowledge.service';

export function createAiAssistantServices(ctx: ModuleContext, settings: AiAssistantSettings) {
  const knowledge = createKnowledgeService(ctx);
  return { knowledge, settings };
}

export type AiAssistantServices = ReturnType<typeof createAiAssistantServices>;
