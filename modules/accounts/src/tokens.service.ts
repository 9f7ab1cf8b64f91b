import { createHash, randomBytes } from 'node:crypto';
import {
  type Actor,
  actorFromUser,
  isStaff,
  type ModuleContext,
  NotFoundError,
  PermissionDeniedError,
  parseInput,
  requireAuthenticated,
} from '@petfriendly/core';
import { and, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { tokenSchema } from './accounts.schemas';
import { apiTokens, users } from './accounts.tables';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
/** A token's use is recorded at most this often, so reading through the API does not write on every request. */
const USE_RECORDED_EVERY_MS = 60_000;

/** API tokens (`Authorization: Bearer pf_…`) for integrations and scripts. The plain token is shown once. */
export function createTokenService(ctx: ModuleContext) {
  const { db, clock } = ctx;

  /** A user makes tokens for themselves; an admin (or the CLI) for anyone. */
  async function createToken(actor: Actor, input: unknown) {
    const { name, userId, expiresInDays } = parseInput(tokenSchema, input);
    let owner: string;
    if (actor.kind === 'system') {
      if (!userId) throw new NotFoundError('accounts.user_not_found', 'Say which user the token is for.');
      owner = userId;
    } else {
      const who = requireAuthenticated(actor);
      owner = userId ?? who.userId;
      if (owner !== who.userId && !(isStaff(who) && who.role === 'admin')) {
        throw new PermissionDeniedError('accounts.token_for_other', 'Only an admin can make a token for someone else.');
      }
    }
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, owner));
    if (!user) throw new NotFoundError('accounts.user_not_found', `User ${owner} not found.`);
    const token = `pf_${randomBytes(24).toString('base64url')}`;
    const expiresAt = expiresInDays ? new Date(clock.now().getTime() + expiresInDays * 86_400_000) : null;
    const [row] = await db
      .insert(apiTokens)
      .values({ userId: owner, name, tokenHash: hash(token), prefix: token.slice(0, 10), expiresAt })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, expiresAt: apiTokens.expiresAt });
    return { ...row!, token };
  }

  /** The actor a bearer token stands for, or null when it is unknown, revoked, expired or its user is inactive. */
  async function actorFromToken(token: string): Promise<Actor | null> {
    if (!token.startsWith('pf_')) return null;
    const now = clock.now();
    const [row] = await db
      .select({
        tokenId: apiTokens.id,
        lastUsedAt: apiTokens.lastUsedAt,
        id: users.id,
        role: users.role,
        name: users.name,
        preferredLanguage: users.preferredLanguage,
      })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, hash(token)),
          isNull(apiTokens.revokedAt),
          eq(users.isActive, true),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        ),
      );
    if (!row) return null;
    const recordedBefore = new Date(now.getTime() - USE_RECORDED_EVERY_MS);
    if (!row.lastUsedAt || row.lastUsedAt < recordedBefore) {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, recordedBefore))));
    }
    return actorFromUser(row);
  }

  async function listTokens(actor: Actor) {
    const who = requireAuthenticated(actor);
    return db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        expiresAt: apiTokens.expiresAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
        createdAt: apiTokens.createdAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.userId, who.userId))
      .orderBy(desc(apiTokens.createdAt));
  }

  async function revokeToken(actor: Actor, tokenId: string) {
    const who = requireAuthenticated(actor);
    const [row] = await db
      .update(apiTokens)
      .set({ revokedAt: clock.now() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, who.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new NotFoundError('accounts.token_not_found', 'No such active token.');
  }

  return { createToken, actorFromToken, listTokens, revokeToken };
}

export type TokenService = ReturnType<typeof createTokenService>;
