import { createPrivateKey, type KeyObject, sign, X509Certificate } from 'node:crypto';
import { CsdError } from './errors';

export interface Csd {
  /** The holder's RFC, from the certificate subject (x500UniqueIdentifier). */
  rfc: string;
  /** The certificate serial's hex read as ASCII: the 20-digit NoCertificado. */
  noCertificado: string;
  /** Base64 of the DER .cer, as the Certificado attribute carries it. */
  certificateBase64: string;
  /** ISO 8601 UTC. */
  validFrom: string;
  validTo: string;
  /** SHA256withRSA over the UTF-8 bytes of the cadena original, base64 (the Sello). */
  sign(cadena: string): string;
}

/** x500UniqueIdentifier holds "RFC" or "RFC / RFC-of-the-legal-representative". */
function rfcOf(certificate: X509Certificate): string {
  const line = certificate.subject.split('\n').find((l) => l.startsWith('x500UniqueIdentifier='));
  const rfc = line?.slice('x500UniqueIdentifier='.length).split('/')[0]?.trim();
  if (!rfc) throw new CsdError('billing.csd_invalid', 'The certificate has no RFC in its subject: it is not a SAT CSD.');
  return rfc;
}

export function noCertificadoOf(certificate: X509Certificate): string {
  return Buffer.from(certificate.serialNumber, 'hex').toString('ascii');
}

/**
 * Opens a SAT CSD: the .cer (DER X.509) and the .key (DER PKCS#8, encrypted with the password).
 * Checks that they are a pair; the caller decides what to do with an expired certificate (validTo).
 */
export function loadCsd(input: { cer: Buffer; key: Buffer; password: string }): Csd {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(input.cer);
  } catch {
    throw new CsdError('billing.csd_invalid', 'The .cer file is not a DER X.509 certificate.');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: input.key, format: 'der', type: 'pkcs8', passphrase: input.password });
  } catch {
    throw new CsdError('billing.csd_bad_password', 'The .key file cannot be opened with this password (or is not a PKCS#8 DER key).');
  }
  if (!certificate.checkPrivateKey(key)) {
    throw new CsdError('billing.csd_mismatch', 'The .key does not belong to the .cer certificate.');
  }
  return {
    rfc: rfcOf(certificate),
    noCertificado: noCertificadoOf(certificate),
    certificateBase64: Buffer.from(certificate.raw).toString('base64'),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    sign: (cadena) => sign('sha256', Buffer.from(cadena, 'utf8'), key).toString('base64'),
  };
}
