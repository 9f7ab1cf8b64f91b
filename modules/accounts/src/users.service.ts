import { randomBytes } from 'node:crypto';
import {
  type Actor,
  containsPattern,
  foldForSearch,
  isStaff,
  type ModuleContext,
  NotFoundError,
  PermissionDeniedError,
  pageOf,
  parseInput,
  requireAuthenticated,
  requireStaff,
  STAFF_ROLES,
  type StaffRole,
  ValidationError,
} from '@petfriendly/core';
import { hashPassword } from 'better-auth/crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { ownerCreated, ownerUpdated } from './accounts.events';
import { createUserSchema, languageSchema, ownerProfileSchema, ownerSearchSchema, staffProfileSchema } from './accounts.schemas';
import { authAccounts, ownerProfiles, staffProfiles, users } from './accounts.tables';
import { emitOwnerEvent } from './owner-events';

export type User = typeof users.$inferSelect;
const publicUser = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  preferredLanguage: users.preferredLanguage,
  isActive: users.isActive,
  createdAt: users.createdAt,
};

/** People: creating accounts, owner and staff profiles, and finding owners. */
export function createUserService(ctx: ModuleContext) {
  const { db, clock, events } = ctx;

  /**
   * Creates a user with a role. Admins (and the CLI, as the system) may create anyone; other staff
   * may register pet owners at the front desk. Without a password the person sets one by reset link.
   */
  async function createUser(actor: Actor, input: unknown) {
    const data = parseInput(createUserSchema, input);
    if (actor.kind !== 'system') {
      const staff = requireStaff(actor);
      if (data.role !== 'owner' && staff.role !== 'admin') {
        throw new PermissionDeniedError('accounts.admin_only', 'Only an admin can create staff accounts.');
      }
    }
    const passwordHash = await hashPassword(data.password ?? randomBytes(24).toString('base64url'));
    return db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
      if (existing) throw ValidationError.forField('accounts.email_taken', 'email', 'There is already an account with this email.');
      const [user] = await tx
        .insert(users)
        .values({ name: data.name, email: data.email, role: data.role, preferredLanguage: data.preferredLanguage, emailVerified: true })
        .returning(publicUser);
      await tx.insert(authAccounts).values({ userId: user!.id, accountId: user!.id, providerId: 'credential', password: passwordHash });
      if (data.role === 'owner') {
        await tx.insert(ownerProfiles).values({ userId: user!.id, phone: data.phone });
        await emitOwnerEvent(events, tx, ownerCreated, user!.id);
      } else await tx.insert(staffProfiles).values({ userId: user!.id, title: data.title, licenseNumber: data.licenseNumber });
      return user!;
    });
  }

  async function getUser(actor: Actor, userId: string) {
    const who = requireAuthenticated(actor);
    if (!isStaff(who) && who.userId !== userId) throw new NotFoundError('accounts.user_not_found', 'User not found.');
    const [user] = await db.select(publicUser).from(users).where(eq(users.id, userId));
    if (!user) throw new NotFoundError('accounts.user_not_found', 'User not found.');
    return user;
  }

  /** The caller's own account with the profile that fits their role. */
  async function getProfile(actor: Actor, userId?: string) {
    const who = requireAuthenticated(actor);
    const user = await getUser(who, userId ?? who.userId);
    if (user.role === 'owner') {
      const [profile] = await db.select().from(ownerProfiles).where(eq(ownerProfiles.userId, user.id));
      return { user, owner: profile ?? null, staff: null };
    }
    const [profile] = await db.select().from(staffProfiles).where(eq(staffProfiles.userId, user.id));
    return { user, owner: null, staff: profile ?? null };
  }

  /** An owner edits their own profile; staff edit any owner's. */
  async function updateOwnerProfile(actor: Actor, input: unknown, ownerId?: string) {
    const who = requireAuthenticated(actor);
    const data = parseInput(ownerProfileSchema, input);
    const target = ownerId ?? who.userId;
    if (target !== who.userId) requireStaff(who);
    const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, target));
    if (user?.role !== 'owner') throw new NotFoundError('accounts.owner_not_found', 'Owner not found.');
    const { name, preferredLanguage, ...profile } = data;
    await db.transaction(async (tx) => {
      if (name || preferredLanguage)
        await tx
          .update(users)
          .set({ ...(name ? { name } : {}), ...(preferredLanguage ? { preferredLanguage } : {}), updatedAt: clock.now() })
          .where(eq(users.id, target));
      await tx
        .insert(ownerProfiles)
        .values({ userId: target, ...profile })
        .onConflictDoUpdate({ target: ownerProfiles.userId, set: { ...profile, updatedAt: clock.now() } });
      await emitOwnerEvent(events, tx, ownerUpdated, target);
    });
    return getProfile(who, target);
  }

  /** Anyone signed in chooses the language they read the clinic in (owners and staff alike). */
  async function setPreferredLanguage(actor: Actor, language: unknown): Promise<string> {
    const who = requireAuthenticated(actor);
    const { preferredLanguage } = parseInput(languageSchema, { preferredLanguage: language });
    await db.transaction(async (tx) => {
      await tx.update(users).set({ preferredLanguage, updatedAt: clock.now() }).where(eq(users.id, who.userId));
      if (who.kind === 'owner') await emitOwnerEvent(events, tx, ownerUpdated, who.userId);
    });
    return preferredLanguage;
  }

  /** Staff edit their own profile; managers and admins edit anyone's. */
  async function updateStaffProfile(actor: Actor, userId: string, input: unknown) {
    const staff = requireStaff(actor);
    if (staff.userId !== userId && staff.role !== 'admin' && staff.role !== 'manager') {
      throw new PermissionDeniedError('accounts.profile_not_yours', 'You can only edit your own profile.');
    }
    const data = parseInput(staffProfileSchema, input);
    const [row] = await db
      .insert(staffProfiles)
      .values({ userId, ...data })
      .onConflictDoUpdate({ target: staffProfiles.userId, set: { ...data, updatedAt: clock.now() } })
      .returning();
    return row!;
  }

  async function listStaff(actor: Actor) {
    requireAuthenticated(actor);
    return db
      .select({
        ...publicUser,
        title: staffProfiles.title,
        licenseNumber: staffProfiles.licenseNumber,
        specialties: staffProfiles.specialties,
        services: staffProfiles.services,
      })
      .from(users)
      .leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
      .where(and(ne(users.role, 'owner'), eq(users.isActive, true)))
      .orderBy(asc(users.name));
  }

  /** Staff find owners by name, email or phone, closest name first; paginated. */
  async function searchOwners(actor: Actor, input: unknown) {
    requireStaff(actor);
    const { query, page, pageSize } = parseInput(ownerSearchSchema, input);
    const offset = (page - 1) * pageSize;
    const rows = await db
      .select({ ...publicUser, phone: ownerProfiles.phone })
      .from(users)
      .leftJoin(ownerProfiles, eq(ownerProfiles.userId, users.id))
      .where(and(eq(users.role, 'owner'), query ? sql`${users.id} in (${bestOwnerMatches(query, offset + pageSize + 1)})` : undefined))
      .orderBy(query ? closestName(query) : asc(users.name), asc(users.id))
      .limit(pageSize + 1)
      .offset(offset);
    return pageOf(rows, { page, pageSize });
  }

  /** Closest name first: trigram distance (1 − similarity), which the GiST index on the folded name returns in order. */
  const closestName = (query: string) => sql`${users.searchName} <-> ${foldForSearch(query)}`;

  /**
   * The `limit` owners whose name (accents and case ignored), email or phone digits match, closest name
   * first. A union with each branch cut to its own best `limit`: each branch uses its own trigram index
   * (the name's GiST walks names in distance order and stops), so the work does not grow with the
   * number of owners, and the best `limit` of the whole are among the branches' bests.
   */
  function bestOwnerMatches(query: string, limit: number) {
    const name = containsPattern(foldForSearch(query));
    const email = containsPattern(query.toLowerCase());
    const digits = query.replace(/\D/g, '');
    const owner = sql`${users.role} = 'owner'`;
    const ranked = sql`order by ${closestName(query)}, ${users.id} limit ${limit}`;
    const byPhone =
      digits.length >= 4
        ? sql` union (select ${users.id} from ${users} join ${ownerProfiles} on ${ownerProfiles.userId} = ${users.id} where ${owner} and ${ownerProfiles.phone} like ${containsPattern(digits)} ${ranked})`
        : sql``;
    return sql`(select ${users.id} from ${users} where ${owner} and ${users.searchName} like ${name} ${ranked}) union (select ${users.id} from ${users} where ${owner} and lower(${users.email}) like ${email} ${ranked})${byPhone}`;
  }

  /** What other modules may know about people (names for display, owner lookup). */
  const directory = {
    async namesOf(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async findOwnerIds(query: string, limit: number): Promise<string[]> {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(sql`${users.id} in (${bestOwnerMatches(query, limit)})`)
        .orderBy(closestName(query), asc(users.id))
        .limit(limit);
      return rows.map((r) => r.id);
    },
    /** Whether anyone has an account yet (an empty database gets the demo clinic). */
    async anyUser(): Promise<boolean> {
      const [row] = await db.select({ id: users.id }).from(users).limit(1);
      return Boolean(row);
    },
    /** Whether the clinic has an admin yet (first-run setup creates the first). */
    async anyAdmin(): Promise<boolean> {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
      return Boolean(row);
    },
    async isOwner(userId: string): Promise<boolean> {
      const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
      return row?.role === 'owner';
    },
    /** Active staff with one of these roles (the managers a report is mailed to). */
    async staffWithRoles(roles: readonly StaffRole[]) {
      return db
        .select({ id: users.id, name: users.name, email: users.email, language: users.preferredLanguage, role: users.role })
        .from(users)
        .where(and(inArray(users.role, [...roles]), eq(users.isActive, true)))
        .orderBy(asc(users.name));
    },
    async userByEmail(email: string) {
      const [row] = await db.select(publicUser).from(users).where(eq(users.email, email.trim().toLowerCase()));
      return row ?? null;
    },
    /** How to reach someone: email, phone (owners), name and language. */
    async contactOf(userId: string) {
      const [row] = await db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          language: users.preferredLanguage,
          phone: ownerProfiles.phone,
          channel: ownerProfiles.preferredChannel,
        })
        .from(users)
        .leftJoin(ownerProfiles, eq(ownerProfiles.userId, users.id))
        .where(eq(users.id, userId));
      return row ?? null;
    },
    /** The owner behind a phone number or email (webhooks), if any. */
    async ownerByContact(contact: string) {
      const digits = contact.replace(/\D/g, '');
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .leftJoin(ownerProfiles, eq(ownerProfiles.userId, users.id))
        .where(
          and(
            eq(users.role, 'owner'),
            contact.includes('@') ? eq(users.email, contact.toLowerCase()) : sql`right(${ownerProfiles.phone}, 10) = right(${digits}, 10)`,
          ),
        )
        .limit(1);
      return row?.id ?? null;
    },
    async staffCredentials(userId: string) {
      const [row] = await db
        .select({ name: users.name, role: users.role, title: staffProfiles.title, licenseNumber: staffProfiles.licenseNumber })
        .from(users)
        .leftJoin(staffProfiles, eq(staffProfiles.userId, users.id))
        .where(eq(users.id, userId));
      return row && (STAFF_ROLES as readonly string[]).includes(row.role) ? row : null;
    },
  };

  return { createUser, getUser, getProfile, updateOwnerProfile, setPreferredLanguage, updateStaffProfile, listStaff, searchOwners, directory };
}

export type UserService = ReturnType<typeof createUserService>;
