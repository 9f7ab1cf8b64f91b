import { describe, expect, it } from 'vitest';
import { backupFileName, backupTime } from './manifest';
import { backupsToDelete } from './retention';

/** One backup a night at 02:45 UTC for `days` days up to 2026-12-03. */
function nightly(days: number) {
  return Array.from({ length: days }, (_, i) => {
    const at = new Date(Date.UTC(2026, 11, 3 - i, 2, 45));
    return { name: backupFileName(at, false), at };
  });
}

describe('backup retention', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly out of two years of nightly backups', () => {
    const all = nightly(730);
    const doomed = new Set(backupsToDelete(all, { daily: 7, weekly: 4, monthly: 12 }));
    const kept = all.filter((b) => !doomed.has(b.name)).map((b) => b.name.slice(12, 22));
    // The last seven nights; the newest of the ISO weeks before (Sundays); the newest of each month (its last day).
    expect(kept).toEqual([
      ...['2026-12-03', '2026-12-02', '2026-12-01', '2026-11-30', '2026-11-29', '2026-11-28', '2026-11-27'],
      '2026-11-22',
      '2026-11-15',
      ...['2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31'],
    ]);
  });

  it('keeps only the newest of several backups on one day', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 11, 3, h));
    const names = [1, 5, 9].map((h) => ({ name: backupFileName(at(h), true), at: at(h) }));
    expect(backupsToDelete(names, { daily: 7, weekly: 0, monthly: 0 })).toEqual([names[1]!.name, names[0]!.name]);
  });

  it('reads the time back from a name, and ignores other files', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    expect(backupTime(backupFileName(at, true))).toEqual(at);
    expect(backupTime('petfriendly-2026-01-02T03-04-05Z.tar.gz.partial')).toBeNull();
    expect(backupTime('notes.txt')).toBeNull();
  });
});
