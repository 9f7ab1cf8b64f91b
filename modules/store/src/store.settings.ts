import { z } from 'zod';

const optionalSecret = z.preprocess((v) => (v === '' ? null : v), z.string().min(8).nullable()).default(null);

/** The spec's `SIMPLE_STORE` block (`SIMPLE_STORE__LOW_STOCK_THRESHOLD=5`). */
export const storeSettings = z.object({
  CURRENCY: z.literal('MXN').default('MXN'),
  /** IVA for products of the general class; other classes are per product. */
  TAX_RATE: z.coerce.number().min(0).max(1).default(0.16),
  LOW_STOCK_THRESHOLD: z.coerce.number().int().min(0).default(10),
  EXPIRY_ALERT_DAYS: z.coerce.number().int().min(1).max(730).default(90),
  STRIPE_PUBLIC_KEY: optionalSecret,
  STRIPE_SECRET_KEY: optionalSecret,
  STRIPE_WEBHOOK_SECRET: optionalSecret,
  /** Home delivery; pickup at the clinic is free. */
  SHIPPING_FLAT_RATE: z.coerce.number().min(0).default(99),
  FREE_SHIPPING_OVER: z.coerce.number().min(0).default(999),
  /** A pending order paid at the clinic is released (stock back) after this many days. */
  PENDING_ORDER_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  /** Largest product image a manager may upload, in bytes. */
  IMAGE_MAX_BYTES: z.coerce.number().int().min(100_000).max(20_000_000).default(5_000_000),
});
export type StoreSettings = z.infer<typeof storeSettings>;
