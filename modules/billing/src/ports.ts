import type { BillingServices } from './services';

/** What first-run setup uses: the clinic as CFDI emisor (fiscal data and CSD). */
export type IssuerPort = Pick<BillingServices, 'issuer'>;
