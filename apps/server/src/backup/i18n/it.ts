import type { es } from './es';

export const it: typeof es = {
  dashboard: {
    title: 'Backup in ritardo',
    lastGood: "L'ultimo backup riuscito è del {{at}}",
    never: 'Non esiste ancora nessun backup',
    failed: "L'ultimo backup non è riuscito",
    status: 'Vedi lo stato',
  },
};
