import { stringify } from 'csv-stringify/sync';
import type { ImportKind } from './data-import.tables';

/** A table of a clinic export (`tables/<schema>/<table>.csv`), its rows by column name, as the export wrote them. */
export type ExportTableReader = (schema: string, table: string) => Record<string, string>[];

/** The kinds a clinic export's tables give, in the order they import. */
export const EXPORT_KINDS = ['owners', 'pets', 'vaccinations', 'products'] as const satisfies readonly ImportKind[];

const csv = (header: string[], rows: string[][]) => new TextEncoder().encode(stringify([header, ...rows]));

/**
 * Our own clinic export (one CSV per table, ids between them) as the plain files the import reads (owners
 * by email, pets by their owner's email, categories by their path): a clinic moving from another
 * installation of ours brings its owners, pets, vaccinations and products in with the same dry run,
 * report and undo as any other system's files.
 */
export function importFilesFromExport(read: ExportTableReader): Record<(typeof EXPORT_KINDS)[number], Uint8Array> {
  const users = read('accounts', 'users');
  const profiles = new Map(read('accounts', 'owner_profiles').map((p) => [p.user_id, p]));
  const owners = users.filter((u) => u.role === 'owner');
  const emailOf = new Map(owners.map((u) => [u.id, u.email!]));
  const pets = read('vet_clinic', 'pets').filter((p) => emailOf.has(p.owner_id!));
  const petById = new Map(pets.map((p) => [p.id, p]));
  const categories = new Map(read('store', 'categories').map((c) => [c.id, c]));
  const pathOf = (id: string): string => {
    const c = categories.get(id);
    if (!c) return '';
    return c.parent_id ? `${pathOf(c.parent_id)} > ${c.name}` : c.name!;
  };
  return {
    owners: csv(
      ['name', 'email', 'phone', 'alternate_phone', 'address', 'language'],
      owners.map((u) => {
        const p = profiles.get(u.id) ?? {};
        return [u.name!, u.email!, p.phone ?? '', p.alternate_phone ?? '', p.address ?? '', u.preferred_language ?? ''];
      }),
    ),
    pets: csv(
      ['owner_email', 'name', 'species', 'breed', 'color', 'date_of_birth', 'gender', 'neutered', 'weight_kg', 'microchip', 'notes'],
      pets.map((p) => [
        emailOf.get(p.owner_id!)!,
        p.name!,
        p.species!,
        p.breed ?? '',
        p.color ?? '',
        p.date_of_birth ?? '',
        p.gender ?? '',
        p.is_neutered ?? '',
        p.weight_kg ?? '',
        p.microchip_number ?? '',
        p.notes ?? '',
      ]),
    ),
    vaccinations: csv(
      ['owner_email', 'pet_name', 'species', 'vaccine_name', 'administered_date', 'next_due_date', 'lot_number', 'manufacturer', 'notes'],
      read('vet_clinic', 'vaccination_records').flatMap((v) => {
        const pet = petById.get(v.pet_id!);
        if (!pet) return [];
        return [
          [
            emailOf.get(pet.owner_id!)!,
            pet.name!,
            pet.species!,
            v.vaccine_name!,
            v.administered_date!,
            v.next_due_date ?? '',
            v.lot_number ?? '',
            v.manufacturer ?? '',
            v.notes ?? '',
          ],
        ];
      }),
    ),
    products: csv(
      [
        'sku',
        'barcode',
        'name',
        'category',
        'price',
        'tax_class',
        'cost_price',
        'description',
        'requires_prescription',
        'prescription_name',
        'is_controlled',
        'controlled_group',
        'sat_product_code',
        'sat_unit_code',
      ],
      read('store', 'products').map((p) => [
        p.sku!,
        p.barcode ?? '',
        p.name!,
        pathOf(p.category_id!),
        p.price!,
        p.tax_class!,
        p.cost_price ?? '',
        p.description ?? '',
        p.requires_prescription ?? '',
        p.prescription_name ?? '',
        p.is_controlled ?? '',
        p.controlled_group ?? '',
        p.clave_producto_sat ?? '',
        p.clave_unidad_sat ?? '',
      ]),
    ),
  };
}
