import type { es } from './es';

export const fr: typeof es = {
  dashboard: {
    title: 'Sauvegarde en retard',
    lastGood: 'La dernière bonne sauvegarde date du {{at}}',
    never: "Il n'y a encore aucune sauvegarde",
    failed: 'La dernière sauvegarde a échoué',
    status: "Voir l'état",
  },
  export: {
    nav: 'Exporter les données',
    title: 'Exporter les données de la clinique',
    help: 'Un ZIP avec un CSV par table, les fichiers enregistrés et un dump SQL PostgreSQL que psql charge dans une base vide. Pour une grande clinique, cela prend quelques minutes : il est préparé en arrière-plan.',
    start: 'Exporter maintenant',
    list: 'Exports',
    none: "Aucun export pour l'instant.",
    summary: '{{tables}} tables, {{files}} fichiers, {{size}} Mo',
    download: 'Télécharger le ZIP',
    started: "L'export est en préparation.",
    status: {
      queued: 'En attente',
      running: 'En préparation',
      done: 'Prêt',
      failed: 'Échec',
    },
  },
};
