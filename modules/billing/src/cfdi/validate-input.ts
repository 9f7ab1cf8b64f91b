import { type FieldIssue, money, ValidationError } from '@petfriendly/core';
import { FORMAS_PAGO, MESES, PERIODICIDADES, personaOfRfc, regimenAllowedFor, TIPOS_RELACION, usoCfdiAllowed } from './catalogs';
import { RFC_PUBLICO_EN_GENERAL, validateRfc } from './rfc';
import type { CfdiConcept, CfdiIngresoInput, CfdiIssuer, CfdiPagoInput, CfdiParty } from './types';

const DECIMAL6 = /^\d{1,18}(\.\d{1,6})?$/;
const DECIMAL2 = /^\d{1,18}(\.\d{1,2})?$/;
const FECHA = /^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const CP = /^\d{5}$/;
const UUID = /^[a-f0-9A-F]{8}-[a-f0-9A-F]{4}-[a-f0-9A-F]{4}-[a-f0-9A-F]{4}-[a-f0-9A-F]{12}$/;
const CLAVE_PROD_SERV = /^\d{8}$/;
export const PUBLICO_EN_GENERAL = 'PUBLICO EN GENERAL';

/** Trims and collapses inner whitespace, as the SAT's schema (whiteSpace collapse) reads text. */
export function cleanText(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

class Issues {
  readonly list: FieldIssue[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message, key: 'billing.cfdi_invalid_input' });
  }
  text(field: string, value: string | undefined, max: number, required = true): void {
    const v = value === undefined ? undefined : cleanText(value);
    if (!v) {
      if (required) this.add(field, 'is required');
      return;
    }
    if (v.length > max) this.add(field, `must be at most ${max} characters`);
    if (v.includes('|')) this.add(field, 'must not contain "|"');
  }
  decimal(field: string, value: string | undefined, options: { positive?: boolean; cents?: boolean } = {}): boolean {
    if (value === undefined || !(options.cents ? DECIMAL2 : DECIMAL6).test(value.trim())) {
      this.add(field, `must be a decimal number with at most ${options.cents ? 2 : 6} decimals`);
      return false;
    }
    if (options.positive && money(value).lte(0)) {
      this.add(field, 'must be more than 0');
      return false;
    }
    return true;
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const summary = this.list.map((i) => `${i.field}: ${i.message}`).join('; ');
    throw new ValidationError('billing.cfdi_invalid_input', `The CFDI cannot be built. ${summary}`, this.list);
  }
}

function checkRfc(issues: Issues, field: string, rfc: string): boolean {
  const check = validateRfc(rfc);
  // A wrong check digit alone is not refused: the SAT has issued such RFCs (see RfcCheck).
  if (!check.valid && check.code !== 'check_digit') {
    issues.add(field, check.reason);
    return false;
  }
  return true;
}

function checkParty(issues: Issues, prefix: string, party: CfdiParty): void {
  const rfcOk = checkRfc(issues, `${prefix}.rfc`, party.rfc);
  issues.text(`${prefix}.name`, party.name, 300);
  if (rfcOk && !regimenAllowedFor(party.regimenFiscal, personaOfRfc(party.rfc))) {
    issues.add(
      `${prefix}.regimenFiscal`,
      `${party.regimenFiscal} is not a régimen fiscal of a persona ${personaOfRfc(party.rfc) === 'moral' ? 'moral' : 'física'}`,
    );
  }
}

function checkIssuer(issues: Issues, issuer: CfdiIssuer): void {
  checkParty(issues, 'issuer', issuer);
  if (!CP.test(issuer.lugarExpedicion ?? '')) issues.add('issuer.lugarExpedicion', 'must be a 5-digit postal code');
}

function checkCommon(issues: Issues, input: { folio: string; serie?: string; fecha: string }): void {
  issues.text('serie', input.serie, 25, false);
  issues.text('folio', input.folio, 40);
  if (!FECHA.test(input.fecha ?? '')) issues.add('fecha', 'must be clinic-local YYYY-MM-DDTHH:mm:ss');
}

function checkConcept(issues: Issues, c: CfdiConcept, i: number): void {
  const f = (name: string) => `concepts.${i}.${name}`;
  if (!CLAVE_PROD_SERV.test(c.claveProdServ ?? '')) issues.add(f('claveProdServ'), 'must be 8 digits (c_ClaveProdServ)');
  issues.text(f('noIdentificacion'), c.noIdentificacion, 100, false);
  issues.text(f('claveUnidad'), c.claveUnidad, 3);
  issues.text(f('unidad'), c.unidad, 20, false);
  issues.text(f('descripcion'), c.descripcion, 1000);
  const qty = issues.decimal(f('cantidad'), c.cantidad, { positive: true });
  const price = issues.decimal(f('valorUnitario'), c.valorUnitario);
  const discount = c.descuento === undefined || issues.decimal(f('descuento'), c.descuento);
  if (qty && price && discount) {
    const importe = money(c.cantidad).times(c.valorUnitario).toDecimalPlaces(6);
    const base = importe.minus(c.descuento ?? 0);
    if (base.lt(0)) issues.add(f('descuento'), 'must not be more than cantidad × valorUnitario');
    else if (c.tax.kind !== 'no_objeto' && base.lt('0.000001')) {
      issues.add(f('descuento'), 'leaves no tax base; a line given away whole must be no_objeto or left out');
    }
  }
  const kinds = ['tasa', 'exento', 'no_objeto'];
  if (!kinds.includes(c.tax?.kind)) issues.add(f('tax'), 'must be tasa, exento or no_objeto');
  else if (c.tax.kind === 'tasa' && !['0.160000', '0.080000', '0.000000'].includes(c.tax.rate)) {
    issues.add(f('tax.rate'), 'must be 0.160000, 0.080000 or 0.000000');
  }
}

export function checkIngresoInput(input: CfdiIngresoInput): void {
  const issues = new Issues();
  checkCommon(issues, input);
  checkIssuer(issues, input.issuer);
  const r = input.receiver;
  checkParty(issues, 'receiver', r);
  if (!CP.test(r.domicilioFiscal ?? '')) issues.add('receiver.domicilioFiscal', 'must be a 5-digit postal code');
  if (!usoCfdiAllowed(r.usoCfdi, r.regimenFiscal, validateRfc(r.rfc).valid ? personaOfRfc(r.rfc) : undefined)) {
    issues.add('receiver.usoCfdi', `${r.usoCfdi} cannot be used by a receiver in régimen ${r.regimenFiscal}`);
  }
  if (!FORMAS_PAGO.some((f) => f.clave === input.formaPago)) issues.add('formaPago', 'is not a c_FormaPago key');
  if (input.metodoPago === 'PPD' && input.formaPago !== '99') issues.add('formaPago', 'must be 99 (por definir) when metodoPago is PPD');
  if (input.metodoPago === 'PUE' && input.formaPago === '99') issues.add('formaPago', 'cannot be 99 when metodoPago is PUE');
  if (input.metodoPago !== 'PUE' && input.metodoPago !== 'PPD') issues.add('metodoPago', 'must be PUE or PPD');
  if ((input.moneda ?? 'MXN') !== 'MXN') issues.add('moneda', 'only MXN is supported');

  const publico = r.rfc === RFC_PUBLICO_EN_GENERAL && cleanText(r.name ?? '').toUpperCase() === PUBLICO_EN_GENERAL;
  if (publico) {
    if (r.usoCfdi !== 'S01') issues.add('receiver.usoCfdi', 'must be S01 for PUBLICO EN GENERAL');
    if (r.regimenFiscal !== '616') issues.add('receiver.regimenFiscal', 'must be 616 for PUBLICO EN GENERAL');
    if (r.domicilioFiscal !== input.issuer.lugarExpedicion)
      issues.add('receiver.domicilioFiscal', 'must equal the issuer’s lugarExpedicion for PUBLICO EN GENERAL');
    if (!input.informacionGlobal) issues.add('informacionGlobal', 'is required for a factura global to PUBLICO EN GENERAL');
  }
  const g = input.informacionGlobal;
  if (g) {
    if (!publico) issues.add('informacionGlobal', 'is only for a receiver XAXX010101000 named PUBLICO EN GENERAL');
    if (!PERIODICIDADES.some((p) => p.clave === g.periodicidad)) issues.add('informacionGlobal.periodicidad', 'is not a c_Periodicidad key (01–05)');
    if (!MESES.some((m) => m.clave === g.meses)) issues.add('informacionGlobal.meses', 'is not a c_Meses key (01–18)');
    else if (Number(g.meses) > 12 !== (g.periodicidad === '05'))
      issues.add('informacionGlobal.meses', 'months 13–18 go with periodicidad 05 (bimestral) and only with it');
    if (!/^20\d\d$/.test(g.anio ?? '')) issues.add('informacionGlobal.anio', 'must be a four-digit year');
  }
  if (input.relacionados) {
    if (!TIPOS_RELACION.some((t) => t.clave === input.relacionados!.tipoRelacion)) issues.add('relacionados.tipoRelacion', 'is not a c_TipoRelacion key');
    if (input.relacionados.uuids.length === 0) issues.add('relacionados.uuids', 'needs at least one UUID');
    for (const [i, u] of input.relacionados.uuids.entries()) if (!UUID.test(u)) issues.add(`relacionados.uuids.${i}`, 'is not a UUID');
  }
  if (!input.concepts?.length) issues.add('concepts', 'needs at least one concept');
  for (const [i, c] of (input.concepts ?? []).entries()) checkConcept(issues, c, i);
  issues.throwIfAny();
}

export function checkPagoInput(input: CfdiPagoInput): void {
  const issues = new Issues();
  checkCommon(issues, input);
  checkIssuer(issues, input.issuer);
  checkParty(issues, 'receiver', input.receiver);
  if (!CP.test(input.receiver.domicilioFiscal ?? '')) issues.add('receiver.domicilioFiscal', 'must be a 5-digit postal code');
  if (!FECHA.test(input.payment.fechaPago ?? '')) issues.add('payment.fechaPago', 'must be YYYY-MM-DDTHH:mm:ss');
  if (!FORMAS_PAGO.some((f) => f.clave === input.payment.formaDePago) || input.payment.formaDePago === '99') {
    issues.add('payment.formaDePago', 'must be a c_FormaPago key other than 99');
  }
  if (input.payment.monto !== undefined) issues.decimal('payment.monto', input.payment.monto, { positive: true, cents: true });
  issues.text('payment.numOperacion', input.payment.numOperacion, 100, false);
  if (!input.documents?.length) issues.add('documents', 'needs at least one paid document');
  input.documents?.forEach((d, i) => {
    const f = (name: string) => `documents.${i}.${name}`;
    if (!UUID.test(d.uuid ?? '')) issues.add(f('uuid'), 'is not a UUID');
    if (!Number.isInteger(d.numParcialidad) || d.numParcialidad < 1) issues.add(f('numParcialidad'), 'must be 1, 2, 3…');
    const ok = [
      issues.decimal(f('saldoAnterior'), d.saldoAnterior, { positive: true, cents: true }),
      issues.decimal(f('importePagado'), d.importePagado, { positive: true, cents: true }),
      issues.decimal(f('invoiceTotal'), d.invoiceTotal, { positive: true, cents: true }),
    ].every(Boolean);
    if (ok && money(d.importePagado).gt(d.saldoAnterior)) issues.add(f('importePagado'), 'must not be more than saldoAnterior');
    if (ok && money(d.saldoAnterior).gt(d.invoiceTotal)) issues.add(f('saldoAnterior'), 'must not be more than invoiceTotal');
  });
  const paid = (input.documents ?? []).reduce((a, d) => (DECIMAL2.test(d.importePagado ?? '') ? a.plus(d.importePagado) : a), money(0));
  if (input.payment.monto !== undefined && DECIMAL2.test(input.payment.monto) && money(input.payment.monto).lt(paid)) {
    issues.add('payment.monto', 'must cover the sum of the documents’ importePagado');
  }
  issues.throwIfAny();
}
