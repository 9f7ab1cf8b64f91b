import { foldForSearch } from '@petfriendly/core';
import type { ImportKind } from './data-import.tables';

export interface FieldSpec {
  name: string;
  required?: boolean;
  /** Headers other systems (and our own export) use for it, in Spanish and English, folded (lower case, no accents). */
  headers: string[];
}

const productCode: FieldSpec[] = [
  { name: 'sku', headers: ['sku', 'codigo', 'clave', 'code', 'item code', 'product code', 'codigo interno', 'clave del producto'] },
  { name: 'barcode', headers: ['barcode', 'bar code', 'codigo de barras', 'ean', 'upc', 'gtin'] },
];

const ownerContact: FieldSpec[] = [
  { name: 'ownerEmail', headers: ['owner_email', 'owner email', 'correo del dueno', 'correo del propietario', 'email del dueno', 'email propietario'] },
  { name: 'ownerPhone', headers: ['owner_phone', 'owner phone', 'telefono del dueno', 'telefono del propietario', 'telefono propietario'] },
];

/** Our fields per kind of file, in the order the mapping page shows them. */
export const FIELDS: Record<ImportKind, FieldSpec[]> = {
  owners: [
    { name: 'name', required: true, headers: ['name', 'full name', 'owner', 'owner name', 'nombre', 'nombre completo', 'cliente', 'propietario', 'dueno'] },
    { name: 'email', required: true, headers: ['email', 'e-mail', 'mail', 'correo', 'correo electronico', 'email address'] },
    { name: 'phone', headers: ['phone', 'mobile', 'cell', 'telephone', 'telefono', 'celular', 'movil', 'whatsapp'] },
    { name: 'alternatePhone', headers: ['alternate_phone', 'alternate phone', 'other phone', 'phone 2', 'telefono 2', 'otro telefono', 'telefono alterno'] },
    { name: 'address', headers: ['address', 'street', 'direccion', 'domicilio', 'calle'] },
    { name: 'preferredLanguage', headers: ['language', 'preferred_language', 'preferred language', 'idioma', 'lengua'] },
  ],
  pets: [
    ...ownerContact,
    { name: 'name', required: true, headers: ['name', 'pet', 'pet name', 'pet_name', 'nombre', 'mascota', 'paciente', 'nombre de la mascota'] },
    { name: 'species', required: true, headers: ['species', 'specie', 'animal', 'especie', 'tipo'] },
    { name: 'breed', headers: ['breed', 'raza'] },
    { name: 'color', headers: ['color', 'colour', 'pelaje'] },
    { name: 'dateOfBirth', headers: ['date_of_birth', 'date of birth', 'birth date', 'birthday', 'dob', 'fecha de nacimiento', 'nacimiento'] },
    { name: 'gender', headers: ['gender', 'sex', 'sexo', 'genero'] },
    { name: 'isNeutered', headers: ['neutered', 'is_neutered', 'spayed', 'castrado', 'esterilizado', 'esterilizada'] },
    { name: 'weightKg', headers: ['weight', 'weight_kg', 'weight kg', 'peso', 'peso kg'] },
    { name: 'microchipNumber', headers: ['microchip', 'microchip_number', 'chip', 'numero de microchip'] },
    { name: 'notes', headers: ['notes', 'comments', 'notas', 'observaciones', 'comentarios'] },
  ],
  vaccinations: [
    ...ownerContact,
    { name: 'petName', required: true, headers: ['pet', 'pet_name', 'pet name', 'mascota', 'paciente', 'nombre de la mascota'] },
    { name: 'species', headers: ['species', 'especie'] },
    { name: 'vaccineName', required: true, headers: ['vaccine', 'vaccine_name', 'vaccine name', 'vacuna', 'nombre de la vacuna', 'biologico'] },
    {
      name: 'administeredDate',
      required: true,
      headers: ['administered_date', 'date', 'date given', 'applied on', 'fecha', 'fecha de aplicacion', 'aplicada'],
    },
    { name: 'nextDueDate', headers: ['next_due_date', 'next due', 'next dose', 'due date', 'proxima dosis', 'refuerzo', 'proxima aplicacion'] },
    { name: 'lotNumber', headers: ['lot', 'lot_number', 'batch', 'lote'] },
    { name: 'manufacturer', headers: ['manufacturer', 'brand', 'laboratorio', 'fabricante', 'marca'] },
    { name: 'notes', headers: ['notes', 'notas', 'observaciones'] },
  ],
  products: [
    { ...productCode[0]!, required: true },
    productCode[1]!,
    { name: 'name', required: true, headers: ['name', 'product', 'product name', 'nombre', 'producto', 'articulo', 'nombre del producto'] },
    { name: 'category', required: true, headers: ['category', 'categoria', 'familia', 'linea', 'departamento', 'rubro'] },
    { name: 'price', headers: ['price', 'price incl iva', 'price_incl_iva', 'precio', 'precio con iva', 'precio publico', 'precio de venta', 'pvp'] },
    {
      name: 'priceExclIva',
      headers: ['price excl iva', 'price_excl_iva', 'net price', 'price before tax', 'precio sin iva', 'precio antes de iva', 'precio neto', 'precio base'],
    },
    { name: 'taxClass', headers: ['tax_class', 'tax class', 'tax', 'iva', 'tasa de iva', 'tasa iva', 'impuesto'] },
    { name: 'costPrice', headers: ['cost_price', 'cost price', 'cost', 'costo', 'precio de compra', 'costo unitario'] },
    { name: 'description', headers: ['description', 'descripcion', 'detalle'] },
    { name: 'requiresPrescription', headers: ['requires_prescription', 'requires prescription', 'prescription', 'receta', 'requiere receta', 'con receta'] },
    { name: 'prescriptionName', headers: ['prescription_name', 'active ingredient', 'principio activo', 'sustancia activa'] },
    { name: 'isControlled', headers: ['is_controlled', 'controlled', 'controlado', 'medicamento controlado'] },
    { name: 'controlledGroup', headers: ['controlled_group', 'controlled group', 'grupo', 'grupo cofepris', 'fraccion'] },
    { name: 'satProductCode', headers: ['sat_product_code', 'sat product code', 'clave sat', 'clave prod serv', 'clave producto sat'] },
    { name: 'satUnitCode', headers: ['sat_unit_code', 'sat unit code', 'clave unidad', 'unidad sat'] },
  ],
  stock: [
    ...productCode,
    { name: 'quantity', required: true, headers: ['quantity', 'qty', 'cantidad', 'existencia', 'existencias', 'stock', 'unidades', 'on hand'] },
    { name: 'batchNumber', headers: ['batch_number', 'batch number', 'lot', 'lot_number', 'batch', 'lote', 'numero de lote'] },
    {
      name: 'expiryDate',
      headers: [
        'expiry_date',
        'expiry date',
        'expiry',
        'expiration',
        'expiration date',
        'caducidad',
        'fecha de caducidad',
        'vencimiento',
        'fecha de vencimiento',
      ],
    },
    { name: 'costPerUnit', required: true, headers: ['cost_per_unit', 'unit cost', 'cost', 'costo', 'costo unitario', 'precio de compra'] },
    { name: 'supplier', headers: ['supplier', 'vendor', 'proveedor'] },
  ],
  visits: [
    ...ownerContact,
    { name: 'petName', required: true, headers: ['pet', 'pet_name', 'pet name', 'mascota', 'paciente', 'nombre de la mascota'] },
    { name: 'species', headers: ['species', 'especie'] },
    { name: 'visitDate', required: true, headers: ['visit_date', 'visit date', 'date', 'fecha', 'fecha de consulta', 'fecha de la visita'] },
    { name: 'reason', required: true, headers: ['reason', 'motivo', 'motivo de consulta', 'reason for visit', 'consulta'] },
    { name: 'notes', headers: ['notes', 'notas', 'observaciones', 'comments', 'anamnesis'] },
    { name: 'diagnosis', headers: ['diagnosis', 'diagnostico', 'assessment'] },
    { name: 'treatment', headers: ['treatment', 'tratamiento', 'plan'] },
    { name: 'weightKg', headers: ['weight', 'weight_kg', 'weight kg', 'peso', 'peso kg'] },
  ],
};

const fold = (header: string) =>
  foldForSearch(header)
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Our field → the column whose header names it; a column goes to one field at most, first come first served. */
export function guessMapping(kind: ImportKind, headers: readonly string[]): Record<string, number> {
  const folded = headers.map(fold);
  const taken = new Set<number>();
  const mapping: Record<string, number> = {};
  for (const field of FIELDS[kind]) {
    const names = new Set([fold(field.name), ...field.headers.map(fold)]);
    const column = folded.findIndex((h, i) => !taken.has(i) && names.has(h));
    if (column >= 0) {
      mapping[field.name] = column;
      taken.add(column);
    }
  }
  return mapping;
}

/** The row's values by our field names (unmapped fields are absent). */
export function valuesOf(cells: readonly string[], mapping: Record<string, number>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) values[field] = cells[column] ?? '';
  return values;
}
