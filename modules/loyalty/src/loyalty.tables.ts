import { users } from '@petfriendly/accounts/tables';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, date, index, integer, jsonb, numeric, pgSchema, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const loyaltySchema = pgSchema('loyalty');

const id = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** The tiers, seeded from the `TIERS` setting: reached by lifetime spend. */
export const tiers = loyaltySchema.table('tiers', {
  id: id(),
  name: varchar('name', { length: 100 }).notNull(),
  slug: varchar('slug', { length: 100 }).notNull().unique(),
  minPoints: integer('min_points').notNull().default(0),
  minLifetimeSpending: numeric('min_lifetime_spending', { precision: 10, scale: 2 }).notNull(),
  pointsMultiplier: numeric('points_multiplier', { precision: 3, scale: 2 }).notNull().default('1'),
  discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
  freeServices: jsonb('free_services').$type<number[]>().notNull().default([]),
  color: varchar('color', { length: 20 }).notNull().default(''),
  icon: varchar('icon', { length: 50 }).notNull().default(''),
  order: integer('order').notNull(),
});

/** One per owner: the balance is the sum of the lots' remaining points, less any debt a refund left. */
export const memberships = loyaltySchema.table(
  'memberships',
  {
    id: id(),
    ownerId: uuid('owner_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    tierId: integer('tier_id')
      .notNull()
      .references(() => tiers.id),
    currentPoints: integer('current_points').notNull().default(0),
    lifetimePoints: integer('lifetime_points').notNull().default(0),
    lifetimeSpending: numeric('lifetime_spending', { precision: 12, scale: 2 }).notNull().default('0'),
    pointsExpiringSoon: integer('points_expiring_soon').notNull().default(0),
    nextExpiryDate: date('next_expiry_date'),
    /** The expiry date the owner was last told about (one notice per date). */
    expiryNoticeFor: date('expiry_notice_for'),
    referralCode: varchar('referral_code', { length: 20 }).notNull().unique(),
    referralsCount: integer('referrals_count').notNull().default(0),
    referredById: integer('referred_by_id').references((): AnyPgColumn => memberships.id),
    /** When the referral paid off (the referred owner's first paid invoice). */
    referralCompletedAt: timestamp('referral_completed_at', { withTimezone: true }),
    paidInvoices: integer('paid_invoices').notNull().default(0),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('idx_membership_referred_by').on(t.referredById)],
);

export const TRANSACTION_TYPES = ['earn', 'bonus', 'referral', 'restore', 'redeem', 'expire', 'reversal'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/**
 * Every move of points. A credit is a lot: `remaining` is what is left of it to spend until `expiresAt`;
 * debits record which lots they took from in `lotUses`.
 */
export const pointsTransactions = loyaltySchema.table(
  'points_transactions',
  {
    id: id(),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    transactionType: varchar('transaction_type', { length: 20, enum: TRANSACTION_TYPES }).notNull(),
    points: integer('points').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    description: varchar('description', { length: 500 }).notNull(),
    orderId: integer('order_id'),
    invoiceId: integer('invoice_id'),
    /** The payment, refund or redemption behind it (`payment:12`). */
    reference: varchar('reference', { length: 100 }),
    /** Money the earning was for, to give back in proportion on a refund. */
    amount: numeric('amount', { precision: 12, scale: 2 }),
    expiresAt: date('expires_at'),
    remaining: integer('remaining'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('idx_points_membership').on(t.membershipId, t.createdAt),
    index('idx_points_lots').on(t.membershipId, t.expiresAt).where(sql`${t.remaining} > 0`),
    index('idx_points_invoice').on(t.invoiceId),
    check('points_remaining_in_lot', sql`${t.remaining} is null or (${t.remaining} >= 0 and ${t.remaining} <= ${t.points})`),
  ],
);

/** How many points a debit took from each lot (a reversed redemption puts them back). */
export const lotUses = loyaltySchema.table(
  'lot_uses',
  {
    id: id(),
    debitId: integer('debit_id')
      .notNull()
      .references(() => pointsTransactions.id, { onDelete: 'cascade' }),
    lotId: integer('lot_id')
      .notNull()
      .references(() => pointsTransactions.id, { onDelete: 'cascade' }),
    points: integer('points').notNull(),
  },
  (t) => [index('idx_lot_uses_debit').on(t.debitId)],
);

export const REWARD_TYPES = ['discount', 'free_service', 'free_product'] as const;
export type RewardType = (typeof REWARD_TYPES)[number];

export const rewards = loyaltySchema.table('rewards', {
  id: id(),
  name: varchar('name', { length: 200 }).notNull(),
  description: text('description').notNull().default(''),
  rewardType: varchar('reward_type', { length: 20, enum: REWARD_TYPES }).notNull(),
  pointsCost: integer('points_cost').notNull(),
  discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }),
  discountAmount: numeric('discount_amount', { precision: 10, scale: 2 }),
  /** The appointments' service type or the store's product it gives (ids of the other module). */
  freeServiceId: integer('free_service_id'),
  freeProductId: integer('free_product_id'),
  minTierId: integer('min_tier_id').references(() => tiers.id),
  /** Left to give; null is unlimited. */
  quantityAvailable: integer('quantity_available'),
  validUntil: timestamp('valid_until', { withTimezone: true }),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: createdAt(),
});

export const REDEMPTION_STATUSES = ['available', 'used', 'cancelled'] as const;

/** A reward redeemed with points: a voucher until it is used at a checkout or at the desk. */
export const redemptions = loyaltySchema.table(
  'redemptions',
  {
    id: id(),
    membershipId: integer('membership_id')
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    rewardId: integer('reward_id')
      .notNull()
      .references(() => rewards.id),
    transactionId: integer('transaction_id')
      .notNull()
      .references(() => pointsTransactions.id),
    points: integer('points').notNull(),
    code: varchar('code', { length: 20 }).notNull().unique(),
    status: varchar('status', { length: 20, enum: REDEMPTION_STATUSES }).notNull().default('available'),
    usedReference: varchar('used_reference', { length: 100 }),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('idx_redemptions_membership').on(t.membershipId, t.status)],
);

export const loyaltyTables = { tiers, memberships, pointsTransactions, lotUses, rewards, redemptions };
