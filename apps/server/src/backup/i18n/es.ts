export const es = {
  dashboard: {
    title: 'Copia de seguridad pendiente',
    lastGood: 'La última copia buena es del {{at}}',
    never: 'Todavía no hay ninguna copia de seguridad',
    failed: 'La última copia falló',
    status: 'Ver el estado',
  },
  export: {
    nav: 'Exportar datos',
    title: 'Exportar los datos de la clínica',
    help: 'Un ZIP con un CSV por tabla, los archivos guardados y un volcado SQL de PostgreSQL que psql carga en una base vacía. En una clínica grande tarda unos minutos: se prepara en segundo plano.',
    start: 'Exportar ahora',
    list: 'Exportaciones',
    none: 'Todavía no hay ninguna exportación.',
    summary: '{{tables}} tablas, {{files}} archivos, {{size}} MB',
    download: 'Descargar ZIP',
    started: 'La exportación se está preparando.',
    status: {
      queued: 'En cola',
      running: 'Preparando',
      done: 'Lista',
      failed: 'Falló',
    },
  },
};
