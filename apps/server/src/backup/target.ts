import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BackupResult } from './backup';
import { backupTime } from './manifest';
import { parseS3Url, type S3Access, s3Backups } from './s3';

/** Where backups go: a folder, or a prefix of an S3-compatible bucket. */
export interface BackupTarget {
  /** The folder, or `s3://bucket/prefix`. */
  label: string;
  /** Puts the archive that `make` writes into a local folder where it belongs; `path` is then its place there. */
  store(make: (dir: string) => Promise<BackupResult>): Promise<BackupResult>;
  /** Every name there (other files too: the retention keeps to backup names). */
  names(): Promise<string[]>;
  remove(name: string): Promise<void>;
  close(): void;
}

export function backupTarget(where: string, access: S3Access): BackupTarget {
  const location = parseS3Url(where);
  if (!location) {
    return {
      label: where,
      store: (make) => make(where),
      names: () => readdir(where).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error))),
      remove: (name) => rm(join(where, name), { force: true }),
      close: () => undefined,
    };
  }
  const s3 = s3Backups(location, access);
  return {
    label: s3.url(),
    // Written to a local file first, then uploaded: a failed upload leaves nothing half-written in the bucket.
    async store(make) {
      const work = await mkdtemp(join(tmpdir(), 'pf-backup-'));
      try {
        const result = await make(work);
        const name = basename(result.path);
        await s3.upload(result.path, name);
        return { ...result, path: s3.url(name) };
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
    names: () => s3.list(),
    remove: (name) => s3.remove(name),
    close: () => s3.close(),
  };
}

/**
 * A backup as a local file for `restore`: a path as it is, or downloaded from `s3://bucket/prefix/name`
 * (`s3://bucket/prefix` alone: the newest backup there). `cleanup` removes the download.
 */
export async function localBackup(source: string, access: S3Access): Promise<{ file: string; cleanup(): Promise<void> }> {
  const location = parseS3Url(source);
  if (!location) return { file: source, cleanup: async () => undefined };
  const named = backupTime(basename(location.prefix)) ? basename(location.prefix) : null;
  const s3 = s3Backups(named ? { ...location, prefix: location.prefix.slice(0, -named.length).replace(/\/$/, '') } : location, access);
  const work = await mkdtemp(join(tmpdir(), 'pf-restore-download-'));
  try {
    const name =
      named ??
      (await s3.list())
        .filter((n) => backupTime(n))
        .sort((x, y) => backupTime(x)!.getTime() - backupTime(y)!.getTime())
        .at(-1);
    if (!name) throw new Error(`No backup under ${source}`);
    const file = join(work, name);
    await s3.download(name, file);
    return { file, cleanup: () => rm(work, { recursive: true, force: true }) };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  } finally {
    s3.close();
  }
}
