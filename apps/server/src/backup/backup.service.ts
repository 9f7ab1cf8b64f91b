import { join } from 'node:path';
import { type Actor, formatters, isStaff, type ModuleContext } from '@petfriendly/core';
import type { DashboardNotice } from '@petfriendly/vet-clinic';
import { desc, eq } from 'drizzle-orm';
import { createBackup } from './backup';
import { type BackupSettings, s3Access } from './backup.settings';
import { backupRuns } from './backup.tables';
import { backupTime } from './manifest';
import { backupsToDelete } from './retention';
import { backupTarget } from './target';

export type BackupRun = typeof backupRuns.$inferSelect;

export interface BackupStatus {
  /** False when no good backup is younger than `WARN_AFTER_HOURS`. */
  ok: boolean;
  lastGood: { at: string; path: string | null; bytes: number | null } | null;
  lastFailure: { at: string; error: string | null } | null;
}

/**
 * Makes backups into `BACKUP__DIR` (a folder or an S3 prefix), keeps the retention there, records each run,
 * and says when the last good one is too old.
 */
export function createBackupService(ctx: ModuleContext, settings: BackupSettings) {
  const dir = settings.DIR ?? join(ctx.server.DATA_DIR, 'backups');

  /** One backup, recorded whatever its outcome; then the target, when it is `BACKUP__DIR`, is pruned to the retention. */
  async function run(trigger: BackupRun['trigger'], options: { dir?: string; passphrase?: string } = {}) {
    const startedAt = ctx.clock.now();
    const target = backupTarget(options.dir ?? dir, s3Access(settings));
    try {
      const passphrase = options.passphrase ?? settings.PASSPHRASE;
      const result = await target.store((into) => createBackup({ database: ctx.database, storage: ctx.storage, dir: into, passphrase, now: startedAt }));
      const finishedAt = new Date(startedAt.getTime() + result.ms);
      await ctx.db.insert(backupRuns).values({ trigger, startedAt, finishedAt, ok: true, path: result.path, bytes: result.bytes });
      if ((options.dir ?? dir) === dir) await prune();
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await ctx.db.insert(backupRuns).values({ trigger, startedAt, finishedAt: ctx.clock.now(), ok: false, error: message });
      throw error;
    } finally {
      target.close();
    }
  }

  async function prune(): Promise<string[]> {
    const target = backupTarget(dir, s3Access(settings));
    try {
      const backups = (await target.names()).flatMap((name) => {
        const at = backupTime(name);
        return at ? [{ name, at }] : [];
      });
      const doomed = backupsToDelete(backups, { daily: settings.KEEP_DAILY, weekly: settings.KEEP_WEEKLY, monthly: settings.KEEP_MONTHLY });
      for (const name of doomed) await target.remove(name);
      return doomed;
    } finally {
      target.close();
    }
  }

  async function status(): Promise<BackupStatus> {
    const [good] = await ctx.db.select().from(backupRuns).where(eq(backupRuns.ok, true)).orderBy(desc(backupRuns.finishedAt)).limit(1);
    const [failed] = await ctx.db.select().from(backupRuns).where(eq(backupRuns.ok, false)).orderBy(desc(backupRuns.finishedAt)).limit(1);
    const fresh = good && ctx.clock.now().getTime() - good.finishedAt.getTime() < settings.WARN_AFTER_HOURS * 3_600_000;
    return {
      ok: Boolean(fresh),
      lastGood: good ? { at: good.finishedAt.toISOString(), path: good.path, bytes: good.bytes } : null,
      lastFailure: failed && (!good || failed.finishedAt > good.finishedAt) ? { at: failed.finishedAt.toISOString(), error: failed.error } : null,
    };
  }

  /** Admins are told on their dashboard when the clinic has no recent good backup. */
  async function notices(actor: Actor): Promise<DashboardNotice[]> {
    if (!isStaff(actor) || actor.role !== 'admin') return [];
    const current = await status();
    if (current.ok) return [];
    const t = ctx.i18n.t(actor.language);
    const at = current.lastGood && formatters(actor.language, ctx.clinic.TIME_ZONE).dateTime(new Date(current.lastGood.at));
    const items = [{ label: at ? t('backup:dashboard.lastGood', { at }) : t('backup:dashboard.never'), href: '/health' }];
    if (current.lastFailure) items.push({ label: t('backup:dashboard.failed'), href: '/health' });
    return [{ title: t('backup:dashboard.title'), items, action: { label: t('backup:dashboard.status'), href: '/health' } }];
  }

  return { dir, run, prune, status, notices };
}

export type BackupService = ReturnType<typeof createBackupService>;
