import { z } from 'zod';
import { CHANNEL_KINDS } from './omnichannel.tables';

const optional = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

/**
 * The spec's `OMNICHANNEL` block plus what the real providers need. A provider is used only when its
 * credentials are set; otherwise the local provider keeps the message for staff to read.
 */
export const omnichannelSettings = z.object({
  DEFAULT_CHANNEL: z.enum(CHANNEL_KINDS).default('whatsapp'),
  ESCALATION_ORDER: z.array(z.enum(CHANNEL_KINDS)).min(1).default(['whatsapp', 'sms', 'email']),
  ESCALATION_WAIT_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 7)
    .default(24),
  TWILIO_ACCOUNT_SID: optional,
  TWILIO_AUTH_TOKEN: optional,
  TWILIO_PHONE_NUMBER: optional,
  TWILIO_BASE_URL: z.string().url().default('https://api.twilio.com'),
  /** The clinic's WhatsApp number as owners dial it (E.164, `+52…`): the "write to us" link. */
  WHATSAPP_BUSINESS_PHONE: optional,
  /** The Cloud API's id for that number (Meta's WhatsApp Manager), which the API is called with. */
  WHATSAPP_PHONE_NUMBER_ID: optional,
  WHATSAPP_ACCESS_TOKEN: optional,
  WHATSAPP_APP_SECRET: optional,
  WHATSAPP_VERIFY_TOKEN: optional,
  WHATSAPP_BASE_URL: z.string().url().default('https://graph.facebook.com'),
  SMTP_HOST: optional,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).default(false),
  SMTP_USER: optional,
  SMTP_PASSWORD: optional,
  EMAIL_FROM: z.string().default('Clínica Pet-Friendly <hola@petfriendly.mx>'),
  /** When staff get the day's notices (stock to reorder, batches expiring) by mail. */
  NOTICE_DIGEST_CRON: z.string().default('45 7 * * *'),
  /** Sending attempts before a message counts as failed and moves to the next channel. */
  SEND_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
});
export type OmnichannelSettings = z.infer<typeof omnichannelSettings>;
