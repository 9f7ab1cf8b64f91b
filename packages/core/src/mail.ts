import { desc, eq } from 'drizzle-orm';
import { localOutbox } from './core.tables';
import type { Db } from './db';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The reader's language (the HTML part says it). */
  language?: string;
}

/** Sends mail. The local adapter keeps it in `core.local_outbox`; omnichannel sends through the configured transport. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function localMailer(db: Db): Mailer & { sentTo(recipient: string): Promise<MailMessage[]> } {
  return {
    async send(message) {
      await db.insert(localOutbox).values({ channel: 'email', recipient: message.to.toLowerCase(), subject: message.subject, body: message.text });
    },
    async sentTo(recipient) {
      const rows = await db.select().from(localOutbox).where(eq(localOutbox.recipient, recipient.toLowerCase())).orderBy(desc(localOutbox.createdAt));
      return rows.map((r) => ({ to: r.recipient, subject: r.subject ?? '', text: r.body }));
    },
  };
}
