export const es = {
  nav: { books: 'Contabilidad' },
};
