import { sql } from 'drizzle-orm';
import type { Tx } from './db';

/** One module's part of an owner's data (ARCO "acceso"): named lists of plain rows, decimals as strings. */
export type OwnerDataPart = Record<string, Record<string, unknown>[]>;

/**
 * What every module holding an owner's personal data offers the privacy module: the owner's data as
 * this module keeps it, and its anonymisation on a cancellation request (ARCO "cancelación"), in the
 * caller's transaction so the whole request commits or none of it. What the law makes the clinic keep
 * (invoices and their fiscal data, for five years) stays.
 */
export interface OwnerPrivacy {
  ownerData(ownerId: string): Promise<OwnerDataPart>;
  anonymiseOwner(tx: Tx, ownerId: string, replacement: { name: string; email: string }): Promise<void>;
}

/** The port a module exposes for it. */
export type OwnerPrivacyPort = { privacy: OwnerPrivacy };

/**
 * Replaces an owner's former name and email in what the kernel keeps of them: event payloads (which a
 * consumer reading from the start replays) and the messages the local providers "sent". Run in the
 * cancellation's transaction, after every module anonymised its own rows.
 */
export async function eraseFromKernel(tx: Tx, former: { name: string; email: string }, replacement: { name: string; email: string }): Promise<void> {
  for (const [old, now] of [
    [former.email, replacement.email],
    [former.name, replacement.name],
  ] as const) {
    if (!old.trim()) continue;
    // Inside JSON a string is escaped; the payload's text is searched and rewritten in that form.
    const inJson = JSON.stringify(old).slice(1, -1);
    const likeJson = `%${inJson.replace(/[\\%_]/g, '\\$&')}%`;
    const like = `%${old.replace(/[\\%_]/g, '\\$&')}%`;
    await tx.execute(
      sql`update core.outbox set payload = replace(payload::text, ${inJson}, ${JSON.stringify(now).slice(1, -1)})::jsonb where payload::text like ${likeJson}`,
    );
    await tx.execute(
      sql`update core.local_outbox set recipient = replace(recipient, ${old}, ${now}), subject = replace(subject, ${old}, ${now}), body = replace(body, ${old}, ${now})
          where recipient like ${like} or subject like ${like} or body like ${like}`,
    );
  }
}
