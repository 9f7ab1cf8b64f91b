import { type Actor, actorFromUser, type ModuleContext, parseInput, ServiceError, ValidationError } from '@petfriendly/core';
import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import { ownerCreated } from './accounts.events';
import { resetPasswordSchema, resetRequestSchema, signInSchema, signUpSchema } from './accounts.schemas';
import { ownerProfiles, users } from './accounts.tables';
import type { Auth } from './auth';
import { emitOwnerEvent } from './owner-events';

export class InvalidCredentialsError extends ServiceError {
  override readonly statusCode = 401;
  constructor() {
    super('accounts.invalid_credentials', 'The email or password is not right.');
  }
}

/** Sign-up, sign-in, sign-out and password reset, through better-auth; each returns the cookies to set. */
export function createIdentityService(ctx: ModuleContext, auth: Auth) {
  async function signUp(input: unknown, headers: Headers) {
    const data = parseInput(signUpSchema, input);
    try {
      const { headers: out, response } = await auth.api.signUpEmail({
        body: { name: data.name, email: data.email, password: data.password, preferredLanguage: data.preferredLanguage },
        headers,
        returnHeaders: true,
      });
      await ctx.db.transaction(async (tx) => {
        await tx.insert(ownerProfiles).values({ userId: response.user.id, phone: data.phone, preferredChannel: data.preferredChannel });
        await emitOwnerEvent(ctx.events, tx, ownerCreated, response.user.id);
      });
      return { userId: response.user.id, cookies: out.getSetCookie() };
    } catch (error) {
      if (error instanceof APIError && String(error.body?.code).includes('USER_ALREADY_EXISTS')) {
        throw ValidationError.forField('accounts.email_taken', 'email', 'There is already an account with this email. Sign in or reset your password.');
      }
      throw translate(error);
    }
  }

  async function signIn(input: unknown, headers: Headers) {
    const data = parseInput(signInSchema, input);
    const [user] = await ctx.db.select({ isActive: users.isActive }).from(users).where(eq(users.email, data.email));
    if (user && !user.isActive) throw new InvalidCredentialsError();
    try {
      const { headers: out, response } = await auth.api.signInEmail({
        body: { email: data.email, password: data.password, rememberMe: true },
        headers,
        returnHeaders: true,
      });
      return { userId: response.user.id, cookies: out.getSetCookie() };
    } catch (error) {
      if (error instanceof APIError && (error.statusCode === 401 || error.statusCode === 400)) throw new InvalidCredentialsError();
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
    try {
      await auth.api.resetPassword({ body: { token: data.token, newPassword: data.password } });
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

  return { signUp, signIn, signOut, requestPasswordReset, resetPassword, actorFromSession };
}

function translate(error: unknown): unknown {
  if (error instanceof APIError && error.statusCode === 400 && String(error.body?.code).includes('PASSWORD')) {
    return ValidationError.forField('accounts.password_invalid', 'password', String(error.body?.message ?? 'Invalid password.'));
  }
  return error;
}

export type IdentityService = ReturnType<typeof createIdentityService>;
