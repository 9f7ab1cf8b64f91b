/** The demo clinic's sign-ins, printed at start-up while they exist. No data-generation code here. */
export const DEMO_PASSWORD = 'petfriendly';

export const DEMO_LOGINS: readonly { label: string; email: string; password: string }[] = [
  { label: 'Administración', email: 'admin@petfriendly.mx', password: DEMO_PASSWORD },
  { label: 'Veterinaria', email: 'vet@petfriendly.mx', password: DEMO_PASSWORD },
  { label: 'Recepción', email: 'recepcion@petfriendly.mx', password: DEMO_PASSWORD },
  { label: 'Gerencia', email: 'gerencia@petfriendly.mx', password: DEMO_PASSWORD },
  { label: 'Contabilidad', email: 'contador@petfriendly.mx', password: DEMO_PASSWORD },
  { label: 'Propietaria', email: 'maria@example.mx', password: DEMO_PASSWORD },
];
