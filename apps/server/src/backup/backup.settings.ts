import { z } from 'zod';

const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);
const keep = (n: number) => z.coerce.number().int().min(0).max(1000).default(n);

/** The `BACKUP` settings block (`BACKUP__DIR=/var/backups/petfriendly`). */
export const backupSettings = z.object({
  /** Whether the worker makes a backup every night. */
  NIGHTLY: bool.default(true),
  /** When (clinic time). */
  CRON: z.string().default('45 2 * * *'),
  /** Where backups go: a folder (`DATA_DIR/backups` when unset; put it on another disk), or `s3://bucket/prefix`. */
  DIR: z.string().optional(),
  /** An S3-compatible service (MinIO, Backblaze B2, Cloudflare R2, …) for an `s3://` DIR; unset for AWS S3 itself. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  /** Without these, the AWS SDK's usual sources (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role). */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Encrypt backups (AES-256-GCM) with a key derived from this; keep it apart from the backups. */
  PASSPHRASE: z.string().min(12, 'must be at least 12 characters').optional(),
  /** How many to keep: the newest of each of the last days, ISO weeks and months. */
  KEEP_DAILY: keep(7),
  KEEP_WEEKLY: keep(4),
  KEEP_MONTHLY: keep(12),
  /** Staff see a warning when the last good backup is older than this. */
  WARN_AFTER_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(26),
});
export type BackupSettings = z.infer<typeof backupSettings>;

/** The S3 access the settings give. */
export const s3Access = (settings: BackupSettings) => ({
  endpoint: settings.S3_ENDPOINT,
  region: settings.S3_REGION,
  accessKeyId: settings.S3_ACCESS_KEY_ID,
  secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
});
