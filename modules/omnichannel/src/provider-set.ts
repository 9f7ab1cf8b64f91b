import { type Db, localOutbox } from '@petfriendly/core';
import type { OmnichannelSettings } from './omnichannel.settings';
import type { ChannelKind } from './omnichannel.tables';
import { localProvider, type MessageProvider, smtpProvider, twilioSmsProvider, whatsappCloudProvider } from './providers';

export interface ProviderSet {
  for(channel: ChannelKind): MessageProvider;
  /** Which channels go to a real provider (the others are kept in the local outbox). */
  real: ChannelKind[];
}

/** Real providers where credentials are set; the local provider (recorded for staff to read) elsewhere. */
export function createProviderSet(db: Db, settings: OmnichannelSettings, overrides: Partial<Record<ChannelKind, MessageProvider>> = {}): ProviderSet {
  const record = (channel: ChannelKind) =>
    localProvider(channel, async (m) => {
      await db
        .insert(localOutbox)
        .values({ channel, recipient: m.to.toLowerCase(), subject: m.subject ?? null, body: m.template ? `[${m.template.name}] ${m.text}` : m.text });
    });
  const providers: Record<ChannelKind, MessageProvider> = {
    email: settings.SMTP_HOST
      ? smtpProvider({
          host: settings.SMTP_HOST,
          port: settings.SMTP_PORT,
          secure: settings.SMTP_SECURE,
          user: settings.SMTP_USER,
          password: settings.SMTP_PASSWORD,
          from: settings.EMAIL_FROM,
        })
      : record('email'),
    sms:
      settings.TWILIO_ACCOUNT_SID && settings.TWILIO_AUTH_TOKEN && settings.TWILIO_PHONE_NUMBER
        ? twilioSmsProvider({
            accountSid: settings.TWILIO_ACCOUNT_SID,
            authToken: settings.TWILIO_AUTH_TOKEN,
            from: settings.TWILIO_PHONE_NUMBER,
            baseUrl: settings.TWILIO_BASE_URL,
          })
        : record('sms'),
    whatsapp:
      settings.WHATSAPP_PHONE_NUMBER_ID && settings.WHATSAPP_ACCESS_TOKEN
        ? whatsappCloudProvider({
            phoneNumberId: settings.WHATSAPP_PHONE_NUMBER_ID,
            accessToken: settings.WHATSAPP_ACCESS_TOKEN,
            baseUrl: settings.WHATSAPP_BASE_URL,
          })
        : record('whatsapp'),
    ...overrides,
  };
  return {
    for: (channel) => providers[channel],
    real: (Object.keys(providers) as ChannelKind[]).filter((c) => providers[c].name !== 'local'),
  };
}
