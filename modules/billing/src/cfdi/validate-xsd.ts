import { readFileSync } from 'node:fs';
import type { ErrorDetail, XsdValidator } from 'libxml2-wasm';

export interface XsdResult {
  valid: boolean;
  /** Readable messages, "line 12: Element 'cfdi:Concepto', attribute 'Importe': …". */
  errors: string[];
}

const SCHEMA = new URL('../../assets/sat/cfdi40-all.xsd', import.meta.url);
const PREFIXES: Record<string, string> = {
  'http://www.sat.gob.mx/cfd/4': 'cfdi',
  'http://www.sat.gob.mx/Pagos20': 'pago20',
  'http://www.sat.gob.mx/TimbreFiscalDigital': 'tfd',
};

type Libxml2 = typeof import('libxml2-wasm');
let compiled: Promise<{ libxml2: Libxml2; validator: XsdValidator }> | undefined;

/**
 * The SAT schemas compiled once per process, on first use (the WASM costs nothing until a CFDI is
 * validated). Their imports resolve from modules/billing/assets/sat through libxml2's file provider.
 */
function schemaValidator() {
  compiled ??= (async () => {
    const [libxml2, { xmlRegisterFsInputProviders }] = await Promise.all([import('libxml2-wasm'), import('libxml2-wasm/lib/nodejs.mjs')]);
    xmlRegisterFsInputProviders();
    const schema = libxml2.XmlDocument.fromBuffer(readFileSync(SCHEMA), { url: SCHEMA.href });
    try {
      return { libxml2, validator: libxml2.XsdValidator.fromDoc(schema) };
    } finally {
      schema.dispose();
    }
  })();
  return compiled;
}

function readable(detail: ErrorDetail): string {
  const message = detail.message.replace(/\{([^}]+)\}(\w+)/g, (whole, ns: string, name: string) => (PREFIXES[ns] ? `${PREFIXES[ns]}:${name}` : whole)).trim();
  return detail.line ? `line ${detail.line}: ${message}` : message;
}

/**
 * Validates a CFDI 4.0 (with TFD 1.1 and Pagos 2.0 complements) against the SAT schemas copied in
 * modules/billing/assets/sat, through libxml2 compiled to WASM. A sealed CFDI is expected; pass
 * `{ draft: true }` to check one before sealing (placeholder NoCertificado/Certificado/Sello).
 */
export async function validateCfdi(xml: string, options: { draft?: boolean } = {}): Promise<XsdResult> {
  const { libxml2, validator } = await schemaValidator();
  let document: InstanceType<Libxml2['XmlDocument']> | undefined;
  try {
    document = libxml2.XmlDocument.fromString(options.draft ? withPlaceholderSeal(xml) : xml);
    validator.validate(document);
    return { valid: true, errors: [] };
  } catch (error) {
    if (!(error instanceof libxml2.XmlLibError)) throw error;
    const errors = error.details.map(readable).filter(Boolean);
    return { valid: false, errors: errors.length ? errors : [error.message] };
  } finally {
    document?.dispose();
  }
}

function withPlaceholderSeal(xml: string): string {
  return xml.replace(/<cfdi:Comprobante\b/, (tag) => {
    const missing = ['NoCertificado="00000000000000000000"', 'Certificado="AA=="', 'Sello="AA=="'].filter(
      (a) => !new RegExp(`\\s${a.split('=')[0]}=`).test(xml.slice(0, xml.indexOf('>', xml.indexOf('<cfdi:Comprobante')))),
    );
    return missing.length ? `${tag} ${missing.join(' ')}` : tag;
  });
}
