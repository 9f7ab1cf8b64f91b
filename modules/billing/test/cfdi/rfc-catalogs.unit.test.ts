import { describe, expect, it } from 'vitest';
import {
  buildIngreso,
  CLAVES_UNIDAD,
  FORMAS_PAGO,
  loadCsd,
  MOTIVOS_CANCELACION,
  OBJETOS_IMPUESTO,
  REGIMENES_FISCALES,
  regimenAllowedFor,
  rfcCheckDigit,
  usoCfdiAllowed,
  VET_CLAVES_PROD_SERV,
  validateRfc,
} from '../../src/cfdi';
import { ingreso, kitFile, testCsd } from './fixtures';

describe('validateRfc', () => {
  it.each([
    { rfc: 'EKU9003173C9', persona: 'moral' },
    { rfc: 'URE180429TM6', persona: 'moral' },
    { rfc: 'IIA040805DZ4', persona: 'moral' },
    { rfc: 'CACX7605101P8', persona: 'fisica' },
    { rfc: 'FUNK671228PH6', persona: 'fisica' },
    { rfc: 'MISC491214B86', persona: 'fisica' },
    { rfc: ' cacx7605101p8 ', persona: 'fisica' },
  ])('$rfc is a valid persona $persona RFC', ({ rfc, persona }) => {
    expect(validateRfc(rfc)).toEqual({ valid: true, rfc: rfc.trim().toUpperCase(), persona, generic: null });
  });

  it.each([
    { rfc: 'XAXX010101000', generic: 'nacional' },
    { rfc: 'XEXX010101000', generic: 'extranjero' },
  ])('$rfc is the generic RFC ($generic)', ({ rfc, generic }) => {
    expect(validateRfc(rfc)).toMatchObject({ valid: true, generic });
  });

  it.each([
    { rfc: 'EKU9003173C8', code: 'check_digit', reason: 'The check digit is wrong: it should be 9, not 8.' },
    { rfc: 'CACX7605101P9', code: 'check_digit', reason: 'The check digit is wrong: it should be 8, not 9.' },
    // Issued by the SAT and stamped in its own example, yet off by the algorithm: a warning, not a refusal.
    { rfc: 'MCI7306249Y1', code: 'check_digit', reason: 'The check digit is wrong: it should be 6, not 1.' },
    { rfc: 'EKU9002303C9', code: 'date', reason: 'The date 900230 (YYMMDD) in the RFC does not exist.' },
    { rfc: 'CACX7613101P8', code: 'date', reason: 'The date 761310 (YYMMDD) in the RFC does not exist.' },
    { rfc: 'EKU900317', code: 'length', reason: 'An RFC has 12 characters (persona moral) or 13 (persona física); this one has 9.' },
    { rfc: 'EK19003173C9', code: 'format', reason: 'A persona moral RFC is 3 letters, a date YYMMDD and a 3-character homoclave.' },
    { rfc: 'CACXX605101P8', code: 'format', reason: 'A persona física RFC is 4 letters, a date YYMMDD and a 3-character homoclave.' },
  ])('$rfc is refused ($code)', ({ rfc, code, reason }) => {
    expect(validateRfc(rfc)).toEqual({ valid: false, rfc, code, reason });
  });

  it('accepts 29 February only in leap years (either century)', () => {
    const feb29 = 'GODE000229HJ';
    expect(validateRfc(`${feb29}${rfcCheckDigit(feb29)}`)).toMatchObject({ valid: true });
    const notLeap = 'GODE010229HJ';
    expect(validateRfc(`${notLeap}${rfcCheckDigit(notLeap)}`)).toMatchObject({ valid: false, code: 'date' });
  });
});

describe('catalogs', () => {
  it('knows which persona may use each régimen', () => {
    expect(regimenAllowedFor('601', 'moral')).toBe(true);
    expect(regimenAllowedFor('601', 'fisica')).toBe(false);
    expect(regimenAllowedFor('612', 'fisica')).toBe(true);
    expect(regimenAllowedFor('626', 'moral')).toBe(true);
    expect(regimenAllowedFor('999', 'moral')).toBe(false);
    expect(REGIMENES_FISCALES.find((r) => r.clave === '616')).toMatchObject({ descripcion: 'Sin obligaciones fiscales', fisica: true, moral: false });
  });

  it.each([
    { uso: 'G03', regimen: '601', persona: undefined, allowed: true },
    { uso: 'G03', regimen: '616', persona: undefined, allowed: false },
    { uso: 'S01', regimen: '616', persona: undefined, allowed: true },
    { uso: 'D01', regimen: '612', persona: 'fisica', allowed: true },
    { uso: 'D01', regimen: '612', persona: 'moral', allowed: false },
    { uso: 'D01', regimen: '601', persona: undefined, allowed: false },
    { uso: 'CP01', regimen: '626', persona: undefined, allowed: true },
    { uso: 'X99', regimen: '601', persona: undefined, allowed: false },
  ] as const)('UsoCFDI $uso with régimen $regimen ($persona): $allowed', ({ uso, regimen, persona, allowed }) => {
    expect(usoCfdiAllowed(uso, regimen, persona)).toBe(allowed);
  });

  it('carries the keys a clinic uses', () => {
    expect(FORMAS_PAGO.map((f) => f.clave)).toEqual(expect.arrayContaining(['01', '03', '04', '28', '99']));
    expect(OBJETOS_IMPUESTO.slice(0, 3).map((o) => o.clave)).toEqual(['01', '02', '03']);
    expect(MOTIVOS_CANCELACION.map((m) => m.clave)).toEqual(['01', '02', '03', '04']);
    expect(CLAVES_UNIDAD.find((u) => u.clave === 'E48')?.nombre).toBe('Unidad de servicio');
    expect(CLAVES_UNIDAD.find((u) => u.clave === 'H87')?.nombre).toBe('Pieza');
    expect(CLAVES_UNIDAD.find((u) => u.clave === 'KGM')?.nombre).toBe('Kilogramo');
    expect(VET_CLAVES_PROD_SERV.VETERINARY_SERVICES).toEqual({ clave: '70122000', descripcion: 'Salud animal' });
    expect(VET_CLAVES_PROD_SERV.PET_FOOD.descripcion).toBe('Alimento para perros y gatos');
    for (const { clave } of Object.values(VET_CLAVES_PROD_SERV)) expect(clave).toMatch(/^\d{8}$/);
  });
});

describe('CSD', () => {
  it('reads RFC, NoCertificado, certificate and validity from the SAT test CSD', () => {
    const csd = testCsd();
    expect(csd).toMatchObject({
      rfc: 'EKU9003173C9',
      noCertificado: '30001000000500003416',
      validFrom: '2023-05-18T11:43:51.000Z',
      validTo: '2027-05-18T11:43:51.000Z',
    });
    expect(csd.certificateBase64).toBe(kitFile('csd/EKU9003173C9.cer').toString('base64'));
  });

  it('refuses a wrong password and a .cer that is not a certificate', () => {
    const good = { cer: kitFile('csd/EKU9003173C9.cer'), key: kitFile('csd/EKU9003173C9.key') };
    expect(() => loadCsd({ ...good, password: 'wrong' })).toThrow(expect.objectContaining({ code: 'billing.csd_bad_password' }));
    expect(() => loadCsd({ ...good, cer: Buffer.from('nope'), password: 'x' })).toThrow(expect.objectContaining({ code: 'billing.csd_invalid' }));
  });

  it('refuses a key that is not the certificate’s', () => {
    const satCert = kitFile('csd/sat-tfd-certs/30001000000500003456.cer');
    const password = kitFile('csd/EKU9003173C9.password.txt').toString('utf8').trim();
    expect(() => loadCsd({ cer: satCert, key: kitFile('csd/EKU9003173C9.key'), password })).toThrow(expect.objectContaining({ code: 'billing.csd_mismatch' }));
  });
});

describe('buildIngreso input checks', () => {
  it('names every bad field at once', () => {
    let error: unknown;
    try {
      buildIngreso(
        ingreso({
          fecha: '14/03/2025',
          formaPago: '04',
          metodoPago: 'PPD',
          receiver: { rfc: 'CACX7605101P8', name: 'XÓCHITL | CASAS', regimenFiscal: '601', domicilioFiscal: '1074', usoCfdi: 'D01' },
          concepts: [
            {
              claveProdServ: '7012200',
              cantidad: '0',
              claveUnidad: 'E48',
              descripcion: ' ',
              valorUnitario: '1.1234567',
              tax: { kind: 'tasa', rate: '0.160000' },
            },
            {
              claveProdServ: '70122000',
              cantidad: '1',
              claveUnidad: 'E48',
              descripcion: 'Regalo',
              valorUnitario: '100',
              descuento: '100',
              tax: { kind: 'tasa', rate: '0.160000' },
            },
          ],
        }),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'billing.cfdi_invalid_input', statusCode: 422 });
    const fields = (error as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'fecha',
        'formaPago',
        'receiver.name',
        'receiver.regimenFiscal',
        'receiver.domicilioFiscal',
        'receiver.usoCfdi',
        'concepts.0.claveProdServ',
        'concepts.0.descripcion',
        'concepts.0.cantidad',
        'concepts.0.valorUnitario',
        'concepts.1.descuento',
      ]),
    );
  });

  it('requires InformacionGlobal for PUBLICO EN GENERAL and the generic receiver for InformacionGlobal', () => {
    expect(() =>
      buildIngreso(ingreso({ receiver: { rfc: 'XAXX010101000', name: 'PUBLICO EN GENERAL', regimenFiscal: '616', domicilioFiscal: '86000', usoCfdi: 'S01' } })),
    ).toThrow(/informacionGlobal: is required/);
    expect(() => buildIngreso(ingreso({ informacionGlobal: { periodicidad: '04', meses: '03', anio: '2025' } }))).toThrow(/informacionGlobal: is only for/);
  });
});
