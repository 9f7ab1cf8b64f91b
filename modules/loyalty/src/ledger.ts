import { ConflictError, type Tx } from '@petfriendly/core';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { lotUses, memberships, pointsTransactions, type TransactionType } from './loyalty.tables';
import { takeFromLots } from './points';

export type Membership = typeof memberships.$inferSelect;
export type PointsTransaction = typeof pointsTransactions.$inferSelect;

interface Move {
  description: string;
  invoiceId?: number | null;
  orderId?: number | null;
  reference?: string | null;
  amount?: string | null;
  createdBy?: string | null;
}

/**
 * The points ledger, inside the caller's transaction with the membership row locked (`lockMembership`).
 * The balance is the sum of the lots' remaining points; when a refund took back points already spent,
 * the balance goes below zero by that debt, shown by the reversal, and the next points pay it first.
 */
export function pointsLedger(tx: Tx, now: Date, today: string) {
  async function lockMembership(ownerId: string): Promise<Membership | null> {
    const [row] = await tx.select().from(memberships).where(eq(memberships.ownerId, ownerId)).for('update');
    return row ?? null;
  }

  async function setBalance(m: Membership, delta: number, lifetime: number) {
    const [row] = await tx
      .update(memberships)
      .set({ currentPoints: sql`${memberships.currentPoints} + ${delta}`, lifetimePoints: sql`${memberships.lifetimePoints} + ${lifetime}` })
      .where(eq(memberships.id, m.id))
      .returning();
    return row!;
  }

  /** A new lot of points, expiring on `expiresAt`; any debt takes its share first. */
  async function credit(m: Membership, type: Extract<TransactionType, 'earn' | 'bonus' | 'referral'>, points: number, expiresAt: string, move: Move) {
    const debt = Math.max(0, -m.currentPoints);
    const after = await setBalance(m, points, points);
    const [lot] = await tx
      .insert(pointsTransactions)
      .values({
        membershipId: m.id,
        transactionType: type,
        points,
        balanceAfter: after.currentPoints,
        expiresAt,
        remaining: points - Math.min(points, debt),
        createdAt: now,
        ...move,
      })
      .returning();
    return { lot: lot!, membership: after };
  }

  /**
   * Takes points from the lots, those that expire first first (`prefer` lots before the others). Without
   * `allowDebt` a balance too small is `loyalty.not_enough_points` and nothing changes.
   */
  async function debit(
    m: Membership,
    type: Extract<TransactionType, 'redeem' | 'expire' | 'reversal'>,
    points: number,
    move: Move,
    options: { allowDebt?: boolean; onlyLots?: number[]; prefer?: (lot: PointsTransaction) => boolean } = {},
  ) {
    const lots = await tx
      .select()
      .from(pointsTransactions)
      .where(
        and(
          eq(pointsTransactions.membershipId, m.id),
          gt(pointsTransactions.remaining, 0),
          sql`(${pointsTransactions.expiresAt} is null or ${pointsTransactions.expiresAt} >= ${type === 'expire' ? '0001-01-01' : today})`,
          options.onlyLots ? inArray(pointsTransactions.id, options.onlyLots) : undefined,
        ),
      )
      .orderBy(asc(pointsTransactions.expiresAt), asc(pointsTransactions.id))
      .for('update');
    const preferred = options.prefer ? lots.filter(options.prefer) : [];
    const first = takeFromLots(
      preferred.map((l) => ({ id: l.id, expiresAt: l.expiresAt, remaining: l.remaining! })),
      points,
    );
    const rest = takeFromLots(
      lots.filter((l) => !preferred.includes(l)).map((l) => ({ id: l.id, expiresAt: l.expiresAt, remaining: l.remaining! })),
      first.short,
    );
    if (rest.short > 0 && !options.allowDebt) {
      throw new ConflictError('loyalty.not_enough_points', 'Not enough points for this.', { balance: m.currentPoints, needed: points });
    }
    const uses = [...first.uses, ...rest.uses];
    const after = await setBalance(m, -points, 0);
    const [row] = await tx
      .insert(pointsTransactions)
      .values({ membershipId: m.id, transactionType: type, points: -points, balanceAfter: after.currentPoints, createdAt: now, ...move })
      .returning();
    for (const use of uses) {
      await tx
        .update(pointsTransactions)
        .set({ remaining: sql`${pointsTransactions.remaining} - ${use.points}` })
        .where(eq(pointsTransactions.id, use.lotId));
    }
    if (uses.length) await tx.insert(lotUses).values(uses.map((u) => ({ debitId: row!.id, lotId: u.lotId, points: u.points })));
    return { transaction: row!, membership: after };
  }

  /** Gives back what a debit took, to the lots it took from (a debt is paid first). */
  async function restore(m: Membership, debitId: number, move: Move) {
    const uses = await tx.select().from(lotUses).where(eq(lotUses.debitId, debitId)).orderBy(asc(lotUses.id));
    const points = uses.reduce((sum, u) => sum + u.points, 0);
    let debt = Math.max(0, -m.currentPoints);
    for (const use of uses) {
      const back = use.points - Math.min(use.points, debt);
      debt -= use.points - back;
      if (back > 0)
        await tx
          .update(pointsTransactions)
          .set({ remaining: sql`${pointsTransactions.remaining} + ${back}` })
          .where(eq(pointsTransactions.id, use.lotId));
    }
    const after = await setBalance(m, points, 0);
    const [row] = await tx
      .insert(pointsTransactions)
      .values({ membershipId: m.id, transactionType: 'restore', points, balanceAfter: after.currentPoints, createdAt: now, ...move })
      .returning();
    return { transaction: row!, membership: after };
  }

  return { lockMembership, credit, debit, restore };
}
