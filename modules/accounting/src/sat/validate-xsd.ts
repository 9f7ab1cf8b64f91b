import { readFileSync } from 'node:fs';
import type { XsdValidator } from 'libxml2-wasm';
import { SAT_DOCUMENTS, type SatDocument } from './sat-xml';

const SCHEMAS = new URL('../../assets/sat/ContabilidadE/1_3/', import.meta.url);

type Libxml2 = typeof import('libxml2-wasm');
let compiled: Promise<{ libxml2: Libxml2; validators: Record<SatDocument, XsdValidator> }> | undefined;

/** The SAT's three schemas compiled once per process, on first use; their import of the catalogues resolves from the files. */
function validators() {
  compiled ??= (async () => {
    const [libxml2, { xmlRegisterFsInputProviders }] = await Promise.all([import('libxml2-wasm'), import('libxml2-wasm/lib/nodejs.mjs')]);
    xmlRegisterFsInputProviders();
    const compile = (kind: SatDocument) => {
      const url = new URL(SAT_DOCUMENTS[kind].xsd, SCHEMAS);
      const schema = libxml2.XmlDocument.fromBuffer(readFileSync(url), { url: url.href });
      try {
        return libxml2.XsdValidator.fromDoc(schema);
      } finally {
        schema.dispose();
      }
    };
    return { libxml2, validators: { catalogo: compile('catalogo'), balanza: compile('balanza'), polizas: compile('polizas') } };
  })();
  return compiled;
}

/** Checks a document against the SAT's XSD (Contabilidad Electrónica 1.3); the errors say line and attribute. */
export async function validateSatXml(kind: SatDocument, xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const { libxml2, validators: v } = await validators();
  let document: InstanceType<Libxml2['XmlDocument']> | undefined;
  try {
    document = libxml2.XmlDocument.fromString(xml);
    v[kind].validate(document);
    return { valid: true, errors: [] };
  } catch (error) {
    if (!(error instanceof libxml2.XmlLibError)) throw error;
    const errors = error.details.map((d) => (d.line ? `line ${d.line}: ${d.message.trim()}` : d.message.trim()));
    return { valid: false, errors: errors.length ? errors : [error.message] };
  } finally {
    document?.dispose();
  }
}
