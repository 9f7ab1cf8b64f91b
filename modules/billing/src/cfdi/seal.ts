import { verify, X509Certificate } from 'node:crypto';
import { ValidationError } from '@petfriendly/core';
import { cadenaOriginal } from './cadena-original';
import { type Csd, noCertificadoOf } from './csd';
import { CsdError } from './errors';
import { CFDI_NS } from './namespaces';
import { child, parseXml } from './xml-read';

const ATTR = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`, 'g');

/** Rewrites attributes on the root start tag only, leaving every other byte of the document as it was. */
function setRootAttributes(xml: string, set: Record<string, string>, remove: string[] = []): string {
  let start = -1;
  for (let i = xml.indexOf('<'); i !== -1; i = xml.indexOf('<', i + 1)) {
    if (xml[i + 1] !== '?' && xml[i + 1] !== '!') {
      start = i;
      break;
    }
  }
  if (start === -1) throw new ValidationError('billing.cfdi_malformed_xml', 'The XML has no root element.');
  let end = start;
  let quote: string | null = null;
  for (; end < xml.length; end++) {
    const ch = xml[end]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') break;
  }
  let tag = xml.slice(start, end);
  const selfClosing = tag.endsWith('/');
  if (selfClosing) tag = tag.slice(0, -1);
  for (const name of [...Object.keys(set), ...remove]) tag = tag.replace(ATTR(name), '');
  tag += Object.entries(set)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  return xml.slice(0, start) + tag + (selfClosing ? '/' : '') + xml.slice(end);
}

/**
 * Seals a CFDI with the issuer's CSD: sets NoCertificado and Certificado, computes the cadena original
 * with the SAT's XSLT and signs it (SHA256withRSA over its UTF-8 bytes, so accents and ñ sign as the
 * SAT reads them) into Sello. The CSD must belong to the Emisor's RFC.
 */
export function sealCfdi(xml: string, csd: Csd): string {
  const emisor = child(parseXml(xml), CFDI_NS, 'Emisor')?.attrs.Rfc;
  if (emisor !== csd.rfc) {
    throw new CsdError('billing.csd_wrong_rfc', `The CSD belongs to ${csd.rfc}, but the CFDI's Emisor is ${emisor ?? 'missing'}.`);
  }
  const withCertificate = setRootAttributes(xml, { NoCertificado: csd.noCertificado, Certificado: csd.certificateBase64 }, ['Sello']);
  const sello = csd.sign(cadenaOriginal(withCertificate));
  return setRootAttributes(withCertificate, { Sello: sello });
}

export type SelloCheck = { valid: true; noCertificado: string; cadena: string } | { valid: false; reason: string };

/** Checks a CFDI's Sello against its own Certificado and content (and that NoCertificado is that certificate's). */
export function verifySello(xml: string): SelloCheck {
  const root = parseXml(xml).attrs;
  if (!root.Sello || !root.Certificado || !root.NoCertificado)
    return { valid: false, reason: 'The CFDI is not sealed (Sello, Certificado or NoCertificado missing).' };
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(root.Certificado, 'base64'));
  } catch {
    return { valid: false, reason: 'The Certificado attribute is not a base64 DER certificate.' };
  }
  if (noCertificadoOf(certificate) !== root.NoCertificado) {
    return { valid: false, reason: `NoCertificado ${root.NoCertificado} is not the embedded certificate's (${noCertificadoOf(certificate)}).` };
  }
  const cadena = cadenaOriginal(xml);
  const ok = verify('sha256', Buffer.from(cadena, 'utf8'), certificate.publicKey, Buffer.from(root.Sello, 'base64'));
  return ok
    ? { valid: true, noCertificado: root.NoCertificado, cadena }
    : { valid: false, reason: 'The Sello does not match the CFDI’s content: it was changed after sealing, or sealed with another key.' };
}
