import type { es } from './es';

export const it: typeof es = {
  nav: { books: 'Contabilità' },
};
