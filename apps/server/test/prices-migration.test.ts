/**
 * The migration to shelf prices (0017): prices stored before IVA become the figures customers saw
 * (the IVA of their class added, rounded to the centavo); invoice lines keep their net value as their
 * ValorUnitario. Run here against rows written the old way, after the schema is in place.
 */
import { readFileSync } from 'node:fs';
import { OwnerFactory } from '@petfriendly/accounts/testing';
import { serviceTypes } from '@petfriendly/appointments/tables';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { invoiceLineItems, invoices } from '@petfriendly/billing/tables';
import { products } from '@petfriendly/store/tables';
import { ProductFactory } from '@petfriendly/store/testing';
import { MIGRATIONS_DIR } from '@petfriendly/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const migration = () =>
  readFileSync(`${MIGRATIONS_DIR}/0017_prices_include_iva.sql`, 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.trim())
    .filter(Boolean);

describe('0017 prices include IVA', () => {
  it('turns net prices into the shelf prices customers saw, and keeps each invoice line’s net value', async () => {
    const db = t.platform.ctx.db;
    const consult = await ProductFactory(t.platform, { price: '387.93', compareAtPrice: '431.03' });
    const border = await ProductFactory(t.platform, { price: '92.50', taxClass: 'iva8' });
    const food = await ProductFactory(t.platform, { price: '85.50', taxClass: 'iva0' });
    const stray = await ProductFactory(t.platform, { price: '689.66' });
    const service = await ServiceFactory(t.platform, { staffIds: [] });
    const owner = await OwnerFactory(t.platform);
    const [invoice] = await db
      .insert(invoices)
      .values({ invoiceNumber: 'OLD-1', ownerId: owner.user.id, subtotal: '387.93', taxAmount: '62.07', total: '450.00', status: 'sent' })
      .returning();
    await db.insert(invoiceLineItems).values({
      invoiceId: invoice!.id,
      description: 'Consulta',
      quantity: '1',
      unitPrice: '387.93',
      taxClass: 'iva16',
      taxAmount: '62.068800',
      lineTotal: '450.00',
      satProductCode: '70122000',
      satUnitCode: 'E48',
    });

    for (const statement of migration()) await db.execute(sql.raw(statement));

    const price = async (id: number) => (await db.select().from(products).where(eq(products.id, id)))[0]!;
    expect(await price(consult.id)).toMatchObject({ price: '450.00', compareAtPrice: '499.99' });
    expect((await price(border.id)).price).toBe('99.90');
    expect((await price(food.id)).price).toBe('85.50');
    // The old shelf showed $800.01 for this one; it still does (the clinic may now round it).
    expect((await price(stray.id)).price).toBe('800.01');
    expect((await db.select().from(serviceTypes).where(eq(serviceTypes.id, service.id)))[0]!.price).toBe('522.00');
    const [line] = await db.select().from(invoiceLineItems).where(eq(invoiceLineItems.invoiceId, invoice!.id));
    expect(line).toMatchObject({ unitPrice: '450.00', unitValue: '387.930000', lineTotal: '450.00' });
    expect((await db.select().from(invoices).where(eq(invoices.id, invoice!.id)))[0]).toMatchObject({ subtotal: '387.93', total: '450.00' });
  });
});
