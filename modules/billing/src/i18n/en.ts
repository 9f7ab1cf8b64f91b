import type { es } from './es';

export const en: typeof es = {
  nav: { invoices: 'Invoices', desk: 'Front desk' },
};
