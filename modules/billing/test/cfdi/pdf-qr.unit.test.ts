import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildIngreso, buildPago, qrTotal, readCfdi, renderCfdiPdf, satVerificationUrl, sealCfdi } from '../../src/cfdi';
import { fakeStamp, ISSUER, ingreso, kitFile, SAT_TEST_UUID, testCsd } from './fixtures';

const winAnsi = new TextDecoder('windows-1252');

/** The text pdfkit wrote (uncompressed streams; standard fonts write WinAnsi hex strings in TJ arrays). */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of source.matchAll(/\[((?:<[0-9a-f]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
    lines.push([...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => winAnsi.decode(Buffer.from(h[1]!, 'hex'))).join(''));
  }
  return lines.join('\n');
}

const imageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;

const csd = testCsd();
const sealed = sealCfdi(buildIngreso(ingreso()).xml, csd);

/** A 1×1 PNG, written by hand so the test needs no image library. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 15, 118, 110]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('satVerificationUrl', () => {
  it.each([
    ['522.00', '522.0'],
    ['1000', '1000.0'],
    ['3327.01', '3327.01'],
    ['0.5', '0.5'],
    ['12345.678900', '12345.6789'],
  ])('writes total %s as tt=%s', (total, tt) => {
    expect(qrTotal(total)).toBe(tt);
  });

  it('builds the SAT URL with the last 8 characters of the Sello', () => {
    const sello = 'abc123XYZ/+=ENDS8CHRS';
    expect(satVerificationUrl({ uuid: SAT_TEST_UUID.toLowerCase(), issuerRfc: 'EKU9003173C9', receiverRfc: 'A&C010101AB1', total: '1160.00', sello })).toBe(
      `https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=${SAT_TEST_UUID}&re=EKU9003173C9&rr=A&amp;C010101AB1&tt=1160.0&fe=NDS8CHRS`,
    );
  });

  it('matches the SAT example', () => {
    const view = readCfdi(kitFile('examples/cfdi40-valid.xml').toString('utf8'));
    expect(
      satVerificationUrl({ uuid: view.timbre!.uuid, issuerRfc: view.emisor.rfc, receiverRfc: view.receptor.rfc, total: view.total, sello: view.sello! }),
    ).toBe(
      'https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx?id=6F35D3B5-3651-5370-BC2C-14CDBE384CD7&re=EKU9003173C9&rr=MCI7306249Y1&tt=3327.01&fe=KklI5Q==',
    );
  });
});

describe('renderCfdiPdf', () => {
  it('prints a stamped CFDI with its UUID, seals, certificates, TFD cadena and the QR', async () => {
    const stamped = fakeStamp(sealed);
    const pdf = await renderCfdiPdf({ xml: stamped, clinicName: 'Clínica Pet-Friendly', logo: tinyPng(), locale: 'es', compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    const view = readCfdi(stamped);
    expect(text).toContain(SAT_TEST_UUID);
    expect(text).toContain('XÓCHITL CASAS CHÁVEZ');
    expect(text).toContain('Consulta médica de Ñoño');
    expect(text).toContain('612 - Personas Físicas con Actividades Empresariales y');
    expect(text).toContain('G03 - Gastos en general');
    expect(text).toContain('04 - Tarjeta de crédito');
    expect(text).toContain('PUE - Pago en una sola exhibición');
    expect(text).toContain('$522.00');
    expect(text).toContain('30001000000500003416 · 30001000000500003456');
    expect(text).toContain('||1.1|5FB2822E-396D-4725-8521-CDC4BDD20CCF|2025-03-14T10:31:05|SPR190613I52|');
    expect(text.replace(/\n/g, '')).toContain(view.sello);
    expect(text).not.toContain('SIN TIMBRAR');
    const withoutLogo = await renderCfdiPdf({ xml: stamped, clinicName: 'Clínica Pet-Friendly', locale: 'es', compress: false });
    expect(imageCount(withoutLogo)).toBeGreaterThan(0); // the QR (with its alpha mask)
    expect(imageCount(pdf)).toBe(imageCount(withoutLogo) + 1);
  });

  it('marks an unstamped CFDI "SIN TIMBRAR" and prints no QR', async () => {
    const pdf = await renderCfdiPdf({ xml: sealed, clinicName: 'Clínica Pet-Friendly', locale: 'es', compress: false });
    const text = pdfText(pdf);
    expect(text).toContain('SIN TIMBRAR — sin validez fiscal');
    expect(text).not.toContain('Folio fiscal (UUID)');
    expect(imageCount(pdf)).toBe(0);
  });

  it('prints a payment receipt with its documents, in English on request', async () => {
    const pago = buildPago({
      folio: '7',
      fecha: '2025-03-20T12:00:00',
      issuer: ISSUER,
      receiver: { rfc: 'FUNK671228PH6', name: 'KARLA FUENTE NOLASCO', regimenFiscal: '626', domicilioFiscal: '01160' },
      payment: { fechaPago: '2025-03-20T11:45:00', formaDePago: '03' },
      documents: [
        {
          uuid: SAT_TEST_UUID,
          serie: 'A',
          folio: '101',
          numParcialidad: 2,
          saldoAnterior: '300.00',
          importePagado: '100.00',
          invoiceTotal: '522.00',
          invoiceTraslados: [{ impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000', base: '450.00', importe: '72.00' }],
        },
      ],
    });
    const pdf = await renderCfdiPdf({
      xml: fakeStamp(sealCfdi(pago.xml, csd), '11C9536F-6BD0-4C32-9337-F8A73A15B775'),
      clinicName: 'Pet-Friendly',
      locale: 'en',
      compress: false,
    });
    const text = pdfText(pdf);
    expect(text).toContain('Payment receipt');
    expect(text).toContain(`${SAT_TEST_UUID} (A 101)`);
    expect(text).toContain('$200.00');
    expect(text).toContain('11C9536F-6BD0-4C32-9337-F8A73A15B775');
  });

  it('compresses by default and renders the SAT example', async () => {
    const pdf = await renderCfdiPdf({ xml: kitFile('examples/cfdi40-valid.xml').toString('utf8'), clinicName: 'Kemper', locale: 'es' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/FlateDecode');
  });

  it('renders a long invoice over several pages', async () => {
    const concepts = Array.from({ length: 60 }, (_, i) => ({
      ...ingreso().concepts[0]!,
      descripcion: `Aplicación de vacuna nº ${i + 1} — refuerzo anual`,
      valorUnitario: '99.90',
    }));
    const xml = fakeStamp(sealCfdi(buildIngreso(ingreso({ concepts })).xml, csd));
    const pdf = await renderCfdiPdf({ xml, clinicName: 'Pet-Friendly', locale: 'es', compress: false });
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Aplicación de vacuna nº 60 — refuerzo anual');
    expect(text).toContain('$6,953.04'); // 60 × 99.90 × 1.16
  });
});
