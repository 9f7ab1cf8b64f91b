import type { AccountsPort } from '@petfriendly/accounts';
import { defineModule, port, systemActor } from '@petfriendly/core';
import { FILL_TRANSLATIONS, queueFill } from './fill-queue';
import { multilingualMessages } from './i18n/index';
import { multilingualEvents } from './multilingual.events';
import { multilingualErrorMessages } from './multilingual.messages';
import { multilingualRoutes } from './multilingual.routes';
import type { FillCursor } from './multilingual.schemas';
import { multilingualSettings } from './multilingual.settings';
import { multilingualTables } from './multilingual.tables';
import { multilingualTools } from './multilingual.tools';
import { translationPages } from './pages/translations.pages';
import { createMultilingualServices } from './services';
import { multilingualSockets } from './translation.service';

const PURGE_CACHE = 'multilingual.purge-cache';

export const multilingualModule = defineModule({
  name: 'multilingual',
  needs: { accounts: port<AccountsPort>() },
  tables: multilingualTables,
  settings: { block: 'MULTILINGUAL', schema: multilingualSettings },
  sockets: multilingualSockets,
  events: multilingualEvents,
  i18n: multilingualMessages,
  messages: multilingualErrorMessages,
  nav: [{ area: 'admin', href: '/admin/translations', labelKey: 'multilingual:nav.translations', icon: 'globe', audience: 'staff', order: 80 }],
  createServices: (ctx, deps, settings, sockets) => createMultilingualServices(ctx, deps.accounts, settings, sockets),
  onStart: async (s) => {
    await s.languages.seedCoreLanguages();
  },
  jobs: (s, ctx) => [
    {
      // Nightly for every language (edited content gets re-translated); at once for a language added or asked for.
      name: FILL_TRANSLATIONS,
      cron: '10 3 * * *',
      handler: async (payload: { language?: string; after?: FillCursor } | null) => {
        const data = payload ?? {}; // the nightly run has none
        const result = await s.translation.fillTranslations(systemActor, data);
        ctx.logger.info(
          { ...data, ...result },
          result.status === 'no_translator' ? 'no AI translator connected: content not translated' : 'content translated',
        );
        if (result.status === 'more') await queueFill(ctx.jobs, { ...data, after: result.next! });
      },
    },
    {
      name: PURGE_CACHE,
      cron: '40 3 * * *',
      handler: async () => {
        await s.translation.purgeCache();
      },
    },
  ],
  tools: multilingualTools,
  routes: async (app, services) => {
    await multilingualRoutes(app, services);
    await translationPages(app, services);
  },
});

export type { Detection } from './detect';
export { detectLanguageOf } from './detect';
export type { FillResult } from './fill-queue';
export { FILL_TRANSLATIONS } from './fill-queue';
export { type LocalizedMap, TranslatedField, TranslatedText, translateField } from './helpers';
export type { Language, LanguageService } from './language.service';
export * from './multilingual.events';
export type { MultilingualSettings } from './multilingual.settings';
export type { ContentTranslationPort, LanguagesPort } from './ports';
export type { MultilingualServices } from './services';
export type {
  FieldOutcome,
  MultilingualSockets,
  TranslatableContent,
  TranslateResult,
  Translation,
  TranslationService,
  Translator,
} from './translation.service';
export { sha256, TranslatorUnavailableError } from './translation.service';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    multilingual: import('./services').MultilingualServices;
  }
}
