import type { AccountsPort } from '@petfriendly/accounts';
import { defineModule, port } from '@petfriendly/core';
import type { Audience, MarketingConsentSocket } from './audiences';
import { omnichannelMessages } from './i18n/index';
import { SEND_QUEUE } from './message.service';
import { messageReceived, omnichannelEvents } from './omnichannel.events';
import { omnichannelErrorMessages } from './omnichannel.messages';
import { omnichannelRoutes } from './omnichannel.routes';
import { omnichannelSettings } from './omnichannel.settings';
import { messageTemplates, omnichannelTables } from './omnichannel.tables';
import { omnichannelTools } from './omnichannel.tools';
import { outreachRoutes } from './outreach.routes';
import { inboxPages } from './pages/inbox.pages';
import { outreachPages } from './pages/outreach.pages';
import { preferencePages } from './pages/preferences.pages';
import { templatePages } from './pages/templates.pages';
import { ESCALATION_QUEUE, REMINDER_QUEUE } from './reminder.service';

const NOTICE_DIGEST = 'omnichannel.notice-digest';

import { createOmnichannelServices } from './services';
import { defaultTemplateRows } from './templates';
import { webhookRoutes } from './webhooks.routes';

export const omnichannelModule = defineModule({
  name: 'omnichannel',
  needs: { accounts: port<AccountsPort>() },
  sockets: { audiences: [] as Audience[], marketingConsent: null as MarketingConsentSocket | null },
  tables: omnichannelTables,
  settings: { block: 'OMNICHANNEL', schema: omnichannelSettings },
  events: omnichannelEvents,
  i18n: omnichannelMessages,
  messages: omnichannelErrorMessages,
  nav: [
    { area: 'admin', href: '/admin/inbox', labelKey: 'omnichannel:nav.inbox', icon: 'message-circle', audience: 'staff', order: 8 },
    { area: 'admin', href: '/admin/reminders', labelKey: 'omnichannel:reminders.title', icon: 'bell', audience: 'staff', order: 60 },
    {
      area: 'admin',
      href: '/admin/messages/bulk',
      labelKey: 'omnichannel:bulk.title',
      icon: 'megaphone',
      audience: 'staff',
      roles: ['manager', 'admin'],
      order: 65,
    },
    { area: 'admin', href: '/admin/templates', labelKey: 'omnichannel:templates.title', icon: 'notebook-pen', audience: 'staff', order: 70 },
    { area: 'site', href: '/account/notifications', labelKey: 'omnichannel:nav.preferences', icon: 'bell', audience: 'owner', order: 80 },
  ],
  createServices: (ctx, deps, settings, sockets) => createOmnichannelServices(ctx, deps.accounts, settings, sockets),
  fills: (s) => ({ accounts: { mail: s.mailer } }),
  onStart: async (_services, ctx) => {
    await ctx.db.insert(messageTemplates).values(defaultTemplateRows()).onConflictDoNothing();
  },
  subscribe(events, s) {
    // An owner's answer to a reminder ("sí", "no puedo") confirms or cancels what it was about.
    events.on(messageReceived, 'omnichannel.match_reminder_reply', async ({ ownerId, text }, { tx }) => {
      if (ownerId) await s.reminders.handleReply(ownerId, text, tx);
    });
  },
  jobs: (s, _ctx, settings) => [
    {
      name: SEND_QUEUE,
      options: { retryLimit: settings.SEND_ATTEMPTS - 1, retryDelay: 30, retryBackoff: true, retryDelayMax: 1800 },
      handler: async (data: { messageId: number; templateVars?: Record<string, string> }, job) =>
        s.messages.deliver(data.messageId, data.templateVars ?? {}, job.retryCount),
    },
    // Reminders are sent for a set time (startAfter), which no NOTIFY announces: look for due ones every 30 s.
    { name: REMINDER_QUEUE, backstopPollSeconds: 30, handler: async (data: { reminderId: number }) => s.reminders.sendDue(data.reminderId) },
    {
      name: ESCALATION_QUEUE,
      handler: async (data: { reminderId: number; step: number }) => {
        await s.reminders.escalateReminder({ kind: 'system', language: 'es' }, data.reminderId, data.step);
      },
    },
    { name: NOTICE_DIGEST, cron: settings.NOTICE_DIGEST_CRON, handler: async () => void (await s.notices.sendDigest()) },
  ],
  tools: omnichannelTools,
  routes: async (app, services, ctx, deps) => {
    await webhookRoutes(app, services, ctx);
    await omnichannelRoutes(app, services);
    await outreachRoutes(app, services);
    await outreachPages(app, services, ctx, deps.accounts);
    await inboxPages(app, services, ctx);
    await preferencePages(app, services);
    await templatePages(app, services);
  },
});

export type { Audience, MarketingConsentSocket, OmnichannelSockets } from './audiences';
export { toE164 } from './message.service';
export type { StaffNoticeInput } from './notice.service';
export * from './omnichannel.events';
export type { AssistantInboxPort, MailerPort, MarketingMessagingPort, MessagingPort, StaffNoticesPort } from './ports';
export { classifyReply } from './replies';
export type { OmnichannelServices } from './services';

declare module '@petfriendly/core' {
  interface ServiceRegistry {
    omnichannel: import('./services').OmnichannelServices;
  }
}
