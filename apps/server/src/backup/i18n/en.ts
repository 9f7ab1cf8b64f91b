import type { es } from './es';

export const en: typeof es = {
  dashboard: {
    title: 'Backup overdue',
    lastGood: 'The last good backup is from {{at}}',
    never: 'There is no backup yet',
    failed: 'The last backup failed',
    status: 'See the status',
  },
};
