/**
 * Regenerates the committed CFDI assets from the SAT kit (`../shared/cfdi` beside the repo, or
 * CFDI_KIT=/path): `npm run cfdi:assets`. Nothing here runs in the app.
 *
 * - modules/billing/assets/sat/…                      XSD set for validateCfdi (relative imports kept)
 * - modules/billing/assets/cadenaoriginal_4_0.sef.json SAT's cadena original XSLT 2.0, compiled by xslt3
 * - modules/billing/src/cfdi/catalogs.data.ts         SAT catalogs the clinic uses, as TS data
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const kit = resolve(process.env.CFDI_KIT ?? join(repo, '../shared/cfdi'));
const assets = join(repo, 'modules/billing/assets');
const cfd = 'resources/www.sat.gob.mx/sitio_internet/cfd';

if (!existsSync(join(kit, 'sat/cfdi40-all.xsd'))) {
  console.error(`SAT kit not found at ${kit} (set CFDI_KIT).`);
  process.exit(1);
}

function copyXsds(): void {
  const files = [
    'cfdi40-all.xsd',
    'LICENSE.resources-sat-xml',
    'SOURCE.txt',
    'CATCFDI-STANDIN.md',
    `${cfd}/4/cfdv40.xsd`,
    `${cfd}/catalogos/catCFDI.xsd`,
    `${cfd}/catalogos/Pagos/catPagos.xsd`,
    `${cfd}/tipoDatos/tdCFDI/tdCFDI.xsd`,
    `${cfd}/Pagos/Pagos20.xsd`,
    `${cfd}/TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd`,
  ];
  for (const file of files) {
    const target = join(assets, 'sat', file);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(kit, 'sat', file), target);
  }
  writeFileSync(
    join(assets, 'sat/FILES.json'),
    `${JSON.stringify(
      files.filter((f) => f.endsWith('.xsd')),
      null,
      2,
    )}\n`,
  );
}

function compileXslt(): void {
  const xslt3 = createRequire(import.meta.url).resolve('xslt3/xslt3.js');
  execFileSync(
    process.execPath,
    [
      xslt3,
      `-xsl:${join(kit, 'sat', cfd, '4/cadenaoriginal_4_0/cadenaoriginal_4_0.xslt')}`,
      `-export:${join(assets, 'cadenaoriginal_4_0.sef.json')}`,
      '-nogo',
      '-relocate:on',
    ],
    { stdio: 'inherit' },
  );
}

/** Rows of `INSERT INTO t VALUES('a','b',1,'');` as arrays of strings ('' for empty). */
function sqlRows(table: string): string[][] {
  const text = readFileSync(join(kit, 'catalogs', `${table}.sql`), 'utf8');
  const rows: string[][] = [];
  for (const line of text.split('\n')) {
    const m = /^INSERT INTO \S+ VALUES\((.*)\);$/.exec(line);
    if (!m) continue;
    const values: string[] = [];
    const src = m[1]!;
    let i = 0;
    while (i < src.length) {
      if (src[i] === "'") {
        let value = '';
        i += 1;
        while (i < src.length) {
          if (src[i] === "'" && src[i + 1] === "'") {
            value += "'";
            i += 2;
          } else if (src[i] === "'") {
            i += 1;
            break;
          } else {
            value += src[i];
            i += 1;
          }
        }
        values.push(value);
      } else {
        const end = src.indexOf(',', i);
        values.push(src.slice(i, end === -1 ? undefined : end).trim());
        i = end === -1 ? src.length : end;
      }
      if (src[i] === ',') i += 1;
    }
    rows.push(values);
  }
  return rows;
}

const UNIDADES = ['E48', 'ACT', 'H87', 'EA', 'XUN', 'C62', 'KGM', 'GRM', 'MGM', 'LTR', 'MLT', 'XBX', 'XPK', 'XBO', 'XVI', 'XTU', 'HUR', 'DAY'];

/** pys.xml holds the SAT classification down to the class (6 digits); a class key + "00" is its generic ClaveProdServ. */
const VET_CLASSES: [string, string][] = [
  ['VETERINARY_SERVICES', '701220'],
  ['PET_CARE_SERVICES', '701218'],
  ['PET_FOOD', '101218'],
  ['OTHER_ANIMAL_FOOD', '101221'],
  ['PET_ACCESSORIES', '101113'],
  ['PET_CONTAINERS', '101316'],
  ['PET_HABITATS', '101317'],
  ['VETERINARY_PRODUCTS', '421216'],
  ['VETERINARY_EQUIPMENT', '421215'],
  ['VETERINARY_ANTIPARASITICS', '511025'],
  ['VETERINARY_ANTIBIOTICS', '511026'],
  ['VETERINARY_NSAIDS', '511427'],
  ['VETERINARY_ANESTHETICS', '512119'],
  ['VACCINES', '512016'],
];

function pysName(key: string): string {
  const text = readFileSync(join(kit, 'catalogs/pys.xml'), 'utf8');
  const m = new RegExp(`key="${key}" name="([^"]*)"`).exec(text);
  if (!m) throw new Error(`pys.xml has no class ${key}`);
  return m[1]!.replace(/&#x([0-9A-F]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&amp;/g, '&');
}

const q = (s: string) => JSON.stringify(s);

function generateCatalogs(): void {
  const simple = (table: string) => sqlRows(table).map((r) => `  { clave: ${q(r[0]!)}, descripcion: ${q(r[1]!)} },`);
  const regimenes = sqlRows('cfdi_40_regimenes_fiscales').map(
    (r) => `  { clave: ${q(r[0]!)}, descripcion: ${q(r[1]!)}, fisica: ${r[2] === '1'}, moral: ${r[3] === '1'} },`,
  );
  const usos = sqlRows('cfdi_40_usos_cfdi').map((r) => {
    const regimenesReceptor = r[6]!.split(',').map((s) => q(s.trim()));
    return `  { clave: ${q(r[0]!)}, descripcion: ${q(r[1]!)}, fisica: ${r[2] === '1'}, moral: ${r[3] === '1'}, regimenesReceptor: [${regimenesReceptor.join(', ')}] },`;
  });
  const unidades = sqlRows('cfdi_40_claves_unidades')
    .filter((r) => UNIDADES.includes(r[0]!))
    .sort((a, b) => UNIDADES.indexOf(a[0]!) - UNIDADES.indexOf(b[0]!))
    .map((r) => `  { clave: ${q(r[0]!)}, nombre: ${q(r[1]!)}${r[6] ? `, simbolo: ${q(r[6])}` : ''} },`);
  const vet = VET_CLASSES.map(([name, cls]) => `  ${name}: { clave: ${q(`${cls}00`)}, descripcion: ${q(pysName(cls))} },`);

  const out = `// Generated by modules/billing/src/cfdi/tools/build-assets.ts from the SAT catalogs
// (phpcfdi/resources-sat-catalogs, Unlicense). Do not edit; run \`npm run cfdi:assets\`.

export const FORMAS_PAGO = [
${simple('cfdi_40_formas_pago').join('\n')}
] as const;

export const METODOS_PAGO = [
${simple('cfdi_40_metodos_pago').join('\n')}
] as const;

/** Which persona may hold each régimen. */
export const REGIMENES_FISCALES = [
${regimenes.join('\n')}
] as const;

/** Which persona may use each UsoCFDI, and with which receiver régimen. */
export const USOS_CFDI = [
${usos.join('\n')}
] as const;

export const OBJETOS_IMPUESTO = [
${simple('cfdi_40_objetos_impuestos').join('\n')}
] as const;

export const TIPOS_RELACION = [
${simple('cfdi_40_tipos_relaciones').join('\n')}
] as const;

export const PERIODICIDADES = [
${simple('cfdi_40_periodicidades').join('\n')}
] as const;

export const MESES = [
${simple('cfdi_40_meses').join('\n')}
] as const;

/** The units a clinic uses, from c_ClaveUnidad. */
export const CLAVES_UNIDAD = [
${unidades.join('\n')}
] as const;

/** Class-level c_ClaveProdServ (class key from pys.xml + "00"). */
export const VET_CLAVES_PROD_SERV = {
${vet.join('\n')}
} as const;
`;
  writeFileSync(join(repo, 'modules/billing/src/cfdi/catalogs.data.ts'), out);
}

copyXsds();
generateCatalogs();
compileXslt();
console.log(`CFDI assets written to ${assets} and catalogs.data.ts`);
