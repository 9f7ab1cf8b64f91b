import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { rows } from '@petfriendly/core';
import { type DataImportServices, EXPORT_KINDS, importFilesFromExport } from '@petfriendly/data-import';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { parse } from 'csv-parse/sync';
import { type SQL, sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvEntry, exportClinic } from '../src/backup/export';
import { seedDemo } from '../src/demo/seed';
import { modules } from '../src/modules';

let source: TestPlatform;
let target: TestPlatform;
let dir: string;

beforeAll(async () => {
  source = await createTestPlatform(modules);
  await seedDemo(source, { owners: 6, progress: false });
  target = await createTestPlatform(modules);
  dir = await mkdtemp(join(tmpdir(), 'pf-roundtrip-'));
}, 300_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  await rm(dir, { recursive: true, force: true });
});

/** What a clinic holds that the round trip must carry, each line a comparable text. */
async function holdings(platform: TestPlatform) {
  const q = async (query: SQL) => (await rows<{ line: string }>(platform.ctx.db, query)).map((r) => r.line).sort();
  return {
    owners: await q(
      sql`select concat_ws('|', u.email, u.name, u.preferred_language, p.phone, p.alternate_phone, p.address) as line from accounts.users u left join accounts.owner_profiles p on p.user_id = u.id where u.role = 'owner'`,
    ),
    pets: await q(
      sql`select concat_ws('|', u.email, p.name, p.species, p.breed, p.color, p.date_of_birth, p.gender, p.is_neutered, p.weight_kg, p.microchip_number) as line from vet_clinic.pets p join accounts.users u on u.id = p.owner_id`,
    ),
    vaccinations: await q(
      sql`select concat_ws('|', u.email, p.name, v.vaccine_name, v.administered_date, v.next_due_date, v.lot_number, v.manufacturer) as line from vet_clinic.vaccination_records v join vet_clinic.pets p on p.id = v.pet_id join accounts.users u on u.id = p.owner_id`,
    ),
    products: await q(
      sql`select concat_ws('|', p.sku, p.barcode, p.name, c.name, p.price, p.tax_class, p.cost_price, p.requires_prescription, p.is_controlled, p.prescription_name, p.clave_producto_sat, p.clave_unidad_sat) as line from store.products p join store.categories c on c.id = p.category_id`,
    ),
  };
}

describe('export then import into an empty clinic', () => {
  it("brings a demo clinic's owners, pets, vaccinations and products across as the export wrote them, with the same fields", async () => {
    const out = join(dir, 'clinic.zip');
    await exportClinic({ database: source.ctx.database, storage: source.storage, out });
    const zip = await JSZip.loadAsync(await readFile(out));
    const tables = new Map<string, Record<string, string>[]>();
    for (const [schema, table] of [
      ['accounts', 'users'],
      ['accounts', 'owner_profiles'],
      ['vet_clinic', 'pets'],
      ['vet_clinic', 'vaccination_records'],
      ['store', 'categories'],
      ['store', 'products'],
    ] as const) {
      const text = await zip.file(csvEntry({ schema, table }))!.async('string');
      tables.set(`${schema}.${table}`, parse(text, { columns: true }));
    }
    const files = importFilesFromExport((schema, table) => tables.get(`${schema}.${table}`)!);

    const before = await holdings(source);
    expect(before.owners.length).toBeGreaterThanOrEqual(6);
    expect(before.pets.length).toBeGreaterThan(0);
    expect(before.vaccinations.length).toBeGreaterThan(0);
    expect(before.products.length).toBeGreaterThan(0);
    const empty = await holdings(target);
    expect(empty.owners).toEqual([]);

    const manager = await StaffFactory(target, 'manager');
    const imports = (target.services['data-import'] as DataImportServices).imports;
    for (const kind of EXPORT_KINDS) {
      const imp = await imports.upload(manager.actor, { kind, fileName: `${kind}.csv`, bytes: files[kind] });
      // Our own headers map without any choice on the page.
      expect((await imports.dryRun(manager.actor, imp.id)).counts, kind).toMatchObject({ duplicate: 0, failed: 0 });
      await imports.start(manager.actor, imp.id);
      const done = await imports.getImport(manager.actor, imp.id);
      expect(done.counts, kind).toEqual({ created: done.total });
    }

    const after = await holdings(target);
    for (const kind of EXPORT_KINDS) {
      expect(after[kind].length, kind).toBe(before[kind].length);
      expect(after[kind], kind).toEqual(before[kind]);
    }
  }, 300_000);
});
