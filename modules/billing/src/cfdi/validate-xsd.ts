import { readFileSync } from 'node:fs';

interface XmllintFile {
  fileName: string;
  contents: string;
}

export interface XsdResult {
  valid: boolean;
  /** Readable messages, "line 12: Element 'cfdi:Concepto', attribute 'Importe': …". */
  errors: string[];
}

const SAT_DIR = new URL('../../assets/sat/', import.meta.url);
const PREFIXES: Record<string, string> = {
  'http://www.sat.gob.mx/cfd/4': 'cfdi',
  'http://www.sat.gob.mx/Pagos20': 'pago20',
  'http://www.sat.gob.mx/TimbreFiscalDigital': 'tfd',
};

let schemaFiles: XmllintFile[] | undefined;

function loadSchemas(): XmllintFile[] {
  if (!schemaFiles) {
    const list = JSON.parse(readFileSync(new URL('FILES.json', SAT_DIR), 'utf8')) as string[];
    schemaFiles = list.map((fileName) => ({ fileName, contents: readFileSync(new URL(fileName, SAT_DIR), 'utf8') }));
  }
  return schemaFiles;
}

function readable(message: string): string {
  return message
    .replace(/^.*?Schemas validity error : /, '')
    .replace(/\{([^}]+)\}(\w+)/g, (whole, ns: string, name: string) => (PREFIXES[ns] ? `${PREFIXES[ns]}:${name}` : whole))
    .trim();
}

/**
 * Validates a CFDI 4.0 (with TFD 1.1 and Pagos 2.0 complements) against the SAT schemas copied in
 * modules/billing/assets/sat, through libxml2 compiled to WASM. A sealed CFDI is expected; pass
 * `{ draft: true }` to check one before sealing (placeholder NoCertificado/Certificado/Sello).
 */
export async function validateCfdi(xml: string, options: { draft?: boolean } = {}): Promise<XsdResult> {
  // Loaded on first use: the WASM and its worker cost nothing until a CFDI is validated.
  const xmllint = await import('xmllint-wasm');
  const schemas = loadSchemas();
  const document = options.draft ? withPlaceholderSeal(xml) : xml;
  const result = await xmllint.validateXML({
    xml: { fileName: 'cfdi.xml', contents: document },
    schema: schemas.find((f) => f.fileName === 'cfdi40-all.xsd')!,
    preload: schemas.filter((f) => f.fileName !== 'cfdi40-all.xsd'),
  });
  return {
    valid: result.valid,
    errors: result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${readable(e.message)}` : readable(e.message))).filter(Boolean),
  };
}

function withPlaceholderSeal(xml: string): string {
  return xml.replace(/<cfdi:Comprobante\b/, (tag) => {
    const missing = ['NoCertificado="00000000000000000000"', 'Certificado="AA=="', 'Sello="AA=="'].filter(
      (a) => !new RegExp(`\\s${a.split('=')[0]}=`).test(xml.slice(0, xml.indexOf('>', xml.indexOf('<cfdi:Comprobante')))),
    );
    return missing.length ? `${tag} ${missing.join(' ')}` : tag;
  });
}
