export type ChannelKind = 'email' | 'sms' | 'whatsapp';

export interface OutgoingMessage {
  channel: ChannelKind;
  /** Email address, or E.164 phone number (+5215512345678). */
  to: string;
  /** Email only. */
  subject?: string;
  text: string;
  /** Email only. */
  html?: string;
  /** Email only: where answers go (the clinic). */
  replyTo?: string;
  /** Email only: extra header fields (`List-Unsubscribe` on marketing mail). */
  headers?: Record<string, string>;
  /** Email only, e.g. an .ics invitation. */
  attachments?: { filename: string; contentType: string; content: Uint8Array }[];
  /** WhatsApp outside the 24-hour customer-service window must use an approved template. */
  template?: { name: string; language: string; parameters: string[] };
}

export interface SendResult {
  providerMessageId: string;
  status: 'sent' | 'queued';
}

export interface MessageProvider {
  readonly channel: ChannelKind;
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** A provider refused or failed to take a message; `retryable` tells the job runner whether to try again. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly providerCode?: string,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
