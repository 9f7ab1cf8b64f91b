import { type Clock, type Db, ServiceError } from '@petfriendly/core';
import { eq, sql } from 'drizzle-orm';
import { signInFailures } from './accounts.tables';

/** Failures allowed before the address is locked; each one after doubles the wait, up to an hour. */
export const FREE_ATTEMPTS = 5;
const MAX_LOCK_MINUTES = 60;

export class SignInLockedError extends ServiceError {
  override readonly statusCode = 429;
  constructor(minutes: number) {
    super('accounts.sign_in_locked', 'Too many failed attempts. Try again in {{minutes}} minutes, or reset your password.', { minutes });
  }
}

/** The wait after the nth consecutive failure: none for the first five, then 1, 2, 4 … 60 minutes. */
export function lockMinutes(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MINUTES);
}

/** Backs off sign-in per email address: a guessed password stops working long before it could be found. */
export function createSignInGuard(db: Db, clock: Clock) {
  const key = (email: string) => email.trim().toLowerCase();

  /** Refuses while the address is locked, with the minutes left; a wrong or right password alike. */
  async function assertOpen(email: string): Promise<void> {
    const [row] = await db
      .select({ lockedUntil: signInFailures.lockedUntil })
      .from(signInFailures)
      .where(eq(signInFailures.email, key(email)));
    const left = row?.lockedUntil ? row.lockedUntil.getTime() - clock.now().getTime() : 0;
    if (left > 0) throw new SignInLockedError(Math.ceil(left / 60_000));
  }

  /** Counts a failure in one statement, so racing attempts all count. */
  async function recordFailure(email: string): Promise<void> {
    const now = clock.now();
    const [row] = await db
      .insert(signInFailures)
      .values({ email: key(email), failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({ target: signInFailures.email, set: { failures: sql`${signInFailures.failures} + 1`, lastFailureAt: now } })
      .returning({ failures: signInFailures.failures });
    const minutes = lockMinutes(row?.failures ?? 1);
    if (minutes > 0) {
      await db
        .update(signInFailures)
        .set({ lockedUntil: new Date(now.getTime() + minutes * 60_000) })
        .where(eq(signInFailures.email, key(email)));
    }
  }

  async function clear(email: string): Promise<void> {
    await db.delete(signInFailures).where(eq(signInFailures.email, key(email)));
  }

  return { assertOpen, recordFailure, clear };
}
