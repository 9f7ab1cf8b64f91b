import type { es } from './es';

export const en: typeof es = {
  nav: { books: 'Accounting' },
};
