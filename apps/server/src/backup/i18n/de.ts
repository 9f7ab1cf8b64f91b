import type { es } from './es';

export const de: typeof es = {
  dashboard: {
    title: 'Datensicherung überfällig',
    lastGood: 'Die letzte gute Sicherung ist vom {{at}}',
    never: 'Es gibt noch keine Datensicherung',
    failed: 'Die letzte Sicherung ist fehlgeschlagen',
    status: 'Status ansehen',
  },
  export: {
    nav: 'Daten exportieren',
    title: 'Die Daten der Praxis exportieren',
    help: 'Ein ZIP mit einer CSV-Datei pro Tabelle, den gespeicherten Dateien und einem PostgreSQL-SQL-Dump, den psql in eine leere Datenbank lädt. Bei einer großen Praxis dauert es einige Minuten: Es wird im Hintergrund vorbereitet.',
    start: 'Jetzt exportieren',
    list: 'Exporte',
    none: 'Noch kein Export.',
    summary: '{{tables}} Tabellen, {{files}} Dateien, {{size}} MB',
    download: 'ZIP herunterladen',
    started: 'Der Export wird vorbereitet.',
    status: {
      queued: 'In der Warteschlange',
      running: 'Wird vorbereitet',
      done: 'Fertig',
      failed: 'Fehlgeschlagen',
    },
  },
};
