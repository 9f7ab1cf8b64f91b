import type { es } from './es';

export const fr: typeof es = {
  dashboard: {
    title: 'Sauvegarde en retard',
    lastGood: 'La dernière bonne sauvegarde date du {{at}}',
    never: "Il n'y a encore aucune sauvegarde",
    failed: 'La dernière sauvegarde a échoué',
    status: "Voir l'état",
  },
};
