import { type AuditRow, auditQuerySchema, auditRowSchema, type HttpApp, type Page, pageSchema } from '@petfriendly/core';
import { z } from 'zod';
import type { AuditServices } from './audit.module';

const tags = ['audit'];
const entryOut = auditRowSchema.extend({ actorName: z.string().nullable() });

/** `/api/v1/audit-log`: who changed which medical record, price or invoice, and each field before and after (managers, admins). */
export async function auditRoutes(app: HttpApp, s: AuditServices) {
  app.get(
    '/api/v1/audit-log',
    {
      schema: {
        tags,
        summary: 'Changes to medical records, prices and invoices, newest first; by entity, person and period',
        querystring: auditQuerySchema,
        response: { 200: pageSchema(entryOut) },
      },
    },
    async (req) => withNames(s, await s.log.list(req.actor, req.query)),
  );
}

/** Each row with the name of who made the change (null for the system), in one lookup. */
export async function withNames(s: AuditServices, page: Page<AuditRow>): Promise<Page<AuditRow & { actorName: string | null }>> {
  const names = await s.directory.namesOf([...new Set(page.items.flatMap((r) => (r.actorId ? [r.actorId] : [])))]);
  return { ...page, items: page.items.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null })) };
}
