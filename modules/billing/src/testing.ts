/** For tests elsewhere that check a CFDI the way the SAT would: its XSD (libxml2) and the cadena original its seal covers (the SAT's XSLT). */
export { cadenaOriginal, validateCfdi } from './cfdi/index';
