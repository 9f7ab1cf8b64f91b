import { create } from 'xmlbuilder2';

/** Contabilidad Electrónica 1.3 (Anexo 24 of the RMF): the three documents a clinic sends each month. */
const BASE = 'http://www.sat.gob.mx/esquemas/ContabilidadE/1_3';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
export const SAT_DOCUMENTS = {
  catalogo: { prefix: 'catalogocuentas', ns: `${BASE}/CatalogoCuentas`, xsd: 'CatalogoCuentas/CatalogoCuentas_1_3.xsd', root: 'Catalogo' },
  balanza: { prefix: 'BCE', ns: `${BASE}/BalanzaComprobacion`, xsd: 'BalanzaComprobacion/BalanzaComprobacion_1_3.xsd', root: 'Balanza' },
  polizas: { prefix: 'PLZ', ns: `${BASE}/PolizasPeriodo`, xsd: 'PolizasPeriodo/PolizasPeriodo_1_3.xsd', root: 'Polizas' },
} as const;
export type SatDocument = keyof typeof SAT_DOCUMENTS;

type Attrs = Record<string, string | undefined>;
const defined = (attrs: Attrs) => Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined));
const mm = (month: number) => String(month).padStart(2, '0');

/** The document's root with its namespace and schema location, and a function to add children under any element. */
function document(kind: SatDocument, attrs: Attrs) {
  const d = SAT_DOCUMENTS[kind];
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(d.ns, `${d.prefix}:${d.root}`).att(XSI, 'xsi:schemaLocation', `${d.ns} ${BASE}/${d.xsd}`);
  for (const [name, value] of Object.entries(defined({ Version: '1.3', ...attrs }))) root.att(name, value);
  const add = (parent: typeof root, name: string, a: Attrs) => parent.ele(d.ns, `${d.prefix}:${name}`, defined(a));
  return { root, add, end: () => `${doc.end({ prettyPrint: true })}\n` };
}

export interface CatalogAccount {
  code: string;
  name: string;
  satCode: string;
  /** 1 for a top account, its parent's level + 1 below. */
  level: number;
  parentCode: string | null;
  naturalSide: 'debit' | 'credit';
}

/** Catálogo de cuentas (CT): every account with its código agrupador, level, parent and nature (D deudora, A acreedora). */
export function catalogoXml(p: { rfc: string; year: number; month: number; accounts: CatalogAccount[] }): string {
  const { root, add, end } = document('catalogo', { RFC: p.rfc, Mes: mm(p.month), Anio: String(p.year) });
  for (const a of p.accounts)
    add(root, 'Ctas', {
      CodAgrup: a.satCode,
      NumCta: a.code,
      Desc: a.name.slice(0, 400),
      SubCtaDe: a.parentCode ?? undefined,
      Nivel: String(a.level),
      Natur: a.naturalSide === 'debit' ? 'D' : 'A',
    });
  return end();
}

export interface BalanceRow {
  code: string;
  opening: string;
  debit: string;
  credit: string;
  closing: string;
}

/**
 * Balanza de comprobación (BN): opening balance, debits, credits and closing balance per account; `N` the
 * month's normal one, `C` a complementaria (with the day the books were changed); month 13 is the year-end closing.
 */
export function balanzaXml(p: { rfc: string; year: number; month: number; kind: 'N' | 'C'; modifiedOn?: string; rows: BalanceRow[] }): string {
  const { root, add, end } = document('balanza', {
    RFC: p.rfc,
    Mes: mm(p.month),
    Anio: String(p.year),
    TipoEnvio: p.kind,
    FechaModBal: p.kind === 'C' ? p.modifiedOn : undefined,
  });
  for (const r of p.rows) add(root, 'Ctas', { NumCta: r.code, SaldoIni: r.opening, Debe: r.debit, Haber: r.credit, SaldoFin: r.closing });
  return end();
}

/** A CFDI a transaction relates to: its UUID, the counterparty's RFC and its total. */
export interface CfdiRef {
  uuid: string;
  rfc: string;
  total: string;
}

export interface Poliza {
  number: string;
  date: string;
  concept: string;
  cfdi: CfdiRef | null;
  lines: { code: string; name: string; concept: string; debit: string; credit: string }[];
}

/** Why the pólizas are asked for: AF/FC (an audit, with its order number) or DE/CO (a refund or compensation, with its trámite number). */
export type TipoSolicitud = 'AF' | 'FC' | 'DE' | 'CO';

/** Pólizas del periodo (PL): each posted entry with its lines; the CFDI it books rides on its first line (CompNal). */
export function polizasXml(p: {
  rfc: string;
  year: number;
  month: number;
  tipoSolicitud: TipoSolicitud;
  numOrden?: string;
  numTramite?: string;
  polizas: Poliza[];
}): string {
  const { root, add, end } = document('polizas', {
    RFC: p.rfc,
    Mes: mm(p.month),
    Anio: String(p.year),
    TipoSolicitud: p.tipoSolicitud,
    NumOrden: p.numOrden,
    NumTramite: p.numTramite,
  });
  for (const pol of p.polizas) {
    const poliza = add(root, 'Poliza', { NumUnIdenPol: pol.number, Fecha: pol.date, Concepto: (pol.concept || pol.number).slice(0, 300) });
    pol.lines.forEach((l, i) => {
      const tx = add(poliza, 'Transaccion', {
        NumCta: l.code,
        DesCta: l.name.slice(0, 100),
        Concepto: (l.concept || pol.concept || pol.number).slice(0, 200),
        Debe: l.debit,
        Haber: l.credit,
      });
      if (i === 0 && pol.cfdi) add(tx, 'CompNal', { UUID_CFDI: pol.cfdi.uuid.toUpperCase(), RFC: pol.cfdi.rfc, MontoTotal: pol.cfdi.total });
    });
  }
  return end();
}

/** The SAT's file name: RFC, year, month and the document's type (CT, BN or BC for a complementaria, PL). */
export function satFileName(rfc: string, year: number, month: number, type: 'CT' | 'BN' | 'BC' | 'PL'): string {
  return `${rfc}${year}${mm(month)}${type}`;
}
