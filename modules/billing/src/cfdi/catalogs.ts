import { REGIMENES_FISCALES, USOS_CFDI } from './catalogs.data';

export * from './catalogs.data';

/** c_MotivoCancelacion (Anexo 20 / cancellation rules). 01 needs the replacing CFDI's UUID. */
export const MOTIVOS_CANCELACION = [
  { clave: '01', descripcion: 'Comprobante emitido con errores con relación' },
  { clave: '02', descripcion: 'Comprobante emitido con errores sin relación' },
  { clave: '03', descripcion: 'No se llevó a cabo la operación' },
  { clave: '04', descripcion: 'Operación nominativa relacionada en una factura global' },
] as const;

export type MotivoCancelacion = (typeof MOTIVOS_CANCELACION)[number]['clave'];
export type Persona = 'fisica' | 'moral';

/** 12-character RFCs are personas morales, 13-character ones personas físicas. */
export function personaOfRfc(rfc: string): Persona {
  return rfc.trim().length === 12 ? 'moral' : 'fisica';
}

export function regimenFiscal(clave: string) {
  return REGIMENES_FISCALES.find((r) => r.clave === clave);
}

/** Whether a persona física or moral may hold this régimen (c_RegimenFiscal). */
export function regimenAllowedFor(clave: string, persona: Persona): boolean {
  const regimen = regimenFiscal(clave);
  return !!regimen && regimen[persona];
}

/**
 * Whether a receiver with this régimen may use this UsoCFDI (c_UsoCFDI's "régimen fiscal receptor"
 * column). Pass the persona too to check the uso's física/moral column (D01–D10 are físicas only).
 */
export function usoCfdiAllowed(uso: string, regimen: string, persona?: Persona): boolean {
  const entry = USOS_CFDI.find((u) => u.clave === uso);
  if (!entry) return false;
  if (persona && !entry[persona]) return false;
  return (entry.regimenesReceptor as readonly string[]).includes(regimen);
}
