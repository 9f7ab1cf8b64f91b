import { addLocalDays, clinicToday, type ModuleContext } from '@petfriendly/core';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { pointsLedger } from './ledger';
import { pointsExpiring } from './loyalty.events';
import type { LoyaltySettings } from './loyalty.settings';
import { memberships, pointsTransactions } from './loyalty.tables';

/**
 * The daily job: lots past their date expire (an `expire` transaction each), every member's "expiring
 * soon" figures are brought up to date, and owners with points expiring within the notice window hear
 * of it once per date (`loyalty.points_expiring`, which the notice consumer sends).
 */
export function createExpiryService(ctx: ModuleContext, settings: LoyaltySettings) {
  const { db, clock, events } = ctx;

  async function expirePoints(): Promise<{ expired: number; noticed: number }> {
    const today = clinicToday(clock, ctx.clinic.TIME_ZONE);
    const due = await db
      .select({ id: pointsTransactions.id, ownerId: memberships.ownerId })
      .from(pointsTransactions)
      .innerJoin(memberships, eq(memberships.id, pointsTransactions.membershipId))
      .where(and(gt(pointsTransactions.remaining, 0), lt(pointsTransactions.expiresAt, today)));
    for (const lot of due) {
      await db.transaction(async (tx) => {
        const ledger = pointsLedger(tx, clock.now(), today);
        const m = (await ledger.lockMembership(lot.ownerId))!;
        const [fresh] = await tx.select().from(pointsTransactions).where(eq(pointsTransactions.id, lot.id)).for('update');
        if (!fresh?.remaining) return;
        await ledger.debit(m, 'expire', fresh.remaining, { description: fresh.description, reference: `lot:${fresh.id}` }, { onlyLots: [fresh.id] });
      });
    }
    const windowEnd = addLocalDays(today, settings.EXPIRY_NOTICE_DAYS);
    // The first date each member's points expire on, and how many expire within the window.
    await db.execute(sql`
      update ${memberships} m set
        next_expiry_date = s.next_date,
        points_expiring_soon = coalesce(s.soon, 0)
      from (
        select mm.id,
          (select min(expires_at) from ${pointsTransactions} l where l.membership_id = mm.id and l.remaining > 0 and l.expires_at >= ${today}) as next_date,
          (select sum(remaining) from ${pointsTransactions} l where l.membership_id = mm.id and l.remaining > 0 and l.expires_at between ${today} and ${windowEnd}) as soon
        from ${memberships} mm
      ) s
      where s.id = m.id`);
    const toTell = await db
      .select()
      .from(memberships)
      .where(
        and(
          gt(memberships.pointsExpiringSoon, 0),
          sql`${memberships.nextExpiryDate} <= ${windowEnd}`,
          sql`${memberships.expiryNoticeFor} is distinct from ${memberships.nextExpiryDate}`,
        ),
      );
    for (const m of toTell) {
      await db.transaction(async (tx) => {
        await tx.update(memberships).set({ expiryNoticeFor: m.nextExpiryDate }).where(eq(memberships.id, m.id));
        await events.emit(tx, pointsExpiring, { membershipId: m.id, ownerId: m.ownerId, points: m.pointsExpiringSoon, expiresAt: m.nextExpiryDate! });
      });
    }
    return { expired: due.length, noticed: toTell.length };
  }

  return { expirePoints };
}

export type ExpiryService = ReturnType<typeof createExpiryService>;
