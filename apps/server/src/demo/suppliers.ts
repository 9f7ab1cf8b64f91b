import { type Actor, addLocalDays, clinicInstant, type LocalDate, money, type Platform, runAsOf } from '@petfriendly/core';
import { products, stockBatches, stockMovements } from '@petfriendly/store/tables';
import { and, eq, sql } from 'drizzle-orm';
import type { Rng } from './random';

/** The clinic's suppliers: who delivers the shelves' stock (by the name on each batch), and the power company. */
const VENDORS = [
  {
    name: 'Distribuidora de Alimentos para Mascotas del Centro',
    rfc: 'DAM0803129K4',
    contactName: 'Rodrigo Salas',
    email: 'pedidos@dampcentro.mx',
    phone: '5553401122',
    paymentTerms: 'net30',
  },
  {
    name: 'Farmacéutica Veterinaria del Bajío',
    rfc: 'FVB1102217T8',
    contactName: 'Mónica Aguilar',
    email: 'ventas@farmavetbajio.mx',
    phone: '4772108890',
    paymentTerms: 'net30',
  },
  {
    name: 'Accesorios y Higiene Animal',
    rfc: 'AHA150610QJ3',
    contactName: 'Jorge Peña',
    email: 'facturas@ahanimal.mx',
    phone: '5556894410',
    paymentTerms: 'net15',
  },
  {
    name: 'Comisión Federal de Electricidad',
    rfc: 'CFE370814QI0',
    contactName: '',
    email: '',
    phone: '071',
    paymentTerms: 'net15',
    defaultExpenseAccountCode: '6103',
  },
] as const;

/** The account a delivery's bill clears: goods received and not yet billed (the delivery booked it). */
const GOODS_RECEIVED = '2102';
const BANK = '1102.01';

/**
 * Accounts payable as a clinic keeps them, through the payables service: the suppliers, one bill per
 * supplier and delivery day for what the shelves received (each clears the goods the delivery booked),
 * and the monthly electricity bill. Bills are paid by transfer a little before they fall due; the last
 * weeks' are still open, so the aging report has something to say. Returns how many bills were made.
 */
export async function seedSuppliers(platform: Platform, rng: Rng, today: LocalDate, months: number, bookkeeper: Actor): Promise<number> {
  const payables = platform.services.accounting.payables;
  const tz = platform.ctx.clinic.TIME_ZONE;
  const vendorIds = new Map<string, number>();
  for (const v of VENDORS) vendorIds.set(v.name, (await payables.createVendor(bookkeeper, v)).id);

  // What each delivery cost, before IVA, by supplier, day and the IVA rate of what came in.
  const deliveries = await platform.ctx.db
    .select({
      supplier: stockBatches.supplier,
      day: stockBatches.receivedDate,
      zeroRated: sql<boolean>`${products.taxClass} = 'iva0'`,
      cost: sql<string>`sum(${stockMovements.quantityChange} * ${stockBatches.costPerUnit})::numeric(12,2)::text`,
    })
    .from(stockMovements)
    .innerJoin(stockBatches, eq(stockBatches.id, stockMovements.batchId))
    .innerJoin(products, eq(products.id, stockMovements.productId))
    .where(and(eq(stockMovements.reason, 'received')))
    .groupBy(stockBatches.supplier, stockBatches.receivedDate, sql`${products.taxClass} = 'iva0'`)
    .orderBy(stockBatches.receivedDate);
  const bills: {
    vendorId: number;
    day: LocalDate;
    description: string;
    lines: { accountCode: string; description: string; amount: string; rate: '16' | '0' }[];
  }[] = [];
  for (const d of deliveries) {
    const vendorId = vendorIds.get(d.supplier);
    if (!vendorId || money(d.cost).lte(0)) continue;
    let bill = bills.find((b) => b.vendorId === vendorId && b.day === d.day);
    if (!bill) {
      bill = { vendorId, day: d.day, description: 'Mercancía entregada', lines: [] };
      bills.push(bill);
    }
    bill.lines.push({ accountCode: GOODS_RECEIVED, description: 'Mercancía', amount: d.cost, rate: d.zeroRated ? '0' : '16' });
  }
  const power = vendorIds.get('Comisión Federal de Electricidad')!;
  for (let m = Math.min(months, 12); m >= 1; m--) {
    const day = `${addLocalDays(today, -30 * m).slice(0, 8)}05`;
    const kwh = rng.int(1400, 2100);
    bills.push({
      vendorId: power,
      day,
      description: `Suministro de energía, ${kwh} kWh`,
      lines: [{ accountCode: '6103', description: 'Energía eléctrica', amount: money(kwh).times('2.15').toFixed(2), rate: '16' }],
    });
  }
  bills.sort((a, b) => a.day.localeCompare(b.day));

  let made = 0;
  for (const b of bills) {
    if (b.day > today) continue;
    const at = clinicInstant(b.day, '12:00', tz);
    const bill = await runAsOf(at, () =>
      payables.createBill(bookkeeper, {
        vendorId: b.vendorId,
        billNumber: `F-${rng.digits(6)}`,
        billDate: b.day,
        description: b.description,
        lines: b.lines,
      }),
    );
    made += 1;
    const paidOn = addLocalDays(bill.dueDate, -rng.int(0, 4));
    if (paidOn >= today) continue;
    await runAsOf(clinicInstant(paidOn, '10:00', tz), () =>
      payables.payBill(bookkeeper, bill.id, { amount: bill.total, paidOn, method: 'transfer', accountCode: BANK, reference: `SPEI ${rng.digits(8)}` }),
    );
  }
  return made;
}
