import type { ModuleContext } from '@petfriendly/core';
import type { AccountsServices } from '@petfriendly/accounts';
import { createInboxService } from './inbox.service';
import { createMessageService } from './message.service';
import type { OmnichannelSettings } from './omnichannel.settings';
import { createPreferenceService } from './preference.service';
import { type ProviderSet, createProviderSet } from './provider-set';
import { createReminderService } from './reminder.service';

export function createOmnichannelServices(ctx: ModuleContext, accounts: AccountsServices, settings: OmnichannelSettings, providers: ProviderSet = createProviderSet(ctx.db, settings)) {
  const messages = createMessageService(ctx, accounts, providers, settings);
  const inbox = createInboxService(ctx, accounts, messages);
  const reminders = createReminderService(ctx, messages, settings);
  const preferences = createPreferenceService(ctx, accounts, settings);
  return { messages, inbox, reminders, preferences, providers, settings };
}

export type OmnichannelServices = ReturnType<typeof createOmnichannelServices>;
