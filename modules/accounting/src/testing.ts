import { type Platform, systemActor } from '@petfriendly/core';

let sequence = 0;
const books = (platform: Platform) => platform.services.accounting;

/** A Mexican supplier with an RFC of its own (the homoclave counts up). */
export async function VendorFactory(platform: Platform, overrides: { name?: string; rfc?: string; paymentTerms?: string } = {}) {
  sequence += 1;
  const homoclave = sequence.toString(36).toUpperCase().padStart(3, '0');
  return books(platform).payables.createVendor(systemActor, { name: `Proveedor ${sequence}`, rfc: `PRV200101${homoclave}`, ...overrides });
}

/** A supplier's bill typed by hand: one line of general expenses at 16 % IVA, for a new vendor unless one is given. */
export async function BillFactory(
  platform: Platform,
  overrides: { vendorId?: number; billDate?: string; dueDate?: string; amount?: string; rate?: '16' | '8' | '0' | 'exempt'; accountCode?: string } = {},
) {
  const { vendorId, amount = '1000.00', rate = '16', accountCode = '6103', ...dates } = overrides;
  const vendor = vendorId ?? (await VendorFactory(platform)).id;
  return books(platform).payables.createBill(systemActor, {
    vendorId: vendor,
    billDate: dates.billDate ?? platform.ctx.clock.now().toISOString().slice(0, 10),
    ...(dates.dueDate ? { dueDate: dates.dueDate } : {}),
    lines: [{ accountCode, description: 'Gastos generales', amount, rate }],
  });
}
