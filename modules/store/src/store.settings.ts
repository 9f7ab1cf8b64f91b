import { STAFF_ROLES, type TaxRates } from '@petfriendly/core';
import { z } from 'zod';

/** A rate as a fraction, kept as the decimal it is written as ("0.16"). */
const rate = z.string().regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, 'must be a fraction between 0 and 1, like 0.16');

const optionalSecret = z.preprocess((v) => (v === '' ? null : v), z.string().min(8).nullable()).default(null);

/** The spec's `SIMPLE_STORE` block (`SIMPLE_STORE__LOW_STOCK_THRESHOLD=5`). */
export const storeSettings = z.object({
  CURRENCY: z.literal('MXN').default('MXN'),
  /** IVA of the general class (`iva16`), for products, services and shipping. */
  TAX_RATE: rate.default('0.16'),
  /** IVA of the border-zone class (`iva8`, estímulo fiscal de la región fronteriza). */
  BORDER_TAX_RATE: rate.default('0.08'),
  LOW_STOCK_THRESHOLD: z.coerce.number().int().min(0).default(10),
  EXPIRY_ALERT_DAYS: z.coerce.number().int().min(1).max(730).default(90),
  /** Who orders stock: the roles told of low stock and expiring batches (inbox notice and daily mail). */
  STOCK_ALERT_ROLES: z.array(z.enum(STAFF_ROLES)).min(1).default(['manager', 'admin']),
  STRIPE_PUBLIC_KEY: optionalSecret,
  STRIPE_SECRET_KEY: optionalSecret,
  STRIPE_WEBHOOK_SECRET: optionalSecret,
  /** Home delivery, IVA included; pickup at the clinic is free. */
  SHIPPING_FLAT_RATE: z
    .string()
    .regex(/^\d{1,6}(\.\d{1,2})?$/, 'must be an amount like 99.00')
    .default('99.00'),
  /** Orders from this amount (IVA included) ship free. */
  FREE_SHIPPING_OVER: z
    .string()
    .regex(/^\d{1,8}(\.\d{1,2})?$/, 'must be an amount like 999.00')
    .default('999.00'),
  /** A pending order paid at the clinic is released (stock back) after this many days. */
  PENDING_ORDER_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  /** The responsible vet's email, whose name and cédula head the printed controlled-drug book; unset: the vet who prints it. */
  CONTROLLED_RESPONSIBLE_VET: z.preprocess((v) => (v === '' ? null : v), z.string().email().nullable()).default(null),
  /** Largest product image a manager may upload, in bytes. */
  IMAGE_MAX_BYTES: z.coerce.number().int().min(100_000).max(20_000_000).default(5_000_000),
});
export type StoreSettings = z.infer<typeof storeSettings>;

/** The rate of each tax class, from the settings. */
export const taxRatesOf = (settings: Pick<StoreSettings, 'TAX_RATE' | 'BORDER_TAX_RATE'>): TaxRates => ({
  iva16: settings.TAX_RATE,
  iva8: settings.BORDER_TAX_RATE,
});
