import { type Actor, anonymous, localMailer, type Mailer, type ModuleContext, parseInput } from '@petfriendly/core';
import { inviteStaffSchema } from './accounts.schemas';
import { createAuth } from './auth';
import { createIdentityService } from './identity.service';
import { createOwnerImport } from './owner-import';
import { createAccountsPrivacy } from './privacy';
import { createTokenService } from './tokens.service';
import { createUserService } from './users.service';

/** What accounts asks of modules that depend on it: the mail transport (omnichannel fills it; the local outbox until then). */
export interface AccountsSockets {
  mail: Mailer | null;
}
export const accountsSockets: AccountsSockets = { mail: null };

export function createAccountsServices(ctx: ModuleContext, sockets: Readonly<AccountsSockets> = accountsSockets) {
  const local = localMailer(ctx.db);
  const baseURL = ctx.server.BASE_URL ?? `http://${ctx.server.HOST}:${ctx.server.PORT}`;
  /** Emails being invited right now: their set-password link goes out as an invitation. */
  const inviting = new Set<string>();
  /** A mail to one person in their language, with the clinic's name and the links it needs. */
  const sendTo = async (user: { name: string; email: string; preferredLanguage?: string | null }, mail: string, values: Record<string, string>) => {
    const language = user.preferredLanguage ?? ctx.clinic.DEFAULT_LANGUAGE;
    const t = ctx.i18n.t(language);
    await (sockets.mail ?? local).send({
      to: user.email,
      subject: t(`accounts:${mail}.mailSubject`, { clinic: ctx.clinic.NAME }),
      text: t(`accounts:${mail}.mailBody`, { name: user.name, clinic: ctx.clinic.NAME, ...values }),
      language,
    });
  };
  const auth = createAuth(ctx, {
    sendResetPassword: (user, token) =>
      sendTo(user, inviting.has(user.email) ? 'invite' : 'reset', { link: `${baseURL}/reset-password?token=${encodeURIComponent(token)}` }),
  });
  const identity = createIdentityService(ctx, auth, {
    confirmEmail: (user, token) => sendTo(user, 'verify', { link: `${baseURL}/verify-email?token=${encodeURIComponent(token)}` }),
    alreadyRegistered: (user) => sendTo(user, 'already', { signIn: `${baseURL}/sign-in`, reset: `${baseURL}/forgot-password` }),
  });
  const tokens = createTokenService(ctx);
  const users = createUserService(ctx);
  const ownerImport = createOwnerImport(ctx);

  /** An admin adds a member of the team; they get an invitation by email with a link to choose their password. */
  async function inviteStaff(actor: Actor, input: unknown) {
    const data = parseInput(inviteStaffSchema, input);
    const user = await users.createUser(actor, data);
    inviting.add(user.email);
    try {
      await identity.requestPasswordReset({ email: user.email });
    } finally {
      inviting.delete(user.email);
    }
    return user;
  }

  /** Who is calling: an API token (`Authorization: Bearer pf_…`) or a browser session; otherwise anonymous. */
  async function resolveActor(headers: Headers, language: string): Promise<{ actor: Actor; user: { id: string; name: string; role: string } | null }> {
    const authorization = headers.get('authorization');
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      const actor = await tokens.actorFromToken(authorization.slice(7).trim());
      if (!actor || actor.kind === 'anonymous' || actor.kind === 'system') return { actor: anonymous(language), user: null };
      return { actor, user: { id: actor.userId, name: actor.name ?? '', role: actor.kind === 'staff' ? actor.role : 'owner' } };
    }
    const session = await identity.actorFromSession(headers);
    return session ?? { actor: anonymous(language), user: null };
  }

  return { auth, identity, tokens, users, directory: users.directory, ownerImport, inviteStaff, resolveActor, privacy: createAccountsPrivacy(ctx) };
}

export type AccountsServices = ReturnType<typeof createAccountsServices>;
