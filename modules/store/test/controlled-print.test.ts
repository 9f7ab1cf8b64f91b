import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { parse } from 'csv-parse/sync';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from '../../../apps/server/test/helpers';
import { ProductFactory } from '../src/testing';

let t: TestApp;
type Person = Awaited<ReturnType<typeof StaffFactory>>;
let vet: Person;
let manager: Person;
let receptionist: Person;
let productId: number;
let batchId: number;
let petId: number;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-10T16:00:00Z' });
  vet = await StaffFactory(t.platform, 'veterinarian', { name: 'Dra. Ana Ruiz', licenseNumber: '87654321' });
  manager = await StaffFactory(t.platform, 'manager', { name: 'Luis Pérez' });
  receptionist = await StaffFactory(t.platform, 'receptionist');
  const owner = await OwnerFactory(t.platform, { name: 'Marta Gómez' });
  petId = (await PetFactory(t.platform, owner.actor, { name: 'Chispa' })).id;
  const s = t.platform.services.store;
  const product = await ProductFactory(t.platform, {
    name: 'Ketamina 100 mg/ml',
    shortDescription: 'Frasco ámpula 10 ml',
    requiresPrescription: true,
    isControlled: true,
    controlledGroup: 'III',
    stock: 0,
  });
  productId = product.id;
  batchId = (await s.inventory.receiveStock(manager.actor, { productId, quantity: 5, batchNumber: 'K-7', expiryDate: '2027-01-31', costPerUnit: '410.00' })).id;
});
afterAll(async () => t?.close());

const post = (url: string, who: Person, payload: object) => t.app.inject({ method: 'POST', url, headers: who.auth, payload });

describe('the controlled-drug book over HTTP', () => {
  it('records uses with checked input, and refuses who may not', async () => {
    const dose = { productId, batchId, petId, quantity: 1, dose: '1.5', doseUnit: 'ml', route: 'IM' };
    expect((await post('/api/v1/controlled/administrations', vet, { ...dose, dose: 'mucho' })).statusCode).toBe(422);
    expect((await post('/api/v1/controlled/administrations', vet, { ...dose, route: 'XX' })).statusCode).toBe(422);
    expect((await post('/api/v1/controlled/administrations', receptionist, dose)).statusCode).toBe(403);
    const given = await post('/api/v1/controlled/administrations', vet, dose);
    expect(given.statusCode).toBe(201);
    expect(json(given)).toMatchObject({ type: 'administration', quantity: -1, balance: 4, licenseNumber: '87654321' });
    const wasted = await post('/api/v1/controlled/wastes', vet, { productId, batchId, quantity: 1, witnessId: manager.user.id, reason: 'Frasco roto' });
    expect(wasted.statusCode).toBe(201);
    const count = await post('/api/v1/controlled/counts', vet, { productId, batchId, counted: 2 });
    expect(count.statusCode).toBe(422);
    expect(json(count).error.code).toBe('store.book_count_reason_required');
    const balances = await t.app.inject({ method: 'GET', url: `/api/v1/controlled/balances?productId=${productId}`, headers: manager.auth });
    expect(json(balances)).toEqual([expect.objectContaining({ batchNumber: 'K-7', balance: 3, group: 'III' })]);
  });

  it('prints the period as the authority inspects it (PDF read back by pdf-parse) and as CSV', async () => {
    const query = `productId=${productId}&from=2026-03-01&to=2026-03-31`;
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/controlled/book.pdf?${query}`, headers: vet.auth });
    expect(pdf.statusCode, pdf.body.slice(0, 400)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(pdf.rawPayload) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('Libro de medicamentos controlados');
    expect(text).toContain('Médico veterinario responsable: Dra. Ana Ruiz · Cédula profesional 87654321');
    expect(text).toContain('Producto: Ketamina 100 mg/ml');
    expect(text).toContain('Presentación: Frasco ámpula 10 ml');
    expect(text).toContain('Grupo COFEPRIS: Psicotrópico grupo III');
    expect(text).toContain('Periodo: 2026-03-01 – 2026-03-31');
    expect(text).toMatch(/K-7\s+Entrada\s+5\s+5/);
    expect(text).toMatch(/K-7\s+Administración\s+1\s+4\s+Chispa \/ Marta Gómez · 1.5 ml IM\s+Dra\. Ana Ruiz · Cédula\s+profesional 87654321/);
    expect(text).toMatch(/K-7\s+Merma o destrucción\s+1\s+3\s+Frasco roto\s+Dra\. Ana Ruiz.*Luis Pérez/s);

    const csv = await t.app.inject({ method: 'GET', url: `/api/v1/controlled/book.csv?${query}`, headers: vet.auth });
    const rows: Record<string, string>[] = parse(csv.rawPayload, { columns: true, bom: true });
    expect(rows.map((r) => [r.type, r.in, r.out, r.balance, r.patient, r.witness])).toEqual([
      ['Entrada', '5', '', '5', '', ''],
      ['Administración', '', '1', '4', 'Chispa', ''],
      ['Merma o destrucción', '', '1', '3', '', 'Luis Pérez'],
    ]);
    const before = await t.app.inject({ method: 'GET', url: `/api/v1/controlled/book.csv?productId=${productId}&to=2026-03-09`, headers: vet.auth });
    expect(parse(before.rawPayload, { columns: true, bom: true })).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/controlled/book.pdf?from=marzo`, headers: vet.auth })).statusCode).toBe(422);
  });
});
