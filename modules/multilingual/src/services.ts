import type { AccountsPort } from '@petfriendly/accounts';
import type { ModuleContext } from '@petfriendly/core';
import { createLanguageService } from './language.service';
import type { MultilingualSettings } from './multilingual.settings';
import { createTranslationService, type MultilingualSockets } from './translation.service';

export function createMultilingualServices(ctx: ModuleContext, accounts: AccountsPort, settings: MultilingualSettings, sockets: Readonly<MultilingualSockets>) {
  const languages = createLanguageService(ctx, accounts, settings);
  const translation = createTranslationService(ctx, accounts, settings, sockets);
  return { languages, translation, settings };
}

export type MultilingualServices = ReturnType<typeof createMultilingualServices>;
