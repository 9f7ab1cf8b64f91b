import type { ModuleContext } from '@petfriendly/core';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { authAccounts, sessions, users, verifications } from './accounts.tables';

export interface AuthOptions {
  /** Sends the password-reset mail; better-auth gives us the user and the one-time token. */
  sendResetPassword(user: { email: string; name: string; preferredLanguage?: string | null }, token: string): Promise<void>;
}

/** better-auth does passwords (scrypt), sessions and reset tokens; we keep its tables in our `accounts` schema. */
export function createAuth(ctx: ModuleContext, options: AuthOptions) {
  const baseURL = ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`;
  return betterAuth({
    appName: ctx.clinic.NAME,
    baseURL,
    basePath: '/api/auth',
    secret: ctx.server.SECRET,
    trustedOrigins: [baseURL],
    telemetry: { enabled: false },
    database: drizzleAdapter(ctx.db, { provider: 'pg', schema: { user: users, session: sessions, account: authAccounts, verification: verifications } }),
    user: {
      additionalFields: {
        role: { type: 'string', required: true, defaultValue: 'owner', input: false },
        preferredLanguage: { type: 'string', required: false, defaultValue: 'es' },
        isActive: { type: 'boolean', required: false, defaultValue: true, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => options.sendResetPassword(user as never, token),
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    advanced: { cookiePrefix: 'pf', database: { generateId: 'uuid' } },
  });
}

export type Auth = ReturnType<typeof createAuth>;
