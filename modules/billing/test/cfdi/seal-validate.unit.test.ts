import { createPublicKey, verify, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type BuiltCfdi, buildIngreso, buildPago, cadenaOriginal, publicoEnGeneral, readCfdi, sealCfdi, validateCfdi, verifySello } from '../../src/cfdi';
import { ISSUER, ingreso, kitFile, testCsd } from './fixtures';

const csd = testCsd();

/** Checks a Sello with node:crypto and the .cer.pem from the kit, not with the library's own code. */
function independentlyVerified(xml: string): boolean {
  const sello = /\sSello="([^"]+)"/.exec(xml)![1]!;
  const publicKey = createPublicKey(new X509Certificate(kitFile('csd/EKU9003173C9.cer.pem')).publicKey.export({ type: 'spki', format: 'pem' }));
  return verify('sha256', Buffer.from(cadenaOriginal(xml), 'utf8'), publicKey, Buffer.from(sello, 'base64'));
}

const cases: { name: string; build: () => BuiltCfdi | { xml: string } }[] = [
  {
    name: 'a consultation at 16 % with accents and ñ',
    build: () => buildIngreso(ingreso()),
  },
  {
    name: 'mixed 16 %, 0 %, exempt and not-subject lines, discounts and 1.5 units',
    build: () =>
      buildIngreso(
        ingreso({
          folio: '102',
          receiver: { rfc: 'URE180429TM6', name: 'UNIVERSIDAD ROBOTICA ESPAÑOLA', regimenFiscal: '601', domicilioFiscal: '65000', usoCfdi: 'G03' },
          concepts: [
            {
              claveProdServ: '70122000',
              cantidad: '1',
              claveUnidad: 'E48',
              unidad: 'Servicio',
              descripcion: 'Cirugía de esterilización — anestesia incluida',
              valorUnitario: '2500',
              descuento: '250',
              tax: { kind: 'tasa', rate: '0.160000' },
            },
            {
              claveProdServ: '10121800',
              noIdentificacion: 'CROQ-15',
              cantidad: '1.5',
              claveUnidad: 'KGM',
              unidad: 'Kilogramo',
              descripcion: 'Croquetas para cachorro (a granel)',
              valorUnitario: '189.90',
              tax: { kind: 'tasa', rate: '0.000000' },
            },
            {
              claveProdServ: '51102500',
              cantidad: '3',
              claveUnidad: 'H87',
              descripcion: 'Desparasitante oral, tableta',
              valorUnitario: '33.333333',
              descuento: '0.5',
              tax: { kind: 'tasa', rate: '0.160000' },
            },
            {
              claveProdServ: '70122000',
              cantidad: '1',
              claveUnidad: 'E48',
              descripcion: 'Certificado de salud para viaje',
              valorUnitario: '300',
              tax: { kind: 'exento' },
            },
            {
              claveProdServ: '84111506',
              cantidad: '1',
              claveUnidad: 'E48',
              descripcion: 'Donativo al refugio',
              valorUnitario: '50',
              tax: { kind: 'no_objeto' },
            },
          ],
        }),
      ),
  },
  {
    name: 'a factura global to PUBLICO EN GENERAL with InformacionGlobal',
    build: () =>
      buildIngreso(
        ingreso({
          folio: 'G-2025-03',
          formaPago: '01',
          receiver: publicoEnGeneral(ISSUER.lugarExpedicion),
          informacionGlobal: { periodicidad: '04', meses: '03', anio: '2025' },
          concepts: [
            {
              claveProdServ: '10111300',
              cantidad: '4',
              claveUnidad: 'H87',
              descripcion: 'Ventas de mostrador: collares y correas',
              valorUnitario: '149.50',
              tax: { kind: 'tasa', rate: '0.160000' },
            },
            {
              claveProdServ: '10121800',
              cantidad: '2',
              claveUnidad: 'XPK',
              descripcion: 'Ventas de mostrador: alimento húmedo',
              valorUnitario: '42.25',
              tax: { kind: 'tasa', rate: '0.000000' },
            },
          ],
        }),
      ),
  },
  {
    name: 'a PPD invoice replacing another (CfdiRelacionados 04), persona física receiver',
    build: () =>
      buildIngreso(
        ingreso({
          folio: '103',
          formaPago: '99',
          metodoPago: 'PPD',
          receiver: { rfc: 'FUNK671228PH6', name: 'KARLA FUENTE NOLASCO', regimenFiscal: '626', domicilioFiscal: '01160', usoCfdi: 'G03' },
          relacionados: { tipoRelacion: '04', uuids: ['6f35d3b5-3651-5370-bc2c-14cdbe384cd7'] },
        }),
      ),
  },
  {
    name: 'a Pagos 2.0 receipt for two invoices, one of them partly exempt',
    build: () =>
      buildPago({
        serie: 'P',
        folio: '7',
        fecha: '2025-03-20T12:00:00',
        issuer: ISSUER,
        receiver: { rfc: 'FUNK671228PH6', name: 'KARLA FUENTE NOLASCO', regimenFiscal: '626', domicilioFiscal: '01160' },
        payment: { fechaPago: '2025-03-20T11:45:00', formaDePago: '03', numOperacion: 'SPEI 0001' },
        documents: [
          {
            uuid: '6F35D3B5-3651-5370-BC2C-14CDBE384CD7',
            serie: 'A',
            folio: '103',
            numParcialidad: 1,
            saldoAnterior: '522.00',
            importePagado: '261.00',
            invoiceTotal: '522.00',
            invoiceTraslados: [{ impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000', base: '450.00', importe: '72.00' }],
          },
          {
            uuid: '11C9536F-6BD0-4C32-9337-F8A73A15B775',
            numParcialidad: 2,
            saldoAnterior: '416.00',
            importePagado: '416.00',
            invoiceTotal: '716.00',
            invoiceTraslados: [
              { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000', base: '100.00', importe: '16.00' },
              { impuesto: '002', tipoFactor: 'Exento', base: '600.00' },
            ],
          },
        ],
      }),
  },
];

describe('sealed CFDIs validate against the SAT schemas and verify with the certificate', () => {
  it.each(cases)('$name', async ({ build }) => {
    const sealed = sealCfdi(build().xml, csd);
    const xsd = await validateCfdi(sealed);
    expect(xsd.errors).toEqual([]);
    expect(xsd.valid).toBe(true);
    expect(verifySello(sealed)).toMatchObject({ valid: true, noCertificado: '30001000000500003416' });
    expect(independentlyVerified(sealed)).toBe(true);
  });

  it('keeps accents and ñ in the XML and signs them as UTF-8', () => {
    const sealed = sealCfdi(buildIngreso(ingreso()).xml, csd);
    expect(sealed).toContain('Descripcion="Consulta médica de Ñoño (perro, 4 años)"');
    expect(sealed).toContain('Nombre="XÓCHITL CASAS CHÁVEZ"');
    expect(cadenaOriginal(sealed)).toContain('|Consulta médica de Ñoño (perro, 4 años)|');
    // The wrong encoding (Latin-1 bytes) would not verify: the SAT reads UTF-8.
    const sello = /\sSello="([^"]+)"/.exec(sealed)![1]!;
    const cert = new X509Certificate(kitFile('csd/EKU9003173C9.cer'));
    expect(verify('sha256', Buffer.from(cadenaOriginal(sealed), 'latin1'), cert.publicKey, Buffer.from(sello, 'base64'))).toBe(false);
  });

  it('computes the payment complement in proportion to each invoice', () => {
    const { xml, totals } = cases[4]!.build() as ReturnType<typeof buildPago>;
    expect(totals.monto).toBe('677.00');
    expect(totals.documents[0]).toMatchObject({ impSaldoInsoluto: '261.00', traslados: [{ base: '225.000000', importe: '36.000000' }] });
    expect(totals.documents[1]!.traslados).toEqual([
      { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000', base: '58.100559', importe: '9.296089' },
      { impuesto: '002', tipoFactor: 'Exento', base: '348.603352' },
    ]);
    expect(xml).toContain('TotalTrasladosBaseIVA16="283.10"');
    expect(xml).toContain('TotalTrasladosImpuestoIVA16="45.30"');
    expect(xml).toContain('TotalTrasladosBaseIVAExento="348.60"');
    expect(xml).toContain('MontoTotalPagos="677.00"');
    expect(xml).toContain('UsoCFDI="CP01"');
    expect(readCfdi(xml).pagos[0]!.documentos.map((d) => d.numParcialidad)).toEqual(['1', '2']);
  });
});

describe('the SAT example', () => {
  it('cadenaOriginal reproduces the cadena its Sello was made over', () => {
    const xml = kitFile('examples/cfdi40-valid.xml').toString('utf8');
    const cadena = cadenaOriginal(xml);
    expect(cadena.startsWith('||4.0|2025-02-19T08:32:29|01|30001000000500003416|3824.15|956.04|MXN|3327.01|I|01|PUE|86000|EKU9003173C9|')).toBe(true);
    const sello = /\sSello="([^"]+)"/.exec(xml)![1]!;
    const cert = new X509Certificate(kitFile('csd/EKU9003173C9.cer'));
    expect(verify('sha256', Buffer.from(cadena, 'utf8'), cert.publicKey, Buffer.from(sello, 'base64'))).toBe(true);
    expect(verifySello(xml)).toMatchObject({ valid: true });
  });

  it('validates against the schemas, stamp included', async () => {
    expect(await validateCfdi(kitFile('examples/cfdi40-valid.xml').toString('utf8'))).toEqual({ valid: true, errors: [] });
  });
});

describe('tampering and invalid documents', () => {
  it('an amount changed after sealing no longer verifies', () => {
    const sealed = sealCfdi(buildIngreso(ingreso()).xml, csd);
    const tampered = sealed.replace('Total="522.00"', 'Total="52.20"');
    expect(tampered).not.toBe(sealed);
    expect(verifySello(tampered)).toEqual({ valid: false, reason: expect.stringContaining('changed after sealing') });
    expect(independentlyVerified(tampered)).toBe(false);
  });

  it('a concept description changed after sealing no longer verifies', () => {
    const sealed = sealCfdi(buildIngreso(ingreso()).xml, csd);
    expect(verifySello(sealed.replace('Ñoño', 'Nono')).valid).toBe(false);
  });

  it('an unsealed or wrongly certified CFDI is reported, not verified', () => {
    const unsealed = buildIngreso(ingreso()).xml;
    expect(verifySello(unsealed)).toEqual({ valid: false, reason: expect.stringContaining('not sealed') });
    const sealed = sealCfdi(unsealed, csd);
    expect(verifySello(sealed.replace('NoCertificado="30001000000500003416"', 'NoCertificado="30001000000500003417"'))).toEqual({
      valid: false,
      reason: expect.stringContaining('not the embedded certificate'),
    });
  });

  it('gives readable schema errors', async () => {
    const sealed = sealCfdi(buildIngreso(ingreso()).xml, csd);
    const broken = sealed.replace('ClaveUnidad="E48"', 'ClaveUnidad="ZZZ"').replace('Moneda="MXN"', 'Moneda="MXN" Color="azul"');
    const result = await validateCfdi(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => /^line \d+: Element 'cfdi:Concepto', attribute 'ClaveUnidad': .*ZZZ/.test(e))).toBe(true);
    expect(result.errors.some((e) => /Element 'cfdi:Comprobante', attribute 'Color': The attribute 'Color' is not allowed/.test(e))).toBe(true);
  });

  it('checks a draft before sealing, and says the seal is missing otherwise', async () => {
    const draft = buildIngreso(ingreso()).xml;
    expect(await validateCfdi(draft, { draft: true })).toEqual({ valid: true, errors: [] });
    const strict = await validateCfdi(draft);
    expect(strict.valid).toBe(false);
    expect(strict.errors.join('\n')).toMatch(/Sello/);
  });

  it('refuses a CSD that is not the issuer’s', () => {
    const other = buildIngreso(ingreso({ issuer: { ...ISSUER, rfc: 'URE180429TM6', name: 'UNIVERSIDAD ROBOTICA ESPAÑOLA' } })).xml;
    expect(() => sealCfdi(other, csd)).toThrow(expect.objectContaining({ code: 'billing.csd_wrong_rfc' }));
  });
});
