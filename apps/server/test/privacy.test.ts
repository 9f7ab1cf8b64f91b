import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Actor, ConflictError, rows } from '@petfriendly/core';
import type { PrivacyServices } from '@petfriendly/privacy';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportClinic } from '../src/backup/export';
import { seedDemo } from '../src/demo/seed';
import { modules } from '../src/modules';

let platform: TestPlatform;
let dir: string;
let privacy: PrivacyServices;
type Owner = { id: string; name: string; email: string };
let owner: Owner;
let other: Owner;
let admin: Actor;

const asOwner = (o: Owner): Actor => ({ kind: 'owner', userId: o.id, language: 'es' });
const q = <T>(text: ReturnType<typeof sql>) => rows<T>(platform.ctx.db, text);

beforeAll(async () => {
  platform = await createTestPlatform(modules);
  await seedDemo(platform, { owners: 6, progress: false });
  await platform.ctx.events.dispatch();
  privacy = platform.services.privacy;
  // Two owners with pets and invoices, the first with the most invoices.
  const found = await q<Owner>(sql`select u.id, u.name, u.email from accounts.users u
    where exists (select 1 from vet_clinic.pets p where p.owner_id = u.id) and exists (select 1 from billing.invoices i where i.owner_id = u.id)
    order by (select count(*) from billing.invoices i where i.owner_id = u.id) desc, u.id limit 2`);
  [owner, other] = found as [Owner, Owner];
  const [a] = await q<{ id: string }>(sql`select id from accounts.users where role = 'admin' limit 1`);
  admin = { kind: 'staff', role: 'admin', userId: a!.id, language: 'es' };
  dir = await mkdtemp(join(tmpdir(), 'pf-privacy-test-'));
}, 240_000);

afterAll(async () => {
  await platform?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("an owner's data (ARCO access)", () => {
  it('holds their profile, pets and invoices, and nothing of another owner', async () => {
    const data = await privacy.privacy.myData(asOwner(owner));
    const pets = await q<{ id: number }>(sql`select id from vet_clinic.pets where owner_id = ${owner.id} order by id`);
    const invoices = await q<{ invoice_number: string }>(sql`select invoice_number from billing.invoices where owner_id = ${owner.id} order by id`);
    expect(data.profile).toEqual([expect.objectContaining({ name: owner.name, email: owner.email })]);
    expect(data.pets!.map((p) => p.id)).toEqual(pets.map((p) => p.id));
    expect(data.invoices!.map((i) => i.invoiceNumber)).toEqual(invoices.map((i) => i.invoice_number));
    expect(invoices.length).toBeGreaterThan(0);
    const json = JSON.stringify(data);
    expect(json).not.toContain(other.email);
    const otherPets = await q<{ id: number; name: string }>(sql`select id, name from vet_clinic.pets where owner_id = ${other.id}`);
    expect(data.pets!.some((p) => otherPets.some((o) => o.id === p.id))).toBe(false);
    for (const section of [
      'profile',
      'pets',
      'medicalRecords',
      'vaccinations',
      'appointments',
      'invoices',
      'orders',
      'messages',
      'consents',
      'consentForms',
      'loyalty',
    ]) {
      expect(data, section).toHaveProperty(section);
    }
  });

  it('reads as a PDF with their name and their pets', async () => {
    const pdf = await privacy.pdf(asOwner(owner));
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain(owner.name);
    const [pet] = await q<{ name: string }>(sql`select name from vet_clinic.pets where owner_id = ${owner.id} order by id limit 1`);
    expect(text).toContain(pet!.name);
    expect(text).not.toContain(other.email);
  });
});

describe('cancellation (ARCO)', () => {
  it('anonymises the owner everywhere but on the invoices, which stay whole', async () => {
    const invoicesBefore = await q(sql`select * from billing.invoices where owner_id = ${owner.id} order by id`);
    const request = await privacy.privacy.request(asOwner(owner), { kind: 'cancellation', details: 'Borren mis datos' });
    await expect(privacy.privacy.request(asOwner(owner), { kind: 'cancellation' })).rejects.toBeInstanceOf(ConflictError);
    expect(request.status).toBe('pending');
    expect(request.dueBy).toBe('2026-04-08'); // 20 business days after Tuesday 10 March 2026, Monday 16 March (Benito Juárez) a rest day

    // Two admins answering at once: one carries it out, the other is told it was answered.
    const answers = await Promise.allSettled([
      privacy.privacy.resolve(admin, request.id, { decision: 'done', outcome: 'Anonimizado' }),
      privacy.privacy.resolve(admin, request.id, { decision: 'done', outcome: 'Anonimizado' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    await platform.ctx.events.dispatch();

    expect(await q(sql`select * from billing.invoices where owner_id = ${owner.id} order by id`)).toEqual(invoicesBefore);
    expect(await q(sql`select 1 from accounts.sessions where user_id = ${owner.id}`)).toEqual([]);
    const [crm] = await q<{ marketing_consent: boolean; name: string }>(
      sql`select marketing_consent, name from crm.owner_profiles where owner_id = ${owner.id}`,
    );
    expect(crm).toEqual({ marketing_consent: false, name: `Titular anonimizado ${request.id}` });
    const texts = await q<{ content: string }>(
      sql`select m.content from omnichannel.messages m join omnichannel.conversations c on c.id = m.conversation_id where c.owner_id = ${owner.id}`,
    );
    expect(texts.every((m) => m.content === '')).toBe(true);

    const out = join(dir, 'after.zip');
    await exportClinic({ database: platform.ctx.database, storage: platform.storage, out });
    const zip = await JSZip.loadAsync(await readFile(out));
    const holding: Record<string, string[]> = {};
    for (const [name, entry] of Object.entries(zip.files)) {
      if (entry.dir || !name.startsWith('tables/')) continue;
      const text = await entry.async('string');
      const found = [owner.email, owner.name].filter((needle) => text.includes(needle));
      if (found.length) holding[name] = found;
    }
    // Only the invoices' fiscal data (the stamped CFDI's receptor, the fiscal profile) still names them.
    expect(Object.keys(holding).filter((f) => !['tables/billing/invoices.csv', 'tables/billing/fiscal_profiles.csv'].includes(f))).toEqual([]);
    expect(holding['tables/billing/invoices.csv'] ?? []).not.toContain(owner.email);
    // The other owner is untouched.
    const [still] = await q<{ name: string }>(sql`select name from accounts.users where id = ${other.id}`);
    expect(still!.name).toBe(other.name);
  }, 240_000);
});
