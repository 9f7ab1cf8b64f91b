import type { es } from './es';

export const en: typeof es = {
  dashboard: {
    title: 'Backup overdue',
    lastGood: 'The last good backup is from {{at}}',
    never: 'There is no backup yet',
    failed: 'The last backup failed',
    status: 'See the status',
  },
  export: {
    nav: 'Export data',
    title: "Export the clinic's data",
    help: 'A ZIP with one CSV per table, the stored files and a PostgreSQL SQL dump that psql loads into an empty database. A large clinic takes a few minutes: it is prepared in the background.',
    start: 'Export now',
    list: 'Exports',
    none: 'No export yet.',
    summary: '{{tables}} tables, {{files}} files, {{size}} MB',
    download: 'Download ZIP',
    started: 'The export is being prepared.',
    status: {
      queued: 'Queued',
      running: 'Preparing',
      done: 'Ready',
      failed: 'Failed',
    },
  },
};
