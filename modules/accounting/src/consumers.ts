/** The consumer that keeps the books: every money and stock event, once, in commit order, from the first. */
export const LEDGER_CONSUMER = 'accounting.ledger';
/** The consumer that keeps each invoice's CFDI (UUID, receptor) for the SAT's pólizas. */
export const CFDI_CONSUMER = 'accounting.cfdi';
