import { z } from 'zod';

const optional = z.preprocess((v) => (v === '' ? null : v), z.string().nullable()).default(null);

/**
 * `BILLING__…`. The spec's `CFDI_PROVIDER`/`CFDI_ENVIRONMENT` live here (the spec lists them under
 * accounting, which arrives later). Facturama is used only when its user and password are set; without
 * them CFDIs are sealed with the clinic's CSD and kept unstamped. The default issuer and CSD are the
 * SAT's public test ones (EKU9003173C9), so a fresh install can show the whole flow.
 */
export const billingSettings = z.object({
  CFDI_PROVIDER: z.enum(['facturama', 'local']).default('facturama'),
  CFDI_ENVIRONMENT: z.enum(['sandbox', 'production']).default('sandbox'),
  FACTURAMA_USER: optional,
  FACTURAMA_PASSWORD: optional,
  ISSUER_RFC: z.string().trim().toUpperCase().default('EKU9003173C9'),
  ISSUER_NAME: z.string().trim().default('ESCUELA KEMPER URGATE'),
  ISSUER_REGIMEN: z
    .string()
    .regex(/^\d{3}$/, 'must be a SAT régimen code like 601')
    .default('601'),
  ISSUER_POSTAL_CODE: z
    .string()
    .regex(/^\d{5}$/, 'must be a 5-digit postal code')
    .default('42501'),
  /** Paths to the CSD files; empty = the SAT test CSD shipped in modules/billing/assets/demo-csd. */
  CSD_CER_PATH: optional,
  CSD_KEY_PATH: optional,
  /** Where a CSD uploaded in the admin is kept in file storage (`….cer` and `….key`); it takes precedence over the paths. */
  CSD_STORAGE_KEY: optional,
  CSD_PASSWORD: z.string().default('12345678a'),
  INVOICE_SERIES: z
    .string()
    .regex(/^[A-Z]{1,5}$/)
    .default('F'),
  PAYMENT_SERIES: z
    .string()
    .regex(/^[A-Z]{1,5}$/)
    .default('P'),
  GLOBAL_SERIES: z
    .string()
    .regex(/^[A-Z]{1,5}$/)
    .default('G'),
  /** Days to pay an invoice sent for later payment. */
  PAYMENT_TERMS_DAYS: z.coerce.number().int().min(0).max(120).default(15),
  /** Discount when a whole invoice is paid in cash at the desk (percent, 0 = none). */
  CASH_DISCOUNT_PERCENT: z.coerce.number().min(0).max(20).default(0),
});
export type BillingSettings = z.infer<typeof billingSettings>;
