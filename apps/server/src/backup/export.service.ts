import { join } from 'node:path';
import { type Actor, type ModuleContext, NotFoundError, requireStaff } from '@petfriendly/core';
import { desc, eq, inArray } from 'drizzle-orm';
import { clinicExports } from './backup.tables';
import { exportClinic } from './export';

export const EXPORT_JOB = 'backup.export';
export type ClinicExport = Omit<typeof clinicExports.$inferSelect, 'path'>;

/** `petfriendly-export-2026-12-03T10-15-00Z.zip`: sortable, and safe in any file system. */
export const exportFileName = (at: Date) => `petfriendly-export-${at.toISOString().slice(0, 19).replaceAll(':', '-')}Z.zip`;

/** The clinic's data export for admins: asked for on the admin page or the API, made by a job, then downloaded. */
export function createExportService(ctx: ModuleContext) {
  const dir = join(ctx.server.DATA_DIR, 'exports');
  const admin = (actor: Actor) => requireStaff(actor, ['admin']);
  const visible = ({ path: _path, ...row }: typeof clinicExports.$inferSelect): ClinicExport => row;

  /** Queues an export (one at a time: a second request while one is under way gets that one). */
  async function request(actor: Actor): Promise<ClinicExport> {
    const by = admin(actor);
    return ctx.db.transaction(async (tx) => {
      const [pending] = await tx
        .select()
        .from(clinicExports)
        .where(inArray(clinicExports.status, ['queued', 'running']))
        .limit(1);
      if (pending) return visible(pending);
      const [row] = await tx.insert(clinicExports).values({ requestedBy: by.userId, requestedAt: ctx.clock.now() }).returning();
      await ctx.jobs.send(EXPORT_JOB, { exportId: row!.id }, { tx });
      return visible(row!);
    });
  }

  /** The job: writes the ZIP into `DATA_DIR/exports` and records how it ended. */
  async function run(exportId: number): Promise<void> {
    const [row] = await ctx.db.update(clinicExports).set({ status: 'running' }).where(eq(clinicExports.id, exportId)).returning();
    if (!row) return;
    try {
      const result = await writeTo(join(dir, exportFileName(ctx.clock.now())));
      await ctx.db
        .update(clinicExports)
        .set({
          status: 'done',
          finishedAt: ctx.clock.now(),
          path: result.path,
          bytes: result.bytes,
          tables: result.manifest.tables.length,
          files: result.manifest.files.length,
        })
        .where(eq(clinicExports.id, exportId));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await ctx.db.update(clinicExports).set({ status: 'failed', finishedAt: ctx.clock.now(), error: message }).where(eq(clinicExports.id, exportId));
    }
  }

  /** One export straight to a file (the CLI's `export --out`). */
  const writeTo = (out: string) => exportClinic({ database: ctx.database, storage: ctx.storage, out, now: ctx.clock.now() });

  async function list(actor: Actor): Promise<ClinicExport[]> {
    admin(actor);
    return (await ctx.db.select().from(clinicExports).orderBy(desc(clinicExports.id)).limit(20)).map(visible);
  }

  /** Where a finished export's ZIP is, for its download. */
  async function file(actor: Actor, id: number): Promise<{ path: string; name: string }> {
    admin(actor);
    const [row] = await ctx.db.select().from(clinicExports).where(eq(clinicExports.id, id));
    if (!row?.path || row.status !== 'done') throw new NotFoundError('backup.export_not_found', 'No finished export with this number.', { id });
    return { path: row.path, name: row.path.slice(row.path.lastIndexOf('/') + 1) };
  }

  return { request, run, writeTo, list, file };
}

export type ExportService = ReturnType<typeof createExportService>;
