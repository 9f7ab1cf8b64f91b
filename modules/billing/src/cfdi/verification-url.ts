import { money } from '@petfriendly/core';

/** "tt" per Anexo 20: the total with up to 6 decimals, trailing zeros dropped but one decimal kept (1000 → 1000.0). */
export function qrTotal(total: string): string {
  const text = money(total).toFixed(6).replace(/0+$/, '');
  return text.endsWith('.') ? `${text}0` : text;
}

/** An RFC in the QR expression: the SAT writes "&" as "&amp;" (RFCs such as "A&C010101AB1"). */
function qrRfc(rfc: string): string {
  return rfc.replace(/&/g, '&amp;');
}

/** The SAT verification URL the printed CFDI carries as a QR code (CFDI 4.0). */
export function satVerificationUrl(input: { uuid: string; issuerRfc: string; receiverRfc: string; total: string; sello: string }): string {
  return (
    'https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx' +
    `?id=${input.uuid.toUpperCase()}&re=${qrRfc(input.issuerRfc)}&rr=${qrRfc(input.receiverRfc)}&tt=${qrTotal(input.total)}&fe=${input.sello.slice(-8)}`
  );
}
