import type { ModuleContext } from '@petfriendly/core';
import { type ConsentNeeds, createConsentService } from './consent.service';
import type { ConsentSettings } from './consent.settings';
import { createConsentPrivacy } from './privacy';
import { createTemplateService } from './template.service';

export function createConsentServices(ctx: ModuleContext, deps: ConsentNeeds, settings: ConsentSettings) {
  const templates = createTemplateService(ctx, deps.appointments);
  return { templates, consents: createConsentService(ctx, deps, settings, templates), privacy: createConsentPrivacy(ctx) };
}

export type ConsentServices = ReturnType<typeof createConsentServices>;
