import { tz } from '@date-fns/tz';
import { getISOWeek, getISOWeekYear } from 'date-fns';

const utc = { in: tz('UTC') };

export interface Keep {
  daily: number;
  weekly: number;
  monthly: number;
}

/**
 * Grandfather-father-son: the newest backup of each of the last `daily` days that have one, of the last
 * `weekly` ISO weeks and of the last `monthly` months (UTC) are kept; the others are returned to delete.
 */
export function backupsToDelete(backups: { name: string; at: Date }[], keep: Keep): string[] {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const kept = new Set<string>();
  const keepNewestPer = (period: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = period(backup.at);
      if (seen.has(key)) continue;
      if (seen.size >= count) break;
      seen.add(key);
      kept.add(backup.name);
    }
  };
  keepNewestPer((d) => d.toISOString().slice(0, 10), keep.daily);
  keepNewestPer((d) => `${getISOWeekYear(d, utc)}-W${getISOWeek(d, utc)}`, keep.weekly);
  keepNewestPer((d) => d.toISOString().slice(0, 7), keep.monthly);
  return newestFirst.filter((b) => !kept.has(b.name)).map((b) => b.name);
}
