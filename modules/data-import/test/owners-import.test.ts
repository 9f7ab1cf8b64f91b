import { accountsModule } from '@petfriendly/accounts';
import { ownerProfiles, users } from '@petfriendly/accounts/tables';
import { StaffFactory } from '@petfriendly/accounts/testing';
import { outbox } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { storeModule } from '@petfriendly/store';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { vetClinicModule } from '@petfriendly/vet-clinic';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataImportModule } from '../src/index';
import { reportCsv, reportLines } from '../src/report';
import type { DataImportServices } from '../src/services';

let platform: TestPlatform;
let imports: DataImportServices['imports'];
let manager: Awaited<ReturnType<typeof StaffFactory>>;

beforeAll(async () => {
  platform = await createTestPlatform([accountsModule, vetClinicModule, multilingualModule, omnichannelModule, storeModule, dataImportModule]);
  imports = platform.services['data-import'].imports;
  manager = await StaffFactory(platform, 'manager');
});
afterAll(async () => platform?.close());

const csv = (rows: (string | number)[][]) => new TextEncoder().encode(stringify(rows));
const owners = async () => (await platform.ctx.db.select({ n: count() }).from(users).where(eq(users.role, 'owner')))[0]!.n;
const eventCount = async () => (await platform.ctx.db.select({ n: count() }).from(outbox))[0]!.n;

/** 5,000 owners the way another system exports them; ten lines broken in ways a person would recognise. */
function exportOf5000() {
  const broken = new Map<number, (string | number)[]>([
    [2, ['', 'sin-nombre@example.mx', '5510000002']],
    [77, ['Ana Torres', 'ana.torres-at-example.mx', '5510000077']],
    [500, ['Beto Ruiz', 'beto@', '5510000500']],
    [501, ['Carla Díaz', '', '5510000501']],
    [1234, ['Dora León', 'dora.leon@example.mx', '12345']],
    [2500, ['E', 'e@example.mx', '5510002500']],
    [3001, ['Fer Gómez', 'fer gomez@example.mx', '5510003001']],
    [4000, ['Gil Paz', 'gil.paz@example.mx', 'llamar en la tarde']],
    [4999, [' ', 'ivan@example.mx', '5510004999']],
    [5001, ['Hugo Sol', 'hugo@example', '5510005001']],
  ]);
  const header = ['Nombre completo', 'Correo electrónico', 'Teléfono'];
  const lines: (string | number)[][] = [header];
  // Line n of the file is person n (the header is line 1).
  for (let line = 2; line <= 5001; line++)
    lines.push(broken.get(line) ?? [`Persona ${line}`, `persona${line}@example.mx`, `+52 55 2${String(line).padStart(7, '0')}`]);
  return { bytes: csv(lines), broken: [...broken.keys()] };
}

describe('importing owners from another system', () => {
  it('imports 5,000 owners on the queue, reports exactly the 10 broken lines, and finds them all duplicates the second time', async () => {
    const { bytes, broken } = exportOf5000();
    const before = await owners();
    const imp = await imports.upload(manager.actor, { kind: 'owners', fileName: 'clientes.csv', bytes });
    expect(imp.total).toBe(5000);
    // Spanish headers are recognised.
    expect(imp.mapping).toEqual({ name: 0, email: 1, phone: 2 });

    const eventsBefore = await eventCount();
    const dry = await imports.dryRun(manager.actor, imp.id);
    expect(dry.counts).toEqual({ created: 4990, duplicate: 0, failed: 10 });
    expect(dry.toCreate[0]).toEqual({ line: 3, values: { name: 'Persona 3', email: 'persona3@example.mx', phone: '+52 55 20000003' } });
    expect(dry.problems.map((p) => p.line)).toEqual(broken);
    // The dry run wrote nothing: no owner, no event.
    expect(await owners()).toBe(before);
    expect(await eventCount()).toBe(eventsBefore);

    const started = Date.now();
    const queued = await imports.start(manager.actor, imp.id);
    expect(queued.status).toBe('queued');
    await platform.ctx.jobs.runReady(['data-import.run']);
    const seconds = (Date.now() - started) / 1000;
    const done = await imports.getImport(manager.actor, imp.id);
    expect(done.status).toBe('done');
    expect(done.processed).toBe(5000);
    expect(done.counts).toEqual({ created: 4990, failed: 10 });
    expect(await owners()).toBe(before + 4990);
    expect(seconds).toBeLessThan(60);

    // The report, read back with a CSV parser: one line per error, exactly the ten broken line numbers.
    const { import: row, rows } = await imports.problemRows(manager.actor, imp.id);
    const t = platform.ctx.i18n.t('es');
    const report: string[][] = parse(reportCsv(reportLines(row, rows, t), t), { bom: true });
    expect(report[0]).toEqual(['Línea', 'Resultado', 'Columna', 'Mensaje']);
    expect([...new Set(report.slice(1).map((r) => Number(r[0])))]).toEqual(broken);
    const byLine = new Map(report.slice(1).map((r) => [Number(r[0]), r]));
    expect(byLine.get(77)!.slice(2)).toEqual(['Correo electrónico', 'debe ser un correo electrónico válido']);
    expect(byLine.get(1234)![2]).toBe('Teléfono');
    expect(byLine.get(2)![2]).toBe('Nombre completo');

    // The same file again: every owner is already there (by email or phone), the broken lines still fail.
    const again = await imports.upload(manager.actor, { kind: 'owners', fileName: 'clientes.csv', bytes });
    const second = await imports.dryRun(manager.actor, again.id);
    expect(second.counts).toEqual({ created: 0, duplicate: 4990, failed: 10 });
    expect(second.problems.find((p) => p.line === 3)!.errors[0]!.key).toBe('data_import.already_exists');
  }, 180_000);

  it('finds duplicates by a phone written differently and by a repeated line of the file', async () => {
    const first = await imports.upload(manager.actor, {
      kind: 'owners',
      fileName: 'a.csv',
      bytes: csv([
        ['name', 'email', 'phone'],
        ['Rosa Mena', 'rosa@example.mx', '55 1234 5678'],
      ]),
    });
    await imports.start(manager.actor, first.id);
    const [profile] = await platform.ctx.db
      .select({ phone: ownerProfiles.phone })
      .from(ownerProfiles)
      .innerJoin(users, eq(users.id, ownerProfiles.userId))
      .where(eq(users.email, 'rosa@example.mx'));
    expect(profile!.phone).toBe('5512345678');
    const second = await imports.upload(manager.actor, {
      kind: 'owners',
      fileName: 'b.csv',
      bytes: csv([
        ['name', 'email', 'phone'],
        ['Rosa M.', 'rosa.mena@otro.mx', '+52 (55) 1234-5678'],
        ['Luis Paz', 'luis@example.mx', ''],
        ['Luis Paz', 'LUIS@example.mx', ''],
      ]),
    });
    const dry = await imports.dryRun(manager.actor, second.id);
    expect(dry.counts).toEqual({ created: 1, duplicate: 2, failed: 0 });
    expect(dry.problems.map((p) => [p.line, p.errors[0]!.key, p.errors[0]!.field])).toEqual([
      [2, 'data_import.already_exists', 'phone'],
      [4, 'data_import.duplicate_in_file', 'email'],
    ]);
  });
});
