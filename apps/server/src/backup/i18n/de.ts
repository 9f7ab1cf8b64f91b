import type { es } from './es';

export const de: typeof es = {
  dashboard: {
    title: 'Datensicherung überfällig',
    lastGood: 'Die letzte gute Sicherung ist vom {{at}}',
    never: 'Es gibt noch keine Datensicherung',
    failed: 'Die letzte Sicherung ist fehlgeschlagen',
    status: 'Status ansehen',
  },
};
