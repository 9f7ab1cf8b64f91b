import type { es } from './es';

export const fr: typeof es = {
  nav: { books: 'Comptabilité' },
};
