export const es = {
  nav: { store: 'Tienda', orders: 'Pedidos', inventory: 'Inventario' },
};
