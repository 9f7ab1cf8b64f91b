import type { es } from './es';

export const en: typeof es = {
  nav: { store: 'Shop', orders: 'Orders', inventory: 'Inventory' },
};
