import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgSchema, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

export const accountsSchema = pgSchema('accounts');

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** People who sign in. The first five columns are better-auth's; role and language are ours. */
export const users = accountsSchema.table(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    role: varchar('role', { length: 20 }).notNull().default('owner'),
    preferredLanguage: varchar('preferred_language', { length: 5 }).notNull().default('es'),
    isActive: boolean('is_active').notNull().default(true),
    /** The name folded for search (lower case, no accents), kept by Postgres itself. */
    searchName: text('search_name').generatedAlwaysAs(sql`core.f_unaccent(lower(name))`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('users_role_known', sql`${t.role} in ('owner', 'receptionist', 'veterinarian', 'accountant', 'manager', 'admin')`),
    // GiST, not GIN: it answers the name's LIKE and returns names closest first (`<->`), so a search stops at its page.
    index('users_search_name_gist').using('gist', sql`${t.searchName} gist_trgm_ops`),
    // fastupdate off: PGlite has no autovacuum to merge a GIN's pending list, which grows and makes the index look too dear to use.
    index('users_email_trgm').using('gin', sql`lower(${t.email}) gin_trgm_ops`).with({ fastupdate: false }),
    index('users_role_idx').on(t.role),
    // The team (every schedule page lists it) in name order, without reading the owners.
    index('users_staff_name_idx').on(t.name).where(sql`${t.role} <> 'owner'`),
  ],
);

export const sessions = accountsSchema.table(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    token: text('token').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/** better-auth's "account": how a user proves who they are (here, a scrypt password hash). */
export const authAccounts = accountsSchema.table(
  'auth_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
    refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
    scope: text('scope'),
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('auth_accounts_user_id_idx').on(t.userId)],
);

export const verifications = accountsSchema.table(
  'verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/**
 * Bearer tokens for integrations and scripts. Only a SHA-256 of the token is kept, so a leaked
 * database does not leak working credentials (better-auth's bearer sessions store them in clear).
 */
export const apiTokens = accountsSchema.table(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 100 }).notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: varchar('prefix', { length: 12 }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export const CHANNELS = ['email', 'sms', 'whatsapp'] as const;

/** The spec's OwnerProfile basics (CRM adds tier, lifetime value and the rest). */
export const ownerProfiles = accountsSchema.table(
  'owner_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    phone: varchar('phone', { length: 20 }).notNull().default(''),
    alternatePhone: varchar('alternate_phone', { length: 20 }).notNull().default(''),
    address: text('address').notNull().default(''),
    preferredChannel: varchar('preferred_channel', { length: 20, enum: CHANNELS }).notNull().default('whatsapp'),
    notes: text('notes').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // fastupdate off, as users_email_trgm.
  (t) => [index('owner_profiles_phone_trgm').using('gin', sql`${t.phone} gin_trgm_ops`).with({ fastupdate: false })],
);

export const staffProfiles = accountsSchema.table(
  'staff_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: 100 }).notNull().default(''),
    /** Cédula profesional; unique when present. */
    licenseNumber: varchar('license_number', { length: 50 }),
    specialties: text('specialties').array().notNull().default(sql`'{}'::text[]`),
    /** Services this person offers (consulta, vacunación, cirugía…); appointments links them to service types. */
    services: text('services').array().notNull().default(sql`'{}'::text[]`),
    bio: text('bio').notNull().default(''),
    isBookable: boolean('is_bookable').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('staff_profiles_license_unique').on(t.licenseNumber)],
);

export const accountsTables = { users, sessions, authAccounts, verifications, apiTokens, ownerProfiles, staffProfiles };

/**
 * Failed sign-ins per email address, whether or not it has an account (so a lockout tells nothing about
 * who is registered). A success or a password reset clears the row.
 */
export const signInFailures = accountsSchema.table('sign_in_failures', {
  email: text('email').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
});
