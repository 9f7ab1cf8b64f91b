import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@petfriendly/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFileName } from '../src/backup/manifest';
import { createTestApp, json, type TestApp } from './helpers';

let t: TestApp;
let dir: string;
const admin: Actor = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000001', role: 'admin', language: 'es' };
const vet: Actor = { kind: 'staff', userId: '00000000-0000-4000-8000-000000000002', role: 'veterinarian', language: 'es' };
/** The backup's notices on the staff dashboard (setup has its own there too). */
const notices = async (actor: Actor) =>
  (await t.platform.services['vet-clinic'].dashboard.notices(actor)).filter((n) => n.title === 'Copia de seguridad pendiente');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pf-backup-job-'));
  t = await createTestApp({ now: '2026-03-10T08:45:00Z', env: { BACKUP__DIR: dir } });
});

afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the nightly backup', () => {
  it('warns the admin, and /health tells, while there is no backup', async () => {
    const [notice] = await notices(admin);
    expect(notice).toMatchObject({ title: 'Copia de seguridad pendiente', items: [{ label: 'Todavía no hay ninguna copia de seguridad' }] });
    expect(await notices(vet)).toEqual([]);
    const health = json(await t.app.inject({ method: 'GET', url: '/health' }));
    expect(health.backup).toEqual({ ok: false, lastGood: null, lastFailure: null });
  });

  it('runs as a job, keeps the retention, and clears the warning until a day has passed', async () => {
    // Two months of older nightly backups already in the folder (empty files are enough for the retention).
    for (let day = 1; day <= 60; day++) await writeFile(join(dir, backupFileName(new Date(Date.UTC(2026, 2, 10 - day, 8, 45)), false)), '');
    await writeFile(join(dir, 'notes.txt'), 'not a backup');
    await t.platform.ctx.jobs.send('backup.nightly', {});
    expect(await t.platform.ctx.jobs.runReady(['backup.nightly'])).toBe(1);

    const left = (await readdir(dir)).sort();
    expect(left).toContain('notes.txt');
    expect(left).toContain('petfriendly-2026-03-10T08-45-00Z.tar.gz');
    // Today (a Tuesday) and six nights before; the Sundays ending the ISO weeks before, back to the fourth; the last of February and of January.
    expect(left.filter((n) => n !== 'notes.txt').map((n) => n.slice(12, 22))).toEqual([
      '2026-01-31',
      '2026-02-22',
      '2026-02-28',
      '2026-03-01',
      ...['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10'],
    ]);

    const health = json(await t.app.inject({ method: 'GET', url: '/health' }));
    expect(health.backup).toMatchObject({ ok: true, lastGood: { path: join(dir, 'petfriendly-2026-03-10T08-45-00Z.tar.gz') }, lastFailure: null });
    expect(health.backup.lastGood.bytes).toBeGreaterThan(1000);
    expect(await notices(admin)).toEqual([]);

    t.platform.clock.advance(27 * 3_600_000);
    const [late] = await notices(admin);
    expect(late!.items[0]!.label).toMatch(/^La última copia buena es del 10 .*mar/);
  });

  it('answers liveness always and readiness while the database does', async () => {
    expect(json(await t.app.inject({ method: 'GET', url: '/health/live' })).status).toBe('ok');
    const ready = await t.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(json(ready)).toMatchObject({ status: 'ok', database: { ok: true }, queue: { ok: true } });
  });
});
