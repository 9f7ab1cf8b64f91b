import type { OmnichannelServices } from './services';

/** Sending a message and scheduling reminders about something (appointments, billing). */
export type MessagingPort = Pick<OmnichannelServices, 'messages' | 'reminders'>;

/** What the AI assistant does in the inbox: answer, hand off to staff, tell reminder replies apart. */
export type AssistantInboxPort = Pick<OmnichannelServices, 'assistant' | 'reminders'>;

/** Telling staff what needs doing (stock to reorder): an inbox notice and the daily digest. */
export type StaffNoticesPort = Pick<OmnichannelServices, 'notices'>;

/** Mail through the configured transport (the reports mailed to managers). */
export type MailerPort = Pick<OmnichannelServices, 'mailer'>;

/** What marketing uses: plan and queue a message in its own transaction (each recipient sent once), and the E.164 form of a phone. */
export type MarketingMessagingPort = { messages: Pick<OmnichannelServices['messages'], 'planMessage' | 'queueMessage'> };
