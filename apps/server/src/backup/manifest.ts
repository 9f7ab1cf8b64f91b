import type { SequenceValue, TableInfo, TableSum } from './tables';

export const MANIFEST_FORMAT = 1;
export const MANIFEST_ENTRY = 'manifest.json';

/** What a backup holds, written last into the archive and checked after a restore. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** The server's version that wrote it. */
  version: string;
  createdAt: string;
  database: 'pglite' | 'postgres';
  /** How many migrations the database had applied: a restore migrates that far, and the next start the rest. */
  migrations: number;
  tables: (TableInfo & TableSum & { chunks: number })[];
  sequences: SequenceValue[];
  files: { key: string; bytes: number; sha256: string }[];
}

export const tableEntry = (table: { schema: string; table: string }, chunk: number) =>
  `tables/${table.schema}/${table.table}/${String(chunk).padStart(6, '0')}.jsonl`;
export const fileEntry = (key: string) => `files/${key}`;

const STAMP = /^petfriendly-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z\.tar\.gz(\.enc)?$/;

/** `petfriendly-2026-12-03T02-30-00Z.tar.gz` (`.enc` when encrypted): sortable, and safe in any file system. */
export function backupFileName(at: Date, encrypted: boolean): string {
  const stamp = at.toISOString().slice(0, 19).replaceAll(':', '-');
  return `petfriendly-${stamp}Z.tar.gz${encrypted ? '.enc' : ''}`;
}

/** When a backup file was made, from its name; null for anything else in the folder. */
export function backupTime(name: string): Date | null {
  const match = STAMP.exec(name);
  return match ? new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`) : null;
}
