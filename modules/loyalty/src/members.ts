import { randomBytes } from 'node:crypto';
import { type Actor, type DbOrTx, Dec, isStaff, type ModuleContext, NotFoundError, requireAuthenticated, type Tx } from '@petfriendly/core';
import type { IconName } from '@petfriendly/ui';
import { asc, eq } from 'drizzle-orm';
import type { LoyaltySettings } from './loyalty.settings';
import { memberships, tiers } from './loyalty.tables';
import { referralCodeFrom, tierForSpend } from './points';

export type Tier = typeof tiers.$inferSelect;
export type Membership = typeof memberships.$inferSelect;

/** Each tier's colour and icon (a name from the UI's icon set). */
const TIER_LOOK: Record<string, { color: string; icon: IconName }> = {
  bronze: { color: '#8c5a2b', icon: 'medal' },
  silver: { color: '#5f6b76', icon: 'medal' },
  gold: { color: '#8a6d00', icon: 'trophy' },
  platinum: { color: '#3d4f63', icon: 'gem' },
};

/** The tiers and memberships: seeding tiers from the settings, enrolling owners, reading a member with their tier. */
export function createMembers(ctx: ModuleContext, settings: LoyaltySettings) {
  const { db, clock } = ctx;

  /** The `TIERS` setting into the table, by slug (idempotent; run at start-up). */
  async function seedTiers() {
    const ordered = settings.TIERS.toSorted((a, b) => new Dec(a.min_spend).cmp(b.min_spend));
    for (const [order, t] of ordered.entries()) {
      const slug = t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const values = {
        name: t.name,
        minLifetimeSpending: new Dec(t.min_spend).toFixed(2),
        discountPercent: new Dec(t.discount).toFixed(2),
        pointsMultiplier: new Dec(t.multiplier).toFixed(2),
        order,
        ...(TIER_LOOK[slug] ?? { color: '#4a5a6a', icon: 'star' }),
      };
      await db
        .insert(tiers)
        .values({ slug, ...values })
        .onConflictDoUpdate({ target: tiers.slug, set: values });
    }
  }

  async function listTiers(dbOrTx: DbOrTx = db): Promise<Tier[]> {
    return dbOrTx.select().from(tiers).orderBy(asc(tiers.order));
  }

  /** Enrols an owner in the lowest tier with a referral code of their own (nothing if already a member). */
  async function enrol(tx: Tx, ownerId: string, at: Date): Promise<Membership> {
    const [existing] = await tx.select().from(memberships).where(eq(memberships.ownerId, ownerId));
    if (existing) return existing;
    const all = await listTiers(tx);
    if (all.length === 0) await seedTiers();
    const base = tierForSpend(all.length ? all : await listTiers(tx), '0');
    for (;;) {
      const code = referralCodeFrom(randomBytes(8));
      const [row] = await tx.insert(memberships).values({ ownerId, tierId: base.id, referralCode: code, enrolledAt: at }).onConflictDoNothing().returning();
      if (row) return row;
      const [raced] = await tx.select().from(memberships).where(eq(memberships.ownerId, ownerId));
      if (raced) return raced;
    }
  }

  /** The owner a call is about: an owner only ever themselves; staff name one. */
  function ownerOf(actor: Actor, ownerId?: string): string {
    if (actor.kind === 'system' && ownerId) return ownerId;
    const who = requireAuthenticated(actor);
    if (isStaff(who)) {
      if (!ownerId) throw new NotFoundError('loyalty.member_not_found', 'Name the owner whose points to look at.');
      return ownerId;
    }
    if (ownerId && ownerId !== who.userId) throw new NotFoundError('loyalty.member_not_found', 'This owner is not a member of the loyalty programme.');
    return who.userId;
  }

  /** A member, enrolled on first sight if the enrolment event has not arrived yet. */
  async function memberRow(ownerId: string): Promise<Membership> {
    const [row] = await db.select().from(memberships).where(eq(memberships.ownerId, ownerId));
    if (row) return row;
    return db.transaction((tx) => enrol(tx, ownerId, clock.now()));
  }

  /** The member with their tier, the next tier and how far they are from it. */
  async function describe(m: Membership) {
    const all = await listTiers();
    const tier = all.find((t) => t.id === m.tierId) ?? all[0]!;
    const nextTier = all.find((t) => new Dec(t.minLifetimeSpending).gt(tier.minLifetimeSpending)) ?? null;
    const spend = new Dec(m.lifetimeSpending);
    const toNextTier = nextTier ? Dec.max(0, new Dec(nextTier.minLifetimeSpending).minus(spend)).toFixed(2) : null;
    const span = nextTier ? new Dec(nextTier.minLifetimeSpending).minus(tier.minLifetimeSpending) : null;
    const progressPercent = span?.gt(0) ? Math.min(100, spend.minus(tier.minLifetimeSpending).div(span).times(100).floor().toNumber()) : 100;
    return {
      id: m.id,
      ownerId: m.ownerId,
      currentPoints: m.currentPoints,
      lifetimePoints: m.lifetimePoints,
      lifetimeSpending: m.lifetimeSpending,
      pointsExpiringSoon: m.pointsExpiringSoon,
      nextExpiryDate: m.nextExpiryDate,
      referralCode: m.referralCode,
      referralsCount: m.referralsCount,
      tier,
      nextTier,
      toNextTier,
      progressPercent: Math.max(0, progressPercent),
    };
  }

  return { seedTiers, listTiers, enrol, ownerOf, memberRow, describe };
}

export type Members = ReturnType<typeof createMembers>;
