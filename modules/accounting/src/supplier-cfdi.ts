import { readCfdi } from '@petfriendly/billing';
import { money, ValidationError } from '@petfriendly/core';
import { toCents } from './cents';

/** A bill's amounts in centavos, by rate as the DIOT reports them. */
export interface BillAmounts {
  subtotalCents: number;
  discountCents: number;
  base16Cents: number;
  iva16Cents: number;
  base8Cents: number;
  iva8Cents: number;
  base0Cents: number;
  exemptCents: number;
  ivaWithheldCents: number;
  isrWithheldCents: number;
  totalCents: number;
}

/** What a supplier's CFDI 4.0 says a bill is: who issued it, its UUID, date, number and amounts. */
export interface SupplierCfdi {
  uuid: string;
  emisor: { rfc: string; name: string };
  receptorRfc: string;
  date: string;
  billNumber: string;
  amounts: BillAmounts;
  /** Taxes other than IVA (IEPS, …): not creditable, so part of the cost. */
  otherTaxCents: number;
}

const IVA = '002';
const ISR = '001';

/**
 * Reads a supplier's stamped CFDI (tipo I, pesos) with billing's parser. The bases come from the
 * comprobante's IVA traslados by rate; a base in no traslado (objeto de impuesto 01) counts as exempt.
 */
export function readSupplierCfdi(xml: string): SupplierCfdi {
  let cfdi: ReturnType<typeof readCfdi>;
  try {
    cfdi = readCfdi(xml);
  } catch {
    throw ValidationError.forField('accounting.cfdi_unreadable', 'xml', 'The file is not a CFDI XML.');
  }
  if (!cfdi.timbre?.uuid) throw ValidationError.forField('accounting.cfdi_not_stamped', 'xml', 'The CFDI has no TimbreFiscalDigital (it was never stamped).');
  if (cfdi.tipoDeComprobante !== 'I')
    throw ValidationError.forField('accounting.cfdi_not_income', 'xml', `A bill is a CFDI of type I; this one is ${cfdi.tipoDeComprobante}.`, {
      type: cfdi.tipoDeComprobante,
    });
  if (cfdi.moneda !== 'MXN')
    throw ValidationError.forField('accounting.cfdi_currency', 'xml', `Bills are booked in MXN; this CFDI is in ${cfdi.moneda}.`, { currency: cfdi.moneda });

  const a: BillAmounts = {
    subtotalCents: toCents(cfdi.subTotal),
    discountCents: toCents(cfdi.descuento ?? 0),
    base16Cents: 0,
    iva16Cents: 0,
    base8Cents: 0,
    iva8Cents: 0,
    base0Cents: 0,
    exemptCents: 0,
    ivaWithheldCents: 0,
    isrWithheldCents: 0,
    totalCents: toCents(cfdi.total),
  };
  let ivaCents = 0;
  let otherTaxCents = 0;
  for (const t of cfdi.traslados) {
    const base = toCents(t.base);
    const tax = toCents(t.importe ?? 0);
    if (t.impuesto !== IVA) otherTaxCents += tax;
    else if (t.tipoFactor === 'Exento') a.exemptCents += base;
    else {
      const rate = money(t.tasaOCuota ?? 0);
      if (rate.eq('0.16')) [a.base16Cents, a.iva16Cents] = [a.base16Cents + base, a.iva16Cents + tax];
      else if (rate.eq('0.08')) [a.base8Cents, a.iva8Cents] = [a.base8Cents + base, a.iva8Cents + tax];
      else if (rate.isZero()) a.base0Cents += base;
      else throw ValidationError.forField('accounting.cfdi_rate', 'xml', `IVA at ${t.tasaOCuota} is not a Mexican rate.`, { rate: t.tasaOCuota ?? '' });
      ivaCents += tax;
    }
  }
  for (const r of cfdi.retenciones) {
    if (r.impuesto === IVA) a.ivaWithheldCents += toCents(r.importe);
    else if (r.impuesto === ISR) a.isrWithheldCents += toCents(r.importe);
    else otherTaxCents -= toCents(r.importe);
  }
  // Bases are rounded per rate; a base outside every traslado (not subject to tax) is reported as exempt.
  const net = a.subtotalCents - a.discountCents;
  const unassigned = net - (a.base16Cents + a.base8Cents + a.base0Cents + a.exemptCents);
  if (unassigned > 0) a.exemptCents += unassigned;
  else if (unassigned < 0) {
    const largest = (['base16Cents', 'base8Cents', 'base0Cents', 'exemptCents'] as const).reduce((x, y) => (a[y] > a[x] ? y : x));
    a[largest] += unassigned;
  }
  if (net + ivaCents + otherTaxCents - a.ivaWithheldCents - a.isrWithheldCents !== a.totalCents)
    throw ValidationError.forField('accounting.cfdi_totals', 'xml', "The CFDI's subtotal, taxes and total do not add up.");

  return {
    uuid: cfdi.timbre.uuid.toLowerCase(),
    emisor: { rfc: cfdi.emisor.rfc.toUpperCase(), name: cfdi.emisor.nombre },
    receptorRfc: cfdi.receptor.rfc.toUpperCase(),
    date: cfdi.fecha.slice(0, 10),
    billNumber: `${cfdi.serie ?? ''}${cfdi.folio ?? ''}` || cfdi.timbre.uuid.slice(0, 8).toUpperCase(),
    amounts: a,
    otherTaxCents,
  };
}
