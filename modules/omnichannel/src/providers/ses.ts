import { verify } from 'node:crypto';
import { z } from 'zod';

/** An Amazon SNS HTTP(S) delivery (its body is JSON sent as text/plain). */
export const snsMessageSchema = z.object({
  Type: z.string(),
  MessageId: z.string(),
  TopicArn: z.string(),
  Subject: z.string().nullish(),
  Message: z.string(),
  Timestamp: z.string(),
  SignatureVersion: z.string(),
  Signature: z.string(),
  SigningCertURL: z.string(),
  SubscribeURL: z.string().optional(),
  Token: z.string().optional(),
  UnsubscribeURL: z.string().optional(),
});
export type SnsMessage = z.infer<typeof snsMessageSchema>;

/** The fields SNS signs, in the order of its documented canonical string. */
const SIGNED_FIELDS: Record<string, (keyof SnsMessage)[]> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
};

const SIGNATURE_HASHES: Record<string, string> = { '1': 'sha1', '2': 'sha256' };

/**
 * Checks an SNS message's signature (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA) against the
 * signing certificate, or its public key, as PEM. Fetching the certificate is the caller's job: only
 * from a SigningCertURL that passes isTrustedSnsCertUrl.
 */
export function verifySnsSignature(message: SnsMessage, keys: { certificatePem: string }): boolean {
  const fields = SIGNED_FIELDS[message.Type];
  const hash = SIGNATURE_HASHES[message.SignatureVersion];
  if (!fields || !hash) return false;
  const canonical = fields
    .filter((field) => typeof message[field] === 'string')
    .map((field) => `${field}\n${message[field]}\n`)
    .join('');
  return verify(hash, Buffer.from(canonical, 'utf8'), keys.certificatePem, Buffer.from(message.Signature, 'base64'));
}

/** Only certificates served over HTTPS by SNS itself, e.g. https://sns.us-east-1.amazonaws.com/SimpleNotificationService-….pem */
export function isTrustedSnsCertUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === '' &&
    // A region label, so no other amazonaws.com host (an S3 bucket named "sns") can pass.
    /^sns\.[a-z]{2}(-gov)?-[a-z]+-\d+\.amazonaws\.com$/.test(parsed.hostname) &&
    parsed.pathname.endsWith('.pem')
  );
}

export interface SesDeliveryNotification {
  /** The SES message id: what the SMTP provider returned from SES's "250 Ok <id>". */
  providerMessageId: string;
  event: 'bounce' | 'complaint' | 'delivery';
  status: 'failed' | 'delivered';
  recipients: string[];
  /** Do not send to these recipients again: a permanent bounce or a complaint. */
  permanent: boolean;
}

const recipientList = z.array(z.object({ emailAddress: z.string() }));

/** SES identity notifications say notificationType; configuration-set event publishing says eventType. */
const sesNotification = z.object({
  notificationType: z.string().optional(),
  eventType: z.string().optional(),
  mail: z.object({ messageId: z.string() }),
  bounce: z.object({ bounceType: z.string(), bouncedRecipients: recipientList }).optional(),
  complaint: z.object({ complainedRecipients: recipientList }).optional(),
  delivery: z.object({ recipients: z.array(z.string()) }).optional(),
});

/**
 * Reads the SES bounce, complaint or delivery carried by an SNS Notification. Anything else on the
 * topic (subscription messages, SES's plain-text "Successfully validated…" test message) yields [].
 */
export function parseSesNotifications(message: SnsMessage): SesDeliveryNotification[] {
  if (message.Type !== 'Notification') return [];
  let body: unknown;
  try {
    body = JSON.parse(message.Message);
  } catch {
    return [];
  }
  const parsed = sesNotification.safeParse(body);
  if (!parsed.success) return [];
  const { mail, bounce, complaint, delivery } = parsed.data;
  const providerMessageId = mail.messageId;
  switch (parsed.data.notificationType ?? parsed.data.eventType) {
    case 'Bounce':
      if (!bounce) return [];
      return [
        {
          providerMessageId,
          event: 'bounce',
          status: 'failed',
          recipients: bounce.bouncedRecipients.map((recipient) => recipient.emailAddress),
          permanent: bounce.bounceType === 'Permanent',
        },
      ];
    case 'Complaint':
      if (!complaint) return [];
      return [
        {
          providerMessageId,
          event: 'complaint',
          status: 'failed',
          recipients: complaint.complainedRecipients.map((recipient) => recipient.emailAddress),
          permanent: true,
        },
      ];
    case 'Delivery':
      if (!delivery) return [];
      return [{ providerMessageId, event: 'delivery', status: 'delivered', recipients: delivery.recipients, permanent: false }];
    default:
      return [];
  }
}
