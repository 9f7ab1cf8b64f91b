import nodemailer, { type NodemailerError } from 'nodemailer';
import { type MessageProvider, ProviderError } from './types';

export interface SmtpSettings {
  host: string;
  port: number;
  /** true for implicit TLS (465); false lets the connection upgrade with STARTTLS (587, as SES offers). */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** Connection-level failures: the message was never refused, so the same message may go through later. */
const TRANSIENT_CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

/** Amazon SES answers DATA with "250 Ok <id>"; that id is the mail.messageId of its bounce and delivery notifications. */
const SES_ACCEPTED_REPLY = /^250 Ok ([0-9a-f]+(?:-[0-9a-f]+)+)$/i;

export function smtpProvider(settings: SmtpSettings): MessageProvider {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    channel: 'email',
    name: 'smtp',
    async send(message) {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          attachments: message.attachments?.map((attachment) => ({
            filename: attachment.filename,
            contentType: attachment.contentType,
            content: Buffer.from(attachment.content),
          })),
        });
        const sesId = SES_ACCEPTED_REPLY.exec(info.response.trim())?.[1];
        return { providerMessageId: sesId ?? info.messageId, status: 'sent' };
      } catch (error) {
        throw smtpProviderError(error as NodemailerError);
      }
    },
  };
}

function smtpProviderError(error: NodemailerError): ProviderError {
  const description = `smtp: ${error.response ?? error.message}`;
  if (typeof error.responseCode === 'number') {
    // nodemailer marks 5xx (except 503, a session-state error) permanent and 4xx transient, per RFC 5321.
    return new ProviderError(description, error.permanent !== true, String(error.responseCode));
  }
  const retryable = error.code !== undefined && TRANSIENT_CONNECTION_CODES.has(error.code);
  return new ProviderError(description, retryable, error.code);
}
