import { readFileSync } from 'node:fs';
import { ValidationError } from '@petfriendly/core';
import { saxonJs } from './saxon';

// The SAT's cadenaoriginal_4_0.xslt (XSLT 2.0) compiled by `npm run cfdi:assets`; parsed once per process.
let stylesheet: unknown;

function sef(): unknown {
  stylesheet ??= JSON.parse(readFileSync(new URL('../../assets/cadenaoriginal_4_0.sef.json', import.meta.url), 'utf8'));
  return stylesheet;
}

/** The cadena original of a CFDI 4.0 (with any SAT complement), exactly as the SAT's XSLT produces it. */
export function cadenaOriginal(xml: string): string {
  try {
    return saxonJs().transform({ stylesheetInternal: sef(), sourceText: xml, destination: 'serialized' }, 'sync').principalResult;
  } catch (error) {
    throw new ValidationError('billing.cfdi_malformed_xml', `The cadena original cannot be built: ${(error as Error).message}`);
  }
}
