import type { es } from './es';

export const it: typeof es = {
  dashboard: {
    title: 'Backup in ritardo',
    lastGood: "L'ultimo backup riuscito è del {{at}}",
    never: 'Non esiste ancora nessun backup',
    failed: "L'ultimo backup non è riuscito",
    status: 'Vedi lo stato',
  },
  export: {
    nav: 'Esporta dati',
    title: 'Esporta i dati della clinica',
    help: 'Uno ZIP con un CSV per tabella, i file salvati e un dump SQL PostgreSQL che psql carica in un database vuoto. Per una clinica grande ci vogliono alcuni minuti: viene preparato in background.',
    start: 'Esporta ora',
    list: 'Esportazioni',
    none: 'Ancora nessuna esportazione.',
    summary: '{{tables}} tabelle, {{files}} file, {{size}} MB',
    download: 'Scarica lo ZIP',
    started: "L'esportazione è in preparazione.",
    status: {
      queued: 'In coda',
      running: 'In preparazione',
      done: 'Pronta',
      failed: 'Non riuscita',
    },
  },
};
