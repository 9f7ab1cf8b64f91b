import { randomBytes } from 'node:crypto';
import {
  type Actor,
  describeIssue,
  type FieldIssue,
  isForeignKeyViolation,
  type ModuleContext,
  refuseUnstorableText,
  requireStaff,
  templateErrorMap,
  type ValidationError,
} from '@petfriendly/core';
import { hashPassword } from 'better-auth/crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { ownerCreated } from './accounts.events';
import { type OwnerImportData, ownerImportSchema } from './accounts.schemas';
import { authAccounts, ownerProfiles, users } from './accounts.tables';

/** Who may bring a clinic's data in or take it back out. */
export const IMPORTERS = ['manager', 'admin'] as const;

export type OwnerCheck = { ok: true; data: OwnerImportData } | { ok: false; errors: FieldIssue[] };
export type OwnerImportResult = { ok: true; id: string } | { ok: false; errors: FieldIssue[] };

/** The last ten digits: how a Mexican number is written with or without +52 / 044. */
export const phoneKey = (phone: string) => phone.replace(/\D/g, '').slice(-10);

/**
 * Owners in bulk, for a clinic switching from another practice system: checked the way sign-up checks
 * them, inserted in one transaction per batch, and removed again if nothing has come to depend on them.
 */
export function createOwnerImport(ctx: ModuleContext) {
  const { db, events } = ctx;

  function parse(row: unknown): OwnerCheck {
    try {
      refuseUnstorableText(row);
    } catch (error) {
      return { ok: false, errors: (error as ValidationError).fields };
    }
    const result = ownerImportSchema.safeParse(row, { error: templateErrorMap as never });
    return result.success ? { ok: true, data: result.data } : { ok: false, errors: result.error.issues.map(describeIssue) };
  }

  /** Rows checked without writing anything: the fields, and emails already taken (here or earlier in the batch). */
  async function checkOwners(actor: Actor, rows: readonly unknown[]): Promise<OwnerCheck[]> {
    requireStaff(actor, IMPORTERS);
    const checked = rows.map(parse);
    const emails = checked.flatMap((c) => (c.ok ? [c.data.email] : []));
    const taken = new Set(
      emails.length === 0 ? [] : (await db.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map((r) => r.email),
    );
    return checked.map((c) => {
      if (!c.ok) return c;
      if (taken.has(c.data.email)) {
        return { ok: false, errors: [{ field: 'email', key: 'accounts.email_taken', message: 'There is already an account with this email.' }] };
      }
      taken.add(c.data.email);
      return c;
    });
  }

  /** Existing owners with one of these emails or phones (compared on their last ten digits). */
  async function ownersByContacts(emails: readonly string[], phones: readonly string[]) {
    const keys = [...new Set(phones.map(phoneKey).filter((p) => p.length === 10))];
    const lowered = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
    if (keys.length === 0 && lowered.length === 0) return [];
    const byEmail = lowered.length > 0 ? sql`${users.email} in ${lowered}` : sql`false`;
    const byPhone = keys.length > 0 ? sql`right(regexp_replace(${ownerProfiles.phone}, '\\D', '', 'g'), 10) in ${keys}` : sql`false`;
    return db
      .select({ id: users.id, name: users.name, email: users.email, phone: ownerProfiles.phone })
      .from(users)
      .innerJoin(ownerProfiles, eq(ownerProfiles.userId, users.id))
      .where(and(eq(users.role, 'owner'), sql`(${byEmail} or ${byPhone})`));
  }

  /** Creates the rows that pass the checks, in one transaction; each gets its id or its errors, in order. */
  async function importOwners(actor: Actor, rows: readonly unknown[]): Promise<OwnerImportResult[]> {
    const checked = await checkOwners(actor, rows);
    const good = checked.flatMap((c) => (c.ok ? [c.data] : []));
    // Nobody knows this password: they choose theirs by reset link. One hash per batch, as scrypt is slow on purpose.
    const passwordHash = good.length > 0 ? await hashPassword(randomBytes(24).toString('base64url')) : '';
    const ids = await db.transaction(async (tx) => {
      if (good.length === 0) return [];
      const created = await tx
        .insert(users)
        .values(good.map((o) => ({ name: o.name, email: o.email, role: 'owner', preferredLanguage: o.preferredLanguage, emailVerified: true })))
        .returning({ id: users.id, email: users.email, createdAt: users.createdAt });
      const byEmail = new Map(created.map((u) => [u.email, u]));
      const ordered = good.map((o) => byEmail.get(o.email)!);
      await tx.insert(authAccounts).values(ordered.map((u) => ({ userId: u.id, accountId: u.id, providerId: 'credential', password: passwordHash })));
      await tx
        .insert(ownerProfiles)
        .values(good.map((o, i) => ({ userId: ordered[i]!.id, phone: o.phone, alternatePhone: o.alternatePhone, address: o.address })));
      await events.emitMany(
        tx,
        ownerCreated,
        good.map((o, i) => ({
          payload: {
            ownerId: ordered[i]!.id,
            name: o.name,
            email: o.email,
            phone: o.phone,
            alternatePhone: o.alternatePhone,
            address: o.address,
            preferredLanguage: o.preferredLanguage,
            preferredChannel: 'whatsapp' as const,
            registeredAt: ordered[i]!.createdAt.toISOString(),
          },
        })),
      );
      return ordered.map((u) => u.id);
    });
    let next = 0;
    return checked.map((c) => (c.ok ? { ok: true, id: ids[next++]! } : c));
  }

  /**
   * Deletes imported owners nothing else points at yet. An owner with a pet, an invoice or an appointment
   * stays: the database's own references refuse the delete, and the owner is reported as kept.
   */
  async function removeImportedOwners(actor: Actor, ids: readonly string[]): Promise<{ removed: string[]; kept: string[] }> {
    requireStaff(actor, IMPORTERS);
    const removed: string[] = [];
    const kept: string[] = [];
    for (const id of ids) {
      const gone = await db
        .transaction(async (tx) => {
          const rows = await tx
            .delete(users)
            .where(and(eq(users.id, id), eq(users.role, 'owner')))
            .returning({ id: users.id });
          return rows.length > 0;
        })
        .catch((error: unknown) => {
          if (isForeignKeyViolation(error)) return false;
          throw error;
        });
      (gone ? removed : kept).push(id);
    }
    return { removed, kept };
  }

  return { checkOwners, ownersByContacts, importOwners, removeImportedOwners };
}

export type OwnerImport = ReturnType<typeof createOwnerImport>;
