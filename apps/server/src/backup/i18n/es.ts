export const es = {
  dashboard: {
    title: 'Copia de seguridad pendiente',
    lastGood: 'La última copia buena es del {{at}}',
    never: 'Todavía no hay ninguna copia de seguridad',
    failed: 'La última copia falló',
    status: 'Ver el estado',
  },
};
