import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { appointmentsModule } from '@petfriendly/appointments';
import { type BillingServices, createBillingModule } from '@petfriendly/billing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountingModule } from '../src/index';
import { validateSatXml } from '../src/sat/validate-xsd';
import type { AccountingServices } from '../src/services';

// A PAC that stamps each CFDI with the next UUID of a script.
let stamps = 0;
const uuidOf = (n: number) => `7c2d1e0f-3a4b-4c5d-8e9f-${String(n).padStart(12, '0')}`;
const pac = {
  name: 'scripted',
  stamps: true,
  async stamp(xml: string) {
    stamps += 1;
    return { uuid: uuidOf(stamps), xml, stampedAt: '2026-03-10T10:00:05', satCertificateNumber: '1', pacId: `p-${stamps}` };
  },
  async cancel() {
    return { status: 'cancelled' as const };
  },
};

let platform: TestPlatform;
let books: AccountingServices;
let billing: BillingServices;
let accountant: Awaited<ReturnType<typeof StaffFactory>>;
let desk: Awaited<ReturnType<typeof StaffFactory>>;

/** Attributes of every element named `name`, in document order (a plain reading of the XML, not our builder). */
function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b([^>]*?)/?>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

beforeAll(async () => {
  platform = await createTestPlatform(
    [accountsModule, vetClinicModule, omnichannelModule, appointmentsModule, multilingualModule, storeModule, createBillingModule({ pac }), accountingModule],
    { now: '2026-03-10T16:00:00Z' },
  );
  books = platform.services.accounting;
  billing = platform.services.billing;
  accountant = await StaffFactory(platform, 'accountant');
  desk = await StaffFactory(platform, 'receptionist');
  // A consultation invoiced to an owner with an RFC, stamped, then paid by transfer in two parts.
  const owner = await OwnerFactory(platform);
  const invoice = await billing.invoices.createManual(desk.actor, { ownerId: owner.user.id });
  await billing.invoices.addLine(desk.actor, invoice.id, { description: 'Consulta general', unitPrice: '580.00', taxClass: 'iva16' });
  await billing.invoices.issueInvoice(desk.actor, invoice.id);
  await billing.fiscal.saveFiscalProfile(owner.actor, {
    rfc: 'XOJI740919U48',
    legalName: 'Ingrid Xodar Jiménez',
    regimenFiscal: '612',
    postalCode: '88965',
    usoCfdi: 'G03',
  });
  await billing.cfdi.issueCfdi(desk.actor, invoice.id);
  await billing.payments.recordPayment(desk.actor, invoice.id, { amount: '280.00', method: 'transfer' });
  // A year before: a sale and an expense in 2025, by hand.
  for (const [lines, date] of [
    [
      [
        { accountCode: '1101', debit: '1000.00' },
        { accountCode: '4900', credit: '1000.00' },
      ],
      '2025-06-15',
    ],
    [
      [
        { accountCode: '6103', debit: '200.00' },
        { accountCode: '1101', credit: '200.00' },
      ],
      '2025-12-20',
    ],
  ] as const) {
    const entry = await books.ledger.createJournalEntry(accountant.actor, { date, description: 'Movimiento 2025', lines: [...lines] });
    await books.ledger.postEntry(accountant.actor, entry.id);
  }
  await platform.ctx.events.dispatch();
});
afterAll(async () => platform?.close());

describe("the SAT's Contabilidad Electrónica 1.3", () => {
  it('catálogo de cuentas: every account with its código agrupador, level, parent and nature, valid against CatalogoCuentas_1_3.xsd', async () => {
    const file = await books.sat.catalogo(accountant.actor, { year: 2026, month: 3 });
    expect(file.name).toBe('EKU9003173C9202603CT');
    expect(await validateSatXml('catalogo', file.xml)).toEqual({ valid: true, errors: [] });
    const root = elements(file.xml, 'catalogocuentas:Catalogo')[0]!;
    expect(root).toMatchObject({ Version: '1.3', RFC: 'EKU9003173C9', Mes: '03', Anio: '2026' });
    const ctas = new Map(elements(file.xml, 'catalogocuentas:Ctas').map((c) => [c.NumCta, c]));
    expect(ctas.get('1')).toEqual({ CodAgrup: '100', NumCta: '1', Desc: 'Activo', Nivel: '1', Natur: 'D' });
    expect(ctas.get('1102.01')).toEqual({ CodAgrup: '102.01', NumCta: '1102.01', Desc: 'Banco cuenta principal', SubCtaDe: '1102', Nivel: '4', Natur: 'D' });
    expect(ctas.get('2104')).toMatchObject({ CodAgrup: '208.01', Natur: 'A', SubCtaDe: '21' });
    // The schema is not a formality: a catálogo with an agrupador the SAT does not know fails it.
    const broken = await validateSatXml('catalogo', file.xml.replace('CodAgrup="102.01"', 'CodAgrup="102.99"'));
    expect(broken.valid).toBe(false);
    expect(broken.errors.join(' ')).toContain('CodAgrup');
  });

  it('balanza de comprobación: balances on each account’s nature, valid against BalanzaComprobacion_1_3.xsd', async () => {
    const file = await books.sat.balanza(accountant.actor, { year: 2026, month: 3 });
    expect(file.name).toBe('EKU9003173C9202603BN');
    expect(await validateSatXml('balanza', file.xml)).toEqual({ valid: true, errors: [] });
    expect(elements(file.xml, 'BCE:Balanza')[0]).toMatchObject({ TipoEnvio: 'N', Mes: '03', Anio: '2026' });
    const ctas = new Map(elements(file.xml, 'BCE:Ctas').map((c) => [c.NumCta, c]));
    // $580.00 billed, $280.00 paid by transfer.
    expect(ctas.get('1103')).toEqual({ NumCta: '1103', SaldoIni: '0.00', Debe: '580.00', Haber: '280.00', SaldoFin: '300.00' });
    expect(ctas.get('1102.01')).toMatchObject({ Debe: '280.00', SaldoFin: '280.00' });
    // A free line's revenue goes to otros ingresos: $500.00 before IVA.
    expect(ctas.get('4900')).toMatchObject({ Debe: '0.00', Haber: '500.00' });
    // 2025's cash carried over: 1000 − 200.
    expect(ctas.get('1101')).toMatchObject({ SaldoIni: '800.00', SaldoFin: '800.00' });
  });

  it('a complementaria says when the books changed; month 13 is the year-end closing alone', async () => {
    await expect(books.sat.balanza(accountant.actor, { year: 2026, month: 3, kind: 'C' })).rejects.toMatchObject({ statusCode: 422 });
    const complementaria = await books.sat.balanza(accountant.actor, { year: 2026, month: 3, kind: 'C', modifiedOn: '2026-04-20' });
    expect(complementaria.name).toBe('EKU9003173C9202603BC');
    expect(elements(complementaria.xml, 'BCE:Balanza')[0]).toMatchObject({ TipoEnvio: 'C', FechaModBal: '2026-04-20' });

    const closed = await books.close.closeYear(accountant.actor, { year: 2025 });
    expect(closed.netIncome).toBe('800.00');
    const december = new Map(elements((await books.sat.balanza(accountant.actor, { year: 2025, month: 12 })).xml, 'BCE:Ctas').map((c) => [c.NumCta, c]));
    expect(december.get('6103')).toMatchObject({ Debe: '200.00', Haber: '0.00', SaldoFin: '200.00' });
    const yearEnd = await books.sat.balanza(accountant.actor, { year: 2025, month: 13 });
    expect(yearEnd.name).toBe('EKU9003173C9202513BN');
    expect(await validateSatXml('balanza', yearEnd.xml)).toEqual({ valid: true, errors: [] });
    const ctas = new Map(elements(yearEnd.xml, 'BCE:Ctas').map((c) => [c.NumCta, c]));
    expect(ctas.get('4900')).toEqual({ NumCta: '4900', SaldoIni: '1000.00', Debe: '1000.00', Haber: '0.00', SaldoFin: '0.00' });
    expect(ctas.get('6103')).toEqual({ NumCta: '6103', SaldoIni: '200.00', Debe: '0.00', Haber: '200.00', SaldoFin: '0.00' });
    expect(ctas.get('3201')).toEqual({ NumCta: '3201', SaldoIni: '0.00', Debe: '0.00', Haber: '800.00', SaldoFin: '800.00' });
    expect(ctas.get('1101')).toMatchObject({ SaldoIni: '800.00', Debe: '0.00', Haber: '0.00', SaldoFin: '800.00' });
  });

  it('pólizas del periodo: each entry with its lines and the UUID of the CFDI it books, valid against PolizasPeriodo_1_3.xsd', async () => {
    await expect(books.sat.polizas(accountant.actor, { year: 2026, month: 3, tipoSolicitud: 'AF' })).rejects.toMatchObject({ statusCode: 422 });
    const file = await books.sat.polizas(accountant.actor, { year: 2026, month: 3, tipoSolicitud: 'AF', numOrden: 'ABC6912345/15' });
    expect(file.name).toBe('EKU9003173C9202603PL');
    expect(await validateSatXml('polizas', file.xml)).toEqual({ valid: true, errors: [] });
    const polizas = elements(file.xml, 'PLZ:Poliza');
    expect(polizas.map((p) => p.Concepto)).toEqual([expect.stringMatching(/^Factura /), expect.stringMatching(/^Cobro /)]);
    // The invoice's and the payment's póliza both relate the stamped CFDI, with the receptor's RFC and the CFDI's total.
    const cfdi = { UUID_CFDI: uuidOf(1).toUpperCase(), RFC: 'XOJI740919U48', MontoTotal: '580.00' };
    expect(elements(file.xml, 'PLZ:CompNal')).toEqual([cfdi, cfdi]);
    const transactions = elements(file.xml, 'PLZ:Transaccion');
    expect(transactions[0]).toMatchObject({ NumCta: '1103', DesCta: 'Clientes', Debe: '580.00', Haber: '0.00' });
    const debits = transactions.reduce((s, t) => s + Math.round(Number(t.Debe) * 100), 0);
    const credits = transactions.reduce((s, t) => s + Math.round(Number(t.Haber) * 100), 0);
    expect(debits).toBe(credits);
  });

  it('zips each file alone under its own name, as the SAT takes them', async () => {
    const file = await books.sat.catalogo(accountant.actor, { year: 2026, month: 3 });
    const dir = mkdtempSync(join(tmpdir(), 'sat-'));
    writeFileSync(join(dir, `${file.name}.zip`), books.sat.zip(file));
    expect(execFileSync('unzip', ['-Z1', join(dir, `${file.name}.zip`)], { encoding: 'utf8' }).trim()).toBe('EKU9003173C9202603CT.xml');
    expect(execFileSync('unzip', ['-p', join(dir, `${file.name}.zip`)], { encoding: 'utf8' })).toBe(file.xml);
  });

  it('is for bookkeepers only', async () => {
    await expect(books.sat.catalogo(desk.actor, { year: 2026, month: 3 })).rejects.toMatchObject({ statusCode: 403 });
  });
});
