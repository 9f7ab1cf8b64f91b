import type { AccountsPort } from '@petfriendly/accounts';
import type { Mailer, ModuleContext } from '@petfriendly/core';
import { createAssistantBridge } from './assistant-bridge';
import { createAudienceService, type OmnichannelSockets } from './audiences';
import { createCallLog } from './call-log.service';
import { asEmail } from './email';
import { createInboxService } from './inbox.service';
import { createMessageService } from './message.service';
import { createNoticeService } from './notice.service';
import type { OmnichannelSettings } from './omnichannel.settings';
import { createPreferenceService } from './preference.service';
import { createOmnichannelPrivacy } from './privacy';
import { createProviderSet, type ProviderSet } from './provider-set';
import { createReminderService } from './reminder.service';
import { createTemplateService } from './template.service';

export function createOmnichannelServices(
  ctx: ModuleContext,
  accounts: AccountsPort,
  settings: OmnichannelSettings,
  sockets: Readonly<OmnichannelSockets> = { audiences: [], marketingConsent: null },
  providers: ProviderSet = createProviderSet(ctx.db, settings),
) {
  const messages = createMessageService(ctx, accounts, providers, settings);
  const inbox = createInboxService(ctx, accounts, messages);
  const calls = createCallLog(ctx, accounts, messages);
  const reminders = createReminderService(ctx, messages, settings);
  const preferences = createPreferenceService(ctx, accounts, settings, sockets);
  const templates = createTemplateService(ctx);
  const assistant = createAssistantBridge(ctx, accounts, messages);
  const audiences = createAudienceService(messages, sockets);
  /** Mail that belongs to no conversation (a password reset): through the same transport, composed like every mail. */
  const mailer: Mailer = {
    async send(mail) {
      const message = { channel: 'email' as const, to: mail.to, subject: mail.subject, text: mail.text };
      await providers.for('email').send(asEmail(message, ctx.clinic, mail.language ?? ctx.clinic.DEFAULT_LANGUAGE));
    },
  };
  const notices = createNoticeService(ctx, accounts, mailer);
  const certificates = new Map<string, Promise<string>>();
  /** SNS signing certificates by URL (already checked to be an AWS one), fetched once per process. */
  const snsCertificate = (url: string) => {
    if (!certificates.has(url))
      certificates.set(
        url,
        fetch(url).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`certificate ${r.status}`)))),
      );
    return certificates.get(url)!;
  };
  return {
    messages,
    inbox,
    calls,
    assistant,
    audiences,
    reminders,
    preferences,
    templates,
    providers,
    mailer,
    notices,
    settings,
    snsCertificate,
    privacy: createOmnichannelPrivacy(ctx),
  };
}

export type OmnichannelServices = ReturnType<typeof createOmnichannelServices>;
