export const es = {
  nav: { invoices: 'Facturas', desk: 'Caja' },
};
