import { createHash, randomBytes } from 'node:crypto';
import type { Clock, DbOrTx } from '@petfriendly/core';
import { and, eq, gt } from 'drizzle-orm';
import { verifications } from './accounts.tables';

/** How long a sign-up's confirmation link works. */
export const VERIFY_EMAIL_HOURS = 24;
const PREFIX = 'verify-email:';
const identifierOf = (token: string) => `${PREFIX}${createHash('sha256').update(token).digest('hex')}`;

/**
 * Links that confirm an owner reads the mailbox they signed up with. Only a SHA-256 of the token is
 * kept (a leaked database confirms nobody); a link works once and for a day.
 */
export function createEmailVerification(clock: Clock) {
  /** A fresh token for the user, stored as its hash inside the caller's transaction. */
  async function issue(tx: DbOrTx, userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await tx.insert(verifications).values({
      identifier: identifierOf(token),
      value: userId,
      expiresAt: new Date(clock.now().getTime() + VERIFY_EMAIL_HOURS * 3_600_000),
    });
    return token;
  }

  /** Spends a token inside the caller's transaction: the user it confirms, or null when it is unknown, used or expired. */
  async function claim(tx: DbOrTx, token: string): Promise<string | null> {
    // Deleting is the claim: of two clicks at once, one gets the row.
    const [row] = await tx
      .delete(verifications)
      .where(and(eq(verifications.identifier, identifierOf(token)), gt(verifications.expiresAt, clock.now())))
      .returning({ userId: verifications.value });
    return row?.userId ?? null;
  }

  return { issue, claim };
}
