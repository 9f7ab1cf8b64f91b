import { type Actor, actorFromUser, type ModuleContext, parseInput, ServiceError, type Tx, ValidationError } from '@petfriendly/core';
import { APIError } from 'better-auth/api';
import { hashPassword } from 'better-auth/crypto';
import { eq, sql } from 'drizzle-orm';
import { ownerCreated } from './accounts.events';
import { resetPasswordSchema, resetRequestSchema, signInSchema, signUpSchema, verifyEmailSchema } from './accounts.schemas';
import { authAccounts, ownerProfiles, sessions, users, verifications } from './accounts.tables';
import type { Auth } from './auth';
import { createEmailVerification } from './email-verification';
import { emitOwnerEvent } from './owner-events';
import { createSignInGuard } from './sign-in-guard';

/** The right password for an address whose sign-up link was never clicked. */
export class EmailNotVerifiedError extends ServiceError {
  override readonly statusCode = 403;
  constructor() {
    super('accounts.email_not_verified', 'Confirm your email first: we have just sent you a new link.');
  }
}

export class InvalidCredentialsError extends ServiceError {
  override readonly statusCode = 401;
  constructor() {
    super('accounts.invalid_credentials', 'The email or password is not right.');
  }
}

/** The mails sign-up sends (written by the composition of the module, through its mail transport). */
export interface IdentityMail {
  confirmEmail(user: Recipient, token: string): Promise<void>;
  alreadyRegistered(user: Recipient): Promise<void>;
}
type Recipient = { name: string; email: string; preferredLanguage?: string | null };

/** Sign-up, sign-in, sign-out and password reset, through better-auth; each returns the cookies to set. */
export function createIdentityService(ctx: ModuleContext, auth: Auth, mail: IdentityMail) {
  const guard = createSignInGuard(ctx.db, ctx.clock);
  const verification = createEmailVerification(ctx.clock);

  /**
   * Answers the same whether or not the email has an account, so sign-up tells nobody who is a client:
   * a new address gets a confirmation link (the account works once it is clicked), a known one a mail
   * saying so, with the ways back in. The password is hashed either way, so both take as long.
   */
  async function signUp(input: unknown): Promise<void> {
    const data = parseInput(signUpSchema, input);
    const passwordHash = await hashPassword(data.password);
    const created = await ctx.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ name: data.name, email: data.email, role: 'owner', preferredLanguage: data.preferredLanguage, emailVerified: false })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id, name: users.name, email: users.email, preferredLanguage: users.preferredLanguage });
      if (!user) return null;
      await tx.insert(authAccounts).values({ userId: user.id, accountId: user.id, providerId: 'credential', password: passwordHash });
      await tx.insert(ownerProfiles).values({ userId: user.id, phone: data.phone, preferredChannel: data.preferredChannel });
      return { user, token: await verification.issue(tx, user.id) };
    });
    if (created) return mail.confirmEmail(created.user, created.token);
    const [existing] = await ctx.db
      .select({ name: users.name, email: users.email, preferredLanguage: users.preferredLanguage })
      .from(users)
      .where(eq(users.email, data.email));
    await mail.alreadyRegistered(existing ?? { name: data.name, email: data.email, preferredLanguage: data.preferredLanguage });
  }

  /** The link from the sign-up mail: the address is confirmed and the owner may sign in (once per link). */
  async function verifyEmail(input: unknown): Promise<{ email: string }> {
    const { token } = parseInput(verifyEmailSchema, input);
    const email = await ctx.db.transaction(async (tx) => {
      const userId = await verification.claim(tx, token);
      return userId ? markVerified(tx, userId) : null;
    });
    if (!email)
      throw ValidationError.forField('accounts.verify_token_invalid', 'token', 'This confirmation link is invalid, used or expired. Sign in to get a new one.');
    return { email };
  }

  /** The address is proven: the account opens, and an owner's arrival is announced then (not at an unconfirmed sign-up). */
  async function markVerified(tx: Tx, userId: string): Promise<string | null> {
    const [user] = await tx.select({ email: users.email, verified: users.emailVerified, role: users.role }).from(users).where(eq(users.id, userId));
    if (!user) return null;
    if (!user.verified) {
      await tx.update(users).set({ emailVerified: true, updatedAt: ctx.clock.now() }).where(eq(users.id, userId));
      if (user.role === 'owner') await emitOwnerEvent(ctx.events, tx, ownerCreated, userId);
    }
    return user.email;
  }

  async function signIn(input: unknown, headers: Headers) {
    const data = parseInput(signInSchema, input);
    await guard.assertOpen(data.email);
    const [user] = await ctx.db.select({ isActive: users.isActive }).from(users).where(eq(users.email, data.email));
    if (user && !user.isActive) throw new InvalidCredentialsError();
    try {
      const { headers: out, response } = await auth.api.signInEmail({
        body: { email: data.email, password: data.password, rememberMe: true },
        headers,
        returnHeaders: true,
      });
      await guard.clear(data.email);
      if (!(response.user as { emailVerified?: boolean }).emailVerified) {
        // The right password on an unconfirmed address: no session, and a fresh link to the mailbox.
        await ctx.db.delete(sessions).where(eq(sessions.token, response.token));
        const token = await verification.issue(ctx.db, response.user.id);
        await mail.confirmEmail({ ...response.user, preferredLanguage: (response.user as { preferredLanguage?: string }).preferredLanguage }, token);
        throw new EmailNotVerifiedError();
      }
      return { userId: response.user.id, cookies: out.getSetCookie() };
    } catch (error) {
      if (error instanceof APIError && (error.statusCode === 401 || error.statusCode === 400)) {
        await guard.recordFailure(data.email);
        throw new InvalidCredentialsError();
      }
      throw translate(error);
    }
  }

  async function signOut(headers: Headers) {
    try {
      const { headers: out } = await auth.api.signOut({ headers, returnHeaders: true });
      return { cookies: out.getSetCookie() };
    } catch {
      return { cookies: [] };
    }
  }

  /** Always answers the same way, so nobody can learn whether an email has an account. */
  async function requestPasswordReset(input: unknown) {
    const { email } = parseInput(resetRequestSchema, input);
    await auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' } });
  }

  async function resetPassword(input: unknown) {
    const data = parseInput(resetPasswordSchema, input);
    const [owner] = await ctx.db
      .select({ id: users.id, email: users.email })
      .from(verifications)
      .innerJoin(users, sql`${users.id}::text = ${verifications.value}`)
      .where(eq(verifications.identifier, `reset-password:${data.token}`));
    try {
      await auth.api.resetPassword({ body: { token: data.token, newPassword: data.password } });
      // Whoever proved they read the mailbox may sign in again at once, and their address is confirmed.
      if (owner) {
        await guard.clear(owner.email);
        await ctx.db.transaction((tx) => markVerified(tx, owner.id));
      }
    } catch (error) {
      if (error instanceof APIError) {
        throw ValidationError.forField('accounts.reset_token_invalid', 'token', 'This reset link is invalid or has expired. Ask for a new one.');
      }
      throw error;
    }
  }

  /** The actor behind a browser session cookie, or null. */
  async function actorFromSession(headers: Headers): Promise<{ actor: Actor; user: { id: string; name: string; email: string; role: string } } | null> {
    const session = await auth.api.getSession({ headers });
    if (!session) return null;
    const user = session.user as unknown as { id: string; name: string; email: string; role: string; preferredLanguage: string; isActive: boolean };
    if (user.isActive === false) return null;
    return { actor: actorFromUser(user), user };
  }

  return { signUp, verifyEmail, signIn, signOut, requestPasswordReset, resetPassword, actorFromSession };
}

function translate(error: unknown): unknown {
  if (error instanceof APIError && error.statusCode === 400 && String(error.body?.code).includes('PASSWORD')) {
    return ValidationError.forField('accounts.password_invalid', 'password', String(error.body?.message ?? 'Invalid password.'));
  }
  return error;
}

export type IdentityService = ReturnType<typeof createIdentityService>;
