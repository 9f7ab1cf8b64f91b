import { accountsModule } from '@petfriendly/accounts';
import { users } from '@petfriendly/accounts/tables';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { type VetClinicServices, vetClinicModule } from '@petfriendly/vet-clinic';
import { pets, vaccinationRecords } from '@petfriendly/vet-clinic/tables';
import { stringify } from 'csv-stringify/sync';
import { eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataImportModule } from '../src/index';
import type { DataImportServices } from '../src/services';

let platform: TestPlatform;
let imports: DataImportServices['imports'];
let vet: VetClinicServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule, dataImportModule]);
  imports = platform.services['data-import'].imports;
  vet = platform.services['vet-clinic'];
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

const csv = (rows: string[][]) => new TextEncoder().encode(stringify(rows));
async function importFile(kind: 'owners' | 'pets' | 'vaccinations', bytes: Uint8Array, fileName = `${kind}.csv`) {
  const imp = await imports.upload(manager.actor, { kind, fileName, bytes });
  await imports.start(manager.actor, imp.id);
  return imports.getImport(manager.actor, imp.id);
}
const ownerId = async (email: string) => (await platform.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id;

describe('importing pets and vaccinations, and undoing an import', () => {
  it('reads an Excel workbook with Spanish headers and day-first dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Clientes');
    sheet.addRow(['Nombre', 'Correo', 'Celular', 'Domicilio', 'Idioma']);
    sheet.addRow(['Marta Ríos', 'marta@example.mx', '5511112222', 'Av. Juárez 10, CDMX', 'Inglés']);
    sheet.addRow(['Pablo Ríos', 'pablo@example.mx', '5511113333', '', '']);
    const imp = await importFile('owners', new Uint8Array(await workbook.xlsx.writeBuffer()), 'clientes.xlsx');
    expect(imp.mapping).toEqual({ name: 0, email: 1, phone: 2, address: 3, preferredLanguage: 4 });
    expect(imp.counts).toEqual({ created: 2 });
    const [marta] = await platform.ctx.db.select({ language: users.preferredLanguage }).from(users).where(eq(users.email, 'marta@example.mx'));
    expect(marta!.language).toBe('en');
  });

  it('imports pets to their owners in the headers of a simple export, finds them duplicates the second time, then their vaccinations', async () => {
    // The headers of a plain owners/pets/vaccinations export (see the module's README).
    const petsFile = csv([
      ['owner_email', 'name', 'species', 'breed', 'date_of_birth', 'gender', 'neutered', 'weight_kg', 'microchip'],
      ['marta@example.mx', 'Luna', 'Perro', 'Mestiza', '31/12/2020', 'Hembra', 'sí', '12,5', ''],
      ['marta@example.mx', 'Michi', 'gato', '', '2022-05-01', 'M', 'no', '', '985112003456789'],
      ['nadie@example.mx', 'Fantasma', 'dog', '', '', '', '', '', ''],
      ['pablo@example.mx', 'Rex', 'iguana', '', '', '', '', '', ''],
    ]);
    const first = await importFile('pets', petsFile);
    expect(first.counts).toEqual({ created: 2, failed: 2 });
    const { rows } = await imports.problemRows(manager.actor, first.id);
    expect(rows.map((r) => [r.line, r.errors[0]!.field, r.errors[0]!.key])).toEqual([
      [4, 'ownerEmail', 'data_import.owner_not_found'],
      [5, 'species', 'must be one of: {{options}}'],
    ]);
    const marta = await ownerId('marta@example.mx');
    const luna = (await vet.pets.getUserPets(manager.actor, marta)).find((p) => p.name === 'Luna')!;
    expect(luna).toMatchObject({ species: 'dog', gender: 'female', isNeutered: true, weightKg: '12.50', dateOfBirth: '2020-12-31', breed: 'Mestiza' });

    const again = await imports.upload(manager.actor, { kind: 'pets', fileName: 'pets.csv', bytes: petsFile });
    expect((await imports.dryRun(manager.actor, again.id)).counts).toEqual({ created: 0, duplicate: 2, failed: 2 });

    const vaccinations = await importFile(
      'vaccinations',
      csv([
        ['owner_email', 'pet_name', 'species', 'vaccine_name', 'administered_date', 'next_due_date', 'lot_number'],
        ['marta@example.mx', 'luna', 'perro', 'Rabia', '15/01/2026', '15/01/2027', 'L-778'],
        ['marta@example.mx', 'Michi', '', 'Triple felina', '2026-02-01', '', ''],
        ['marta@example.mx', 'Toby', '', 'Rabia', '2026-02-01', '', ''],
      ]),
    );
    expect(vaccinations.counts).toEqual({ created: 2, failed: 1 });
    const given = await vet.records.getVaccinations(luna.id, manager.actor);
    expect(given).toMatchObject([
      { vaccineName: 'Rabia', administeredDate: '2026-01-15', nextDueDate: '2027-01-15', lotNumber: 'L-778', givenElsewhere: true },
    ]);

    // Undoing the vaccinations removes exactly what they created.
    expect(await imports.undo(manager.actor, vaccinations.id)).toEqual({ removed: 2, kept: [] });
    expect(
      await platform.ctx.db
        .select()
        .from(vaccinationRecords)
        .where(inArray(vaccinationRecords.petId, [luna.id])),
    ).toEqual([]);
  });

  it('undoes an import as a whole, keeping (and reporting) what has been used since', async () => {
    const owners = await importFile(
      'owners',
      csv([
        ['name', 'email'],
        ['Uno Prueba', 'uno@example.mx'],
        ['Dos Prueba', 'dos@example.mx'],
        ['Tres Prueba', 'tres@example.mx'],
      ]),
    );
    expect(owners.counts).toEqual({ created: 3 });
    // Since the import, the clinic registered a pet for the second owner and saw it.
    const dos = (await ownerId('dos@example.mx'))!;
    const pet = await vet.pets.createPet(manager.actor, { name: 'Bola', species: 'cat' }, dos);
    const petImport = await importFile(
      'pets',
      csv([
        ['owner_email', 'name', 'species'],
        ['uno@example.mx', 'Canela', 'perro'],
        ['tres@example.mx', 'Coco', 'ave'],
      ]),
    );
    const vetUser = await StaffFactory(platform, 'veterinarian');
    const coco = (await vet.pets.getUserPets(manager.actor, await ownerId('tres@example.mx')))[0]!;
    await vet.records.addVisit(coco.id, { reason: 'Revisión' }, vetUser.actor);

    // Pets first: Coco has a visit now, so it stays; Canela goes.
    expect(await imports.undo(manager.actor, petImport.id)).toEqual({ removed: 1, kept: [3] });
    // Owners: Dos has a pet added by hand, Tres still has Coco; Uno goes.
    expect(await imports.undo(manager.actor, owners.id)).toEqual({ removed: 1, kept: [3, 4] });
    expect(await ownerId('uno@example.mx')).toBeUndefined();
    expect(await ownerId('dos@example.mx')).toBe(dos);
    expect((await platform.ctx.db.select().from(pets).where(eq(pets.id, pet.id))).length).toBe(1);
    const done = await imports.getImport(manager.actor, owners.id);
    expect(done).toMatchObject({ status: 'undone', counts: { undone: 1, kept: 2 } });
    await expect(imports.undo(manager.actor, owners.id)).rejects.toMatchObject({ code: 'data_import.not_undoable' });
    // Only managers and admins bring data in or take it back.
    await expect(imports.undo(vetUser.actor, petImport.id)).rejects.toMatchObject({ code: 'auth.role_required' });
  });
});
