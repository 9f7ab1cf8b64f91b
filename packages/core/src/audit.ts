import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type Actor, requireStaff } from './actor';
import { INT4_MAX, type Page, pageOf, pageQuerySchema } from './api';
import { auditLog } from './core.tables';
import type { Db, DbOrTx } from './db';
import { addLocalDays, type Clock, clinicInstant } from './time';
import { parseInput } from './validation';

/** The audited entities: medical records, prices and invoices (the spec's AuditMixin, and the log managers read). */
export const AUDITED_ENTITIES = [
  'visit',
  'visit_addendum',
  'clinical_note',
  'vaccination',
  'allergy',
  'medication',
  'medical_record',
  'service_type',
  'product',
  'invoice',
] as const;
export type AuditedEntity = (typeof AUDITED_ENTITIES)[number];
export const AUDIT_ACTIONS = ['create', 'update', 'issue', 'cancel', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who may read the log. */
export const AUDIT_READERS = ['manager', 'admin'] as const;

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

export interface AuditEntry {
  module: string;
  entity: AuditedEntity;
  entityId: string | number;
  action: AuditAction;
  actor: Actor;
  /** The row before the change (none for a creation) and after it (none for a deletion). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Bookkeeping columns every audited row has: the log's own `who` and `when` say them. */
const NOT_CHANGES = new Set(['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'version', 'searchName', 'searchText']);

/** Values as JSON keeps them: dates as ISO strings, so before and after compare and read alike. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/** The fields whose value differs between `before` and `after`, each with both values. */
export function changedFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (NOT_CHANGES.has(key)) continue;
    const was = before ? plain(before[key]) : null;
    const is = after ? plain(after[key]) : null;
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[key] = { before: was, after: is };
  }
  return changes;
}

export const auditQuerySchema = pageQuerySchema.extend({
  entity: z.enum(AUDITED_ENTITIES).optional(),
  entityId: z.string().trim().min(1).max(50).optional(),
  actorId: z.uuid().optional(),
  /** Clinic-local days, both included. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditRowSchema = z.object({
  id: z.number().int().max(Number.MAX_SAFE_INTEGER),
  occurredAt: z.date(),
  actorId: z.string().nullable(),
  actorRole: z.string(),
  module: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

/**
 * The audit trail, a kernel service like the event bus: each module records its own changes in its own
 * transaction, so a change and its log row commit or roll back together, and no module knows who reads them.
 */
export class AuditTrail {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  /** Writes one row in `tx`; a change that changed nothing writes none. */
  async record(tx: DbOrTx, entry: AuditEntry): Promise<void> {
    const changes = changedFields(entry.before, entry.after);
    if (Object.keys(changes).length === 0) return;
    const { actor } = entry;
    await tx.insert(auditLog).values({
      occurredAt: this.clock.now(),
      actorId: actor.kind === 'staff' || actor.kind === 'owner' ? actor.userId : null,
      actorRole: actor.kind === 'staff' ? actor.role : actor.kind,
      module: entry.module,
      entity: entry.entity,
      entityId: String(entry.entityId),
      action: entry.action,
      changes,
    });
  }

  /** Newest first; managers and admins only. */
  async list(actor: Actor, input: unknown = {}): Promise<Page<AuditRow>> {
    requireStaff(actor, AUDIT_READERS);
    const q = parseInput(auditQuerySchema, input);
    const where: SQL[] = [];
    if (q.entity) where.push(eq(auditLog.entity, q.entity));
    if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
    if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
    if (q.from) where.push(gte(auditLog.occurredAt, clinicInstant(q.from, '00:00', this.timeZone)));
    if (q.to) where.push(lt(auditLog.occurredAt, clinicInstant(addLocalDays(q.to, 1), '00:00', this.timeZone)));
    const rows = await this.db
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
      .limit(q.pageSize + 1)
      .offset(Math.min((q.page - 1) * q.pageSize, INT4_MAX));
    return pageOf(rows, q);
  }
}
