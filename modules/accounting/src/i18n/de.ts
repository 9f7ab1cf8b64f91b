import type { es } from './es';

export const de: typeof es = {
  nav: { books: 'Buchhaltung' },
};
