import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { outbox } from '@petfriendly/core';
import type { StoreServices } from '@petfriendly/store';
import { controlledEntries } from '@petfriendly/store/controlled-tables';
import { categories, products, stockBatches, stockLevels } from '@petfriendly/store/tables';
import { ProductFactory } from '@petfriendly/store/testing';
import { visits, vitalSigns } from '@petfriendly/vet-clinic/tables';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import type { DataImportServices } from '../src/services';

// Tuesday 10 March 2026, 10:00 in Mexico City.
let t: TestApp;
let imports: DataImportServices['imports'];
let store: StoreServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  imports = (t.platform.services['data-import'] as DataImportServices).imports;
  store = t.platform.services.store as StoreServices;
  manager = await StaffFactory(t.platform, 'manager');
});
afterAll(async () => t?.close());

const db = () => t.platform.ctx.db;
const csv = (rows: string[][]) => new TextEncoder().encode(stringify(rows));
async function importFile(kind: 'products' | 'stock' | 'visits', bytes: Uint8Array, fileName: string) {
  const imp = await imports.upload(manager.actor, { kind, fileName, bytes });
  const dry = await imports.dryRun(manager.actor, imp.id);
  await imports.start(manager.actor, imp.id);
  return { dry, done: await imports.getImport(manager.actor, imp.id) };
}
const problems = async (id: number) => (await imports.problemRows(manager.actor, id)).rows.map((r) => [r.line, r.status, r.errors[0]!.field, r.errors[0]!.key]);
const product = async (sku: string) => (await db().select().from(products).where(eq(products.sku, sku)))[0];

/** A multipart body with one file, as a browser or curl sends it. */
function multipart(fileName: string, bytes: Uint8Array) {
  const boundary = '----petfriendly-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { ...manager.auth, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('importing products, opening stock and past visits', () => {
  it('imports products from a workbook with Spanish headers: categories, prices with or without IVA to the centavo, duplicates and broken lines', async () => {
    await ProductFactory(t.platform, { sku: 'EXIST-1', name: 'Ya en la clínica' });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Productos');
    sheet.addRow(['Código', 'Código de barras', 'Nombre', 'Categoría', 'Precio', 'Precio sin IVA', 'IVA', 'Costo', 'Receta', 'Principio activo', 'Controlado']);
    sheet.addRow(['AMX-500', '7501234567890', 'Amoxicilina 500 mg', 'Medicamentos > Antibióticos', '', '86.21', '16', '40', 'sí', 'Amoxicilina', 'no']);
    sheet.addRow(['CROQ-1', '', 'Croquetas cachorro 2 kg', 'Alimentos', '$1,299.00', '', '16%', '', '', '', '']);
    sheet.addRow(['VAC-RAB', '', 'Vacuna antirrábica', 'Biológicos', '290', '250', 'IVA 16', '', '', '', '']);
    sheet.addRow(['KET-100', '', 'Ketamina 100 mg/ml', 'Medicamentos > Controlados', '450', '', '16', '300', 'sí', 'Ketamina', 'sí']);
    sheet.addRow(['MAL-1', '', 'Precio que no cuadra', 'Alimentos', '120', '100', '16', '', '', '', '']); // 6: 100 + 16% is 116
    sheet.addRow(['amx-500', '', 'Amoxicilina otra vez', 'Medicamentos', '10', '', '', '', '', '', '']); // 7: same SKU as line 2
    sheet.addRow(['SIN-PRECIO', '', 'Sin precio', 'Alimentos', '', '', '', '', '', '', '']); // 8
    sheet.addRow(['RARO-1', '', 'IVA raro', 'Alimentos', '10', '', 'mucho', '', '', '', '']); // 9
    sheet.addRow(['OTRO-1', '7501234567890', 'Mismo código de barras', 'Alimentos', '10', '', '', '', '', '', '']); // 10
    sheet.addRow(['SUERO-1', '', 'Suero oral', 'Medicamentos', '', '43.103', '8', '', '', '', '']);
    sheet.addRow(['EXIST-1', '', 'Ya estaba', 'Alimentos', '10', '', '', '', '', '', '']); // 12
    sheet.addRow(['CTRL-1', '', 'Controlado sin receta', 'Medicamentos', '10', '', '', '', 'no', '', 'sí']); // 13
    const { dry, done } = await importFile('products', new Uint8Array(await workbook.xlsx.writeBuffer()), 'productos.xlsx');

    expect(done.mapping).toMatchObject({ sku: 0, barcode: 1, name: 2, category: 3, price: 4, priceExclIva: 5, taxClass: 6, costPrice: 7 });
    expect(dry.counts).toEqual({ created: 5, duplicate: 3, failed: 4 });
    expect(done.counts).toEqual({ created: 5, duplicate: 3, failed: 4 });
    expect(await problems(done.id)).toEqual([
      [6, 'failed', 'price', 'data_import.price_mismatch'],
      [7, 'duplicate', 'sku', 'data_import.duplicate_in_file'],
      [8, 'failed', 'price', 'data_import.price_missing'],
      [9, 'failed', 'taxClass', expect.any(String)],
      [10, 'duplicate', 'barcode', 'data_import.duplicate_in_file'],
      [12, 'duplicate', 'sku', 'data_import.already_exists'],
      [13, 'failed', 'requiresPrescription', 'store.controlled_needs_rx'],
    ]);
    // 86.21 × 1.16 = 100.0036 → 100.00; 43.103 × 1.08 = 46.55124 → 46.55; the shelf price is IVA included.
    expect(await product('AMX-500')).toMatchObject({
      price: '100.00',
      taxClass: 'iva16',
      costPrice: '40.00',
      requiresPrescription: true,
      barcode: '7501234567890',
    });
    expect(await product('CROQ-1')).toMatchObject({ price: '1299.00' });
    expect(await product('VAC-RAB')).toMatchObject({ price: '290.00' });
    expect(await product('SUERO-1')).toMatchObject({ price: '46.55', taxClass: 'iva8' });
    expect(await product('KET-100')).toMatchObject({ isControlled: true, prescriptionName: 'Ketamina' });
    // "Medicamentos > Antibióticos": the path of categories, created once and shared.
    const amx = (await product('AMX-500'))!;
    const [antibiotics] = await db().select().from(categories).where(eq(categories.id, amx.categoryId));
    const [medicines] = await db().select().from(categories).where(eq(categories.id, antibiotics!.parentId!));
    expect([antibiotics!.name, medicines!.name]).toEqual(['Antibióticos', 'Medicamentos']);
    expect((await product('KET-100'))!.categoryId).not.toBe(amx.categoryId);
    expect((await db().select().from(categories).where(eq(categories.name, 'Medicamentos'))).length).toBe(1);
    // A broken line made no category.
    expect(await product('MAL-1')).toBeUndefined();
  });

  it('receives opening stock through the API as batches with lot, expiry and cost: events and the controlled book follow, and undo takes it back out', async () => {
    const file = csv([
      ['SKU', 'Lote', 'Caducidad', 'Cantidad', 'Costo unitario', 'Proveedor'],
      ['AMX-500', 'L-1', '31/12/2027', '40', '52.50', 'Distribuidora Norte'],
      ['KET-100', 'K-9', '2027-06-30', '10', '300', ''],
      ['AMX-500', 'L-1', '31/12/2027', '40', '52.50', ''], // 4: same lot again
      ['NOPE-1', 'X', '', '1', '1', ''], // 5
      ['CROQ-1', 'C-1', '01/01/2020', '5', '700', ''], // 6: expired
      ['CROQ-1', 'C-2', '', 'diez', '700', ''], // 7
    ]);
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/imports?kind=stock', ...multipart('existencias.csv', file) });
    expect(up.statusCode).toBe(201);
    const id = json(up).id as number;
    const dry = await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/dry-run`, headers: manager.auth });
    expect(json(dry).counts).toEqual({ created: 2, duplicate: 1, failed: 3 });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/imports/${id}/run`, headers: manager.auth })).statusCode).toBe(200);
    const done = json(await t.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: manager.auth }));
    expect(done.counts).toEqual({ created: 2, duplicate: 1, failed: 3 });
    expect(await problems(id)).toEqual([
      [4, 'duplicate', 'batchNumber', 'data_import.duplicate_in_file'],
      [5, 'failed', 'sku', 'data_import.product_not_found'],
      [6, 'failed', 'expiryDate', 'store.receiving_expired'],
      [7, 'failed', 'quantity', expect.any(String)],
    ]);
    const amx = (await product('AMX-500'))!;
    const ket = (await product('KET-100'))!;
    const [batch] = await db().select().from(stockBatches).where(eq(stockBatches.productId, amx.id));
    expect(batch).toMatchObject({ batchNumber: 'L-1', expiryDate: '2027-12-31', quantity: 40, costPerUnit: '52.50', supplier: 'Distribuidora Norte' });
    const received = await db()
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.name, 'store.stock_received'), sql`(${outbox.payload} ->> 'productId')::int = ${amx.id}`));
    expect(received.map((r) => r.payload)).toMatchObject([{ quantity: 40, unitCost: '52.50', costAmount: '2100.00', batchNumber: 'L-1' }]);
    const book = () =>
      db()
        .select({ type: controlledEntries.type, quantity: controlledEntries.quantity, balance: controlledEntries.balance })
        .from(controlledEntries)
        .where(eq(controlledEntries.productId, ket.id))
        .orderBy(asc(controlledEntries.id));
    expect(await book()).toEqual([{ type: 'receipt', quantity: 10, balance: 10 }]);

    // Again: the lots are in the clinic now.
    const again = await imports.upload(manager.actor, { kind: 'stock', fileName: 'existencias.csv', bytes: file });
    expect((await imports.dryRun(manager.actor, again.id)).counts).toEqual({ created: 0, duplicate: 3, failed: 3 });

    // Ketamine was used since; amoxicillin was not: only its batch goes back out, through the stock flow.
    const vetUser = await StaffFactory(t.platform, 'veterinarian', { licenseNumber: '87654321' });
    const owner = await OwnerFactory(t.platform);
    const pet = await PetFactory(t.platform, owner.actor);
    const [ketBatch] = await db().select().from(stockBatches).where(eq(stockBatches.productId, ket.id));
    await store.book.administer(vetUser.actor, {
      productId: ket.id,
      batchId: ketBatch!.id,
      petId: pet.id,
      quantity: 1,
      dose: '2',
      doseUnit: 'ml',
      route: 'IV',
    });
    expect(await imports.undo(manager.actor, id)).toEqual({ removed: 1, kept: [3] });
    const [level] = await db().select().from(stockLevels).where(eq(stockLevels.productId, amx.id));
    expect(level!.quantity).toBe(0);
    expect((await book()).map((e) => e.type)).toEqual(['receipt', 'administration']);
    // A product with stock history stays when its import is undone.
    const productImport = (await imports.listImports(manager.actor)).find((i) => i.kind === 'products')!;
    const undone = await imports.undo(manager.actor, productImport.id);
    expect(undone.removed).toBe(3);
    expect(await product('CROQ-1')).toBeUndefined();
    expect(await product('AMX-500')).toBeDefined();
  });

  it('imports past visits as closed, imported history of the pets they name, with their weight; duplicates and broken lines reported; undo removes them', async () => {
    const owner = await OwnerFactory(t.platform);
    const luna = await PetFactory(t.platform, owner.actor, { name: 'Luna' });
    const email = owner.user.email;
    const { dry, done } = await importFile(
      'visits',
      csv([
        ['Correo del dueño', 'Mascota', 'Fecha', 'Motivo', 'Notas', 'Diagnóstico', 'Peso'],
        [email, 'luna', '15/01/2025', 'Vacunación anual', 'Sin novedades', 'Sana', '12,4'],
        [email, 'Luna', '2024-06-02 09:30', 'Otitis', '', 'Otitis externa', ''],
        [email, 'Luna', '15/01/2025', 'vacunacion anual', '', '', ''], // 4: same day and reason
        [email, 'Toby', '2025-01-01', 'Revisión', '', '', ''], // 5
        [email, 'Luna', '2099-01-01', 'Futuro', '', '', ''], // 6
        [email, 'Luna', '30/02/2024', 'Fecha imposible', '', '', ''], // 7
        [email, 'Luna', '2024-01-01', '', '', '', ''], // 8: no reason
      ]),
      'consultas.csv',
    );
    expect(dry.counts).toEqual({ created: 2, duplicate: 1, failed: 4 });
    expect(done.counts).toEqual({ created: 2, duplicate: 1, failed: 4 });
    expect(await problems(done.id)).toEqual([
      [4, 'duplicate', 'visitDate', 'data_import.duplicate_in_file'],
      [5, 'failed', 'petName', 'data_import.pet_not_found'],
      [6, 'failed', 'visitDate', 'vet_clinic.visit_in_future'],
      [7, 'failed', 'visitDate', expect.any(String)],
      [8, 'failed', 'reason', expect.any(String)],
    ]);
    const rows = await db().select().from(visits).where(eq(visits.petId, luna.id)).orderBy(asc(visits.visitDate));
    expect(rows).toMatchObject([
      { reason: 'Otitis', imported: true, visitDate: new Date('2024-06-02T15:30:00Z'), assessment: 'Otitis externa' },
      { reason: 'Vacunación anual', imported: true, visitDate: new Date('2025-01-15T18:00:00Z'), subjective: 'Sin novedades', assessment: 'Sana' },
    ]);
    expect(rows[1]!.closedAt).toEqual(rows[1]!.visitDate);
    const [weighing] = await db().select().from(vitalSigns).where(eq(vitalSigns.visitId, rows[1]!.id));
    expect(weighing!.weightKg).toBe('12.40');

    expect(await imports.undo(manager.actor, done.id)).toEqual({ removed: 2, kept: [] });
    expect(await db().select().from(visits).where(eq(visits.petId, luna.id))).toEqual([]);
  });

  it('offers the new kinds on the import page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/admin/imports', headers: manager.auth });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Existencias iniciales');
    expect(res.body).toContain('Consultas anteriores');
  });
});
