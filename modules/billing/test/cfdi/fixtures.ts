import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CfdiIngresoInput, type CfdiIssuer, loadCsd } from '../../src/cfdi';

/** The SAT kit beside the repo (dev and CI only; the app never reads it). */
export const KIT = process.env.CFDI_KIT ?? fileURLToPath(new URL('../../../../../shared/cfdi/', import.meta.url));
export const kitFile = (path: string) => readFileSync(`${KIT.replace(/\/$/, '')}/${path}`);

export const testCsd = () =>
  loadCsd({
    cer: kitFile('csd/EKU9003173C9.cer'),
    key: kitFile('csd/EKU9003173C9.key'),
    password: kitFile('csd/EKU9003173C9.password.txt').toString('utf8').trim(),
  });

export const ISSUER: CfdiIssuer = { rfc: 'EKU9003173C9', name: 'ESCUELA KEMPER URGATE', regimenFiscal: '601', lugarExpedicion: '86000' };

export function ingreso(overrides: Partial<CfdiIngresoInput> = {}): CfdiIngresoInput {
  return {
    serie: 'A',
    folio: '101',
    fecha: '2025-03-14T10:30:00',
    formaPago: '04',
    metodoPago: 'PUE',
    issuer: ISSUER,
    receiver: { rfc: 'CACX7605101P8', name: 'XÓCHITL CASAS CHÁVEZ', regimenFiscal: '612', domicilioFiscal: '10740', usoCfdi: 'G03' },
    concepts: [
      {
        claveProdServ: '70122000',
        noIdentificacion: 'CONS-01',
        cantidad: '1',
        claveUnidad: 'E48',
        unidad: 'Servicio',
        descripcion: 'Consulta médica de Ñoño (perro, 4 años)',
        valorUnitario: '450.00',
        tax: { kind: 'tasa', rate: '0.160000' },
      },
    ],
    ...overrides,
  };
}

export const SAT_TEST_UUID = '5FB2822E-396D-4725-8521-CDC4BDD20CCF';

/** What a PAC adds: a TimbreFiscalDigital over the CFDI's Sello (the SAT seal here is a placeholder). */
export function fakeStamp(sealedXml: string, uuid = SAT_TEST_UUID): string {
  const sello = /\sSello="([^"]+)"/.exec(sealedXml)?.[1] ?? '';
  const tfd =
    '<tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" ' +
    'xsi:schemaLocation="http://www.sat.gob.mx/TimbreFiscalDigital http://www.sat.gob.mx/sitio_internet/cfd/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd" ' +
    `Version="1.1" UUID="${uuid}" FechaTimbrado="2025-03-14T10:31:05" RfcProvCertif="SPR190613I52" SelloCFD="${sello}" ` +
    `NoCertificadoSAT="30001000000500003456" SelloSAT="${Buffer.alloc(256, 7).toString('base64')}"/>`;
  return sealedXml.includes('</cfdi:Complemento>')
    ? sealedXml.replace('</cfdi:Complemento>', `${tfd}</cfdi:Complemento>`)
    : sealedXml.replace('</cfdi:Comprobante>', `<cfdi:Complemento>${tfd}</cfdi:Complemento></cfdi:Comprobante>`);
}
