import { createRequire } from 'node:module';
import type SaxonJSType from 'saxon-js';

const require = createRequire(import.meta.url);
let saxon: typeof SaxonJSType | null = null;

/** SaxonJS, loaded on first use: it costs some 70 MB, and most processes never build a CFDI. */
export function saxonJs(): typeof SaxonJSType {
  saxon ??= require('saxon-js') as typeof SaxonJSType;
  return saxon;
}
