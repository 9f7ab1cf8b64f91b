import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildIngreso, buildPago, FacturamaPac, LocalPac, PacError, publicoEnGeneral, sealCfdi, validateCfdi } from '../../src/cfdi';
import { fakeStamp, ISSUER, ingreso, kitFile, SAT_TEST_UUID, testCsd } from './fixtures';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: Recorded, res: ServerResponse) => void;

const csd = testCsd();
const sealed = sealCfdi(buildIngreso(ingreso()).xml, csd);
const stamped = fakeStamp(sealed);
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};

let server: Server;
let baseUrl: string;
let requests: Recorded[];
let handler: Handler;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const recorded = { method: req.method!, url: req.url!, headers: req.headers, body };
      requests.push(recorded);
      handler(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  requests = [];
  handler = (req, res) => {
    if (req.method === 'POST' && req.url === '/api-lite/3/cfdis') {
      return json(res, 201, {
        Id: 'fac_123',
        Complement: { TaxStamp: { Uuid: SAT_TEST_UUID.toLowerCase(), Date: '2025-03-14T10:31:05', SatCertNumber: '30001000000500003456' } },
      });
    }
    if (req.method === 'GET' && req.url === '/cfdi/xml/issuedLite/fac_123') {
      return json(res, 200, { ContentEncoding: 'base64', ContentType: 'xml', Content: Buffer.from(stamped, 'utf8').toString('base64') });
    }
    json(res, 404, { Message: `No route ${req.method} ${req.url}` });
  };
});

const pac = () => new FacturamaPac({ environment: 'sandbox', user: 'clinica', password: 'sécret:1', baseUrl });

describe('FacturamaPac', () => {
  it('stamps through api-lite with Basic auth and returns the stamped XML, UUID and SAT certificate', async () => {
    const result = await pac().stamp(sealed, { reference: 'INV-101' });
    expect(result).toEqual({
      uuid: SAT_TEST_UUID,
      xml: stamped,
      stampedAt: '2025-03-14T10:31:05',
      satCertificateNumber: '30001000000500003456',
      pacId: 'fac_123',
    });
    expect(await validateCfdi(result.xml)).toEqual({ valid: true, errors: [] });

    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api-lite/3/cfdis', 'GET /cfdi/xml/issuedLite/fac_123']);
    const post = requests[0]!;
    expect(post.headers.authorization).toBe(`Basic ${Buffer.from('clinica:sécret:1', 'utf8').toString('base64')}`);
    expect(post.headers['content-type']).toBe('application/json');
    expect(requests[1]!.headers.authorization).toBe(post.headers.authorization);
    const body = JSON.parse(post.body);
    expect(body).toMatchObject({
      NameId: '1',
      CfdiType: 'I',
      Serie: 'A',
      Folio: '101',
      Date: '2025-03-14T10:30:00',
      Currency: 'MXN',
      PaymentForm: '04',
      PaymentMethod: 'PUE',
      ExpeditionPlace: '86000',
      Exportation: '01',
      OrderNumber: 'INV-101',
      Issuer: { Rfc: 'EKU9003173C9', Name: 'ESCUELA KEMPER URGATE', FiscalRegime: '601' },
      Receiver: { Rfc: 'CACX7605101P8', Name: 'XÓCHITL CASAS CHÁVEZ', CfdiUse: 'G03', FiscalRegime: '612', TaxZipCode: '10740' },
      Items: [
        {
          ProductCode: '70122000',
          IdentificationNumber: 'CONS-01',
          Description: 'Consulta médica de Ñoño (perro, 4 años)',
          Unit: 'Servicio',
          UnitCode: 'E48',
          UnitPrice: '450.00',
          Quantity: '1',
          Subtotal: '450.000000',
          TaxObject: '02',
          Taxes: [{ Name: 'IVA', Rate: '0.16', Base: '450.000000', Total: '72.000000', IsRetention: false, IsFederalTax: true }],
          Total: '522.000000',
        },
      ],
    });
    expect(body).not.toHaveProperty('GlobalInformation');
  });

  it('sends a factura global with GlobalInformation and exempt lines as "IVA Exento"', async () => {
    const global = sealCfdi(
      buildIngreso(
        ingreso({
          formaPago: '01',
          receiver: publicoEnGeneral('86000'),
          informacionGlobal: { periodicidad: '01', meses: '03', anio: '2025' },
          concepts: [
            {
              claveProdServ: '70122000',
              cantidad: '1',
              claveUnidad: 'E48',
              descripcion: 'Certificado',
              valorUnitario: '300',
              descuento: '30',
              tax: { kind: 'exento' },
            },
          ],
        }),
      ).xml,
      csd,
    );
    await pac().stamp(global);
    const body = JSON.parse(requests[0]!.body);
    expect(body.GlobalInformation).toEqual({ Periodicity: '01', Months: '03', Year: '2025' });
    expect(body.Receiver).toEqual({ Rfc: 'XAXX010101000', Name: 'PUBLICO EN GENERAL', CfdiUse: 'S01', FiscalRegime: '616', TaxZipCode: '86000' });
    expect(body.Items[0]).toMatchObject({
      Discount: '30.000000',
      Taxes: [{ Name: 'IVA Exento', Rate: '0', Base: '270.000000', Total: '0' }],
      Total: '270.000000',
    });
  });

  it('sends a payment receipt as a Payments complement', async () => {
    const pago = sealCfdi(
      buildPago({
        folio: '7',
        fecha: '2025-03-20T12:00:00',
        issuer: ISSUER,
        receiver: { rfc: 'FUNK671228PH6', name: 'KARLA FUENTE NOLASCO', regimenFiscal: '626', domicilioFiscal: '01160' },
        payment: { fechaPago: '2025-03-20T11:45:00', formaDePago: '03' },
        documents: [
          {
            uuid: SAT_TEST_UUID,
            numParcialidad: 1,
            saldoAnterior: '522.00',
            importePagado: '522.00',
            invoiceTotal: '522.00',
            invoiceTraslados: [{ impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000', base: '450.00', importe: '72.00' }],
          },
        ],
      }).xml,
      csd,
    );
    await pac().stamp(pago);
    const body = JSON.parse(requests[0]!.body);
    expect(body).toMatchObject({ NameId: '14', CfdiType: 'P', Receiver: { CfdiUse: 'CP01' } });
    expect(body.Complemento.Payments).toEqual([
      {
        Date: '2025-03-20T11:45:00',
        PaymentForm: '03',
        Currency: 'MXN',
        Amount: '522.00',
        RelatedDocuments: [
          {
            Uuid: SAT_TEST_UUID,
            Currency: 'MXN',
            PaymentMethod: 'PPD',
            PartialityNumber: '1',
            PreviousBalanceAmount: '522.00',
            AmountPaid: '522.00',
            ImpSaldoInsoluto: '0.00',
            TaxObject: '02',
            Taxes: [{ Name: 'IVA', Rate: '0.16', Base: '450.000000', Total: '72.000000', IsRetention: false, IsFederalTax: true }],
          },
        ],
      },
    ]);
  });

  it("turns a rejection into a clear error carrying the PAC's message", async () => {
    handler = (_req, res) =>
      json(res, 400, {
        Message: 'La solicitud no es válida.',
        ModelState: { 'Receiver.Rfc': ['CFDI40147 - El RFC del receptor no se encuentra en la lista de RFC inscritos no cancelados del SAT.'] },
      });
    const error = await pac()
      .stamp(sealed)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PacError);
    expect(error).toMatchObject({ code: 'billing.pac_rejected', statusCode: 422, pacStatus: 400, retryable: false });
    expect((error as PacError).message).toBe(
      'Facturama rejected the request: La solicitud no es válida. Receiver.Rfc: CFDI40147 - El RFC del receptor no se encuentra en la lista de RFC inscritos no cancelados del SAT.',
    );
    expect(requests).toHaveLength(1);
  });

  it.each([
    { status: 401, body: 'Authorization has been denied for this request.', code: 'billing.pac_auth_failed', retryable: false },
    { status: 503, body: '<html>Service Unavailable</html>', code: 'billing.pac_unavailable', retryable: true },
  ])('maps HTTP $status to $code', async ({ status, body, code, retryable }) => {
    handler = (_req, res) => {
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      res.end(body);
    };
    await expect(pac().stamp(sealed)).rejects.toMatchObject({ code, retryable, pacStatus: status, pacMessage: body });
  });

  it('reports an unreachable Facturama as retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = new FacturamaPac({ environment: 'production', user: 'u', password: 'p', baseUrl: `http://127.0.0.1:${port}` });
    await expect(offline.stamp(sealed)).rejects.toMatchObject({ code: 'billing.pac_unavailable', retryable: true });
  });

  it('keeps the UUID and Facturama id when the stamped XML cannot be downloaded', async () => {
    const stampOnly = handler;
    handler = (req, res) => (req.method === 'GET' ? json(res, 500, { Message: 'Error interno' }) : stampOnly(req, res));
    const error = await pac()
      .stamp(sealed)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'billing.pac_xml_unavailable', retryable: true, details: { pacId: 'fac_123', uuid: SAT_TEST_UUID.toLowerCase() } });
  });

  it('cancels with the motive, and the replacing UUID for motive 01', async () => {
    handler = (_req, res) =>
      json(res, 200, { Status: 'canceled', Message: 'Cancelado', AcuseXmlBase64: Buffer.from('<Acuse Fecha="2025-03-15"/>').toString('base64') });
    expect(await pac().cancel({ uuid: SAT_TEST_UUID, issuerRfc: 'EKU9003173C9', motive: '02', pacId: 'fac_123' })).toEqual({
      status: 'cancelled',
      acuse: '<Acuse Fecha="2025-03-15"/>',
    });
    const replacement = '6F35D3B5-3651-5370-BC2C-14CDBE384CD7';
    await pac().cancel({ uuid: SAT_TEST_UUID, issuerRfc: 'EKU9003173C9', motive: '01', replacementUuid: replacement, pacId: 'fac_123' });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'DELETE /api-lite/cfdis/fac_123?motive=02',
      `DELETE /api-lite/cfdis/fac_123?motive=01&uuidReplacement=${replacement}`,
    ]);
    expect(requests[0]!.headers.authorization).toMatch(/^Basic /);
  });

  it('reports a cancellation waiting for the receiver as pending, and a refusal as an error', async () => {
    handler = (_req, res) => json(res, 200, { Status: 'pending', Message: 'En proceso' });
    expect(await pac().cancel({ uuid: SAT_TEST_UUID, issuerRfc: 'EKU9003173C9', motive: '03', pacId: 'fac_123' })).toEqual({
      status: 'pending',
      acuse: undefined,
    });
    handler = (_req, res) => json(res, 200, { Status: 'active', Message: 'El receptor rechazó la cancelación' });
    await expect(pac().cancel({ uuid: SAT_TEST_UUID, issuerRfc: 'EKU9003173C9', motive: '03', pacId: 'fac_123' })).rejects.toMatchObject({
      code: 'billing.pac_cancel_refused',
      message: expect.stringContaining('El receptor rechazó la cancelación'),
    });
  });

  it('checks cancel input before calling Facturama', async () => {
    await expect(pac().cancel({ uuid: SAT_TEST_UUID, issuerRfc: 'EKU9003173C9', motive: '02' })).rejects.toMatchObject({ code: 'billing.pac_id_required' });
    await expect(pac().cancel({ uuid: SAT_TEST_UUID, issuerRfc: 'EKU9003173C9', motive: '01', pacId: 'fac_123' })).rejects.toMatchObject({
      code: 'billing.cancel_replacement_required',
    });
    expect(requests).toHaveLength(0);
  });

  it('uploads the CSD Facturama seals with', async () => {
    handler = (_req, res) => json(res, 200, { Rfc: 'EKU9003173C9' });
    const files = { rfc: 'EKU9003173C9', cer: kitFile('csd/EKU9003173C9.cer'), key: kitFile('csd/EKU9003173C9.key'), password: '12345678a' };
    await pac().uploadCsd(files);
    await pac().uploadCsd(files, { replace: true });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /api-lite/csds', 'PUT /api-lite/csds/EKU9003173C9']);
    expect(JSON.parse(requests[0]!.body)).toEqual({
      Rfc: 'EKU9003173C9',
      Certificate: files.cer.toString('base64'),
      PrivateKey: files.key.toString('base64'),
      PrivateKeyPassword: '12345678a',
    });
  });

  it('uses the real hosts by environment', async () => {
    const seen: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      seen.push(String(url));
      throw new Error('offline');
    }) as typeof fetch;
    try {
      await new FacturamaPac({ environment: 'sandbox', user: 'u', password: 'p' }).stamp(sealed).catch(() => undefined);
      await new FacturamaPac({ environment: 'production', user: 'u', password: 'p' }).stamp(sealed).catch(() => undefined);
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual(['https://apisandbox.facturama.mx/api-lite/3/cfdis', 'https://api.facturama.mx/api-lite/3/cfdis']);
  });
});

describe('LocalPac', () => {
  it('does not stamp, says so, and cancels locally', async () => {
    const local = new LocalPac();
    expect(local.stamps).toBe(false);
    await expect(local.stamp()).rejects.toMatchObject({ code: 'billing.cfdi_not_stamped', statusCode: 409 });
    expect(await local.cancel()).toEqual({ status: 'cancelled' });
  });
});
