import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountsServices } from '@petfriendly/accounts';
import type { Invoice } from '@petfriendly/billing';
import type { Actor } from '@petfriendly/core';
import { addLocalDays, clinicToday, localDate, money } from '@petfriendly/core';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import type { VetClinicServices } from '@petfriendly/vet-clinic';
import { clinicalNotes, pets, visits } from '@petfriendly/vet-clinic/tables';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, seedDemo } from '../src/demo/seed';
import { modules } from '../src/modules';

let platform: TestPlatform;
let accounts: AccountsServices;
let vetClinic: VetClinicServices;

/** Signs in like a browser and turns the session cookie back into the actor the services see. */
async function signIn(email: string, password = 'petfriendly'): Promise<Actor> {
  const { cookies } = await accounts.identity.signIn({ email, password }, new Headers());
  expect(cookies.length).toBeGreaterThan(0);
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  const { actor } = await accounts.resolveActor(new Headers({ cookie }), 'es');
  return actor;
}

beforeAll(async () => {
  platform = await createTestPlatform(modules);
  accounts = platform.services.accounts;
  vetClinic = platform.services['vet-clinic'];
  await seedDemo(platform, { owners: 12, progress: false });
  // Two years of the desk's and the shop's past go through the services and every module's consumers.
}, 300_000);

afterAll(async () => {
  await platform?.close();
});

describe('demo seed', () => {
  it('lets every demo login sign in, with the right role', async () => {
    const roles: string[] = [];
    for (const login of DEMO_LOGINS) {
      const actor = await signIn(login.email, login.password);
      roles.push(actor.kind === 'staff' ? actor.role : actor.kind);
    }
    expect(roles).toEqual(['admin', 'veterinarian', 'receptionist', 'manager', 'accountant', 'owner']);
  });

  it('gives the veterinarian a full staff profile', async () => {
    const vet = await signIn('vet@petfriendly.mx');
    const staff = await accounts.users.listStaff(vet);
    const sofia = staff.find((s) => s.email === 'vet@petfriendly.mx')!;
    expect(sofia.name).toContain('Sofía Hernández');
    expect(sofia.title).toBe('MVZ');
    expect(sofia.licenseNumber).toMatch(/^\d{7,8}$/);
    expect(sofia.specialties!.length).toBeGreaterThan(0);
    expect(staff.filter((s) => s.role === 'veterinarian')).toHaveLength(3);
  });

  it('shows María her three pets, an overdue vaccination, visits, medications, an allergy and a weight trend', async () => {
    const maria = await signIn('maria@example.mx');
    const mine = await vetClinic.pets.getUserPets(maria);
    expect(mine.map((p) => p.name).sort()).toEqual(['Canela', 'Michi', 'Rocky']);

    const schedules = await Promise.all(mine.map(async (p) => ({ pet: p.name, due: await vetClinic.records.getVaccinationSchedule(p.id, maria) })));
    const all = schedules.flatMap((s) => s.due.map((d) => ({ ...d, pet: s.pet })));
    expect(all.some((d) => d.status === 'overdue')).toBe(true);
    expect(all.find((d) => d.pet === 'Rocky' && d.protocolCode === 'dog.rabies')?.status).toBe('overdue');
    const puppy = schedules.find((s) => s.pet === 'Canela')!.due.find((d) => d.protocolCode === 'dog.dhpp')!;
    expect(puppy).toMatchObject({ dose: 'primary', doseNumber: 3 });
    expect(puppy.status).not.toBe('overdue');

    const rocky = mine.find((p) => p.name === 'Rocky')!;
    const history = await vetClinic.records.getVisitHistory(rocky.id, maria, { pageSize: 50 });
    expect(history.items.length).toBeGreaterThanOrEqual(6);
    expect((await vetClinic.records.getAllergies(rocky.id, maria)).map((a) => a.allergen).join()).toMatch(/Pollo/);
    expect((await vetClinic.records.getMedications(rocky.id, maria)).some((m) => m.isCurrent)).toBe(true);
    const weights = (await vetClinic.pets.getWeightHistory(rocky.id, maria)).map((w) => Number(w.weightKg));
    expect(weights.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...weights) - Math.min(...weights)).toBeGreaterThan(2);
    expect(await vetClinic.travel.listTravelPlans(rocky.id, maria)).toHaveLength(1);
  });

  it("hands María's question about Rocky's vaccines from the assistant to the inbox, with its transcript", async () => {
    const vet = await signIn('vet@petfriendly.mx');
    const chat = platform.services['ai-assistant'].chat;
    const [handedOff] = (await chat.listConversations(vet, { handedOff: true })).items;
    expect(handedOff).toMatchObject({ ownerName: 'María Guadalupe López', channel: 'web' });
    const transcript = await chat.getTranscript(vet, handedOff!.id);
    expect(transcript.messages.flatMap((m) => m.toolCalls.map((c) => c.name))).toEqual(['list_user_pets', 'get_vaccination_status']);
    expect(transcript.messages.some((m) => m.content.includes('Rocky'))).toBe(true);
    const conversation = await platform.services.omnichannel.inbox.getConversation(vet, handedOff!.context.handoffConversationId!);
    expect(conversation.status).toBe('escalated');
  });

  it("finds pets by their owner's name for a veterinarian", async () => {
    const vet = await signIn('vet@petfriendly.mx');
    const found = await vetClinic.pets.searchPets(vet, { query: 'María Guadalupe López' });
    expect(found.items.map((p) => p.name)).toEqual(expect.arrayContaining(['Canela', 'Rocky', 'Michi']));

    const owners = await accounts.users.searchOwners(vet, { pageSize: 100 });
    expect(owners.items).toHaveLength(12);
    const other = owners.items.find((o) => o.email !== 'maria@example.mx')!;
    const theirs = await vetClinic.pets.getUserPets(vet, other.id);
    const byName = await vetClinic.pets.searchPets(vet, { query: other.name, pageSize: 100 });
    expect(theirs.length).toBeGreaterThan(0);
    expect(byName.items.map((p) => p.id)).toEqual(expect.arrayContaining(theirs.map((p) => p.id)));
    expect(byName.items.find((p) => p.ownerId === other.id)?.ownerName).toBe(other.name);
  });

  it('never shows internal notes to owners', async () => {
    const vet = await signIn('vet@petfriendly.mx');
    const withInternal = await platform.ctx.db
      .selectDistinct({ petId: visits.petId, ownerId: pets.ownerId })
      .from(clinicalNotes)
      .innerJoin(visits, eq(visits.id, clinicalNotes.visitId))
      .innerJoin(pets, eq(pets.id, visits.petId))
      .where(and(eq(clinicalNotes.isInternal, true)));
    expect(withInternal.length).toBeGreaterThan(0);
    for (const { petId, ownerId } of withInternal) {
      const staffView = await vetClinic.records.getVisitHistory(petId, vet, { includeInternal: true, pageSize: 100 });
      expect(staffView.items.flatMap((v) => v.notes).some((n) => n.isInternal)).toBe(true);
      const owner = (await accounts.users.getUser(vet, ownerId)) as { email: string };
      const ownerActor = await signIn(owner.email);
      const ownerView = await vetClinic.records.getVisitHistory(petId, ownerActor, { includeInternal: true, pageSize: 100 });
      expect(ownerView.items.length).toBe(staffView.items.length);
      expect(ownerView.items.flatMap((v) => v.notes).filter((n) => n.isInternal)).toEqual([]);
    }
  });

  it('gives the manager three competitors with half a year of prices, and one reading our shop', async () => {
    const manager = await signIn('gerencia@petfriendly.mx');
    const market = platform.services['competitive-intel'];
    const rivals = await market.competitors.getCompetitors(manager);
    expect(rivals.map((c) => c.name)).toHaveLength(3);
    const all = await market.competitors.compareAll(manager);
    const consult = all.find((c) => c.service === 'Consulta general')!;
    expect(consult.competitors).toHaveLength(3);
    expect(new Set(consult.history.map((h) => h.observedOn)).size).toBe(3);
    expect(await market.competitors.pricingOutliers(manager)).not.toEqual([]);
    const seen = await market.visitors.getCompetitorVisits(manager, { days: 1 });
    expect(seen.map((v) => v.network)).toEqual(['198.51.100.0/24', '198.51.100.0/24', '198.51.100.0/24']);
  });

  it('refuses to seed a database that already has users', async () => {
    await expect(seedDemo(platform, { owners: 5, progress: false })).rejects.toThrow(/empty database/);
  });

  it("builds the customer profiles from the demo's events: María with her pets, visits and churn risk; the demo segments counted", async () => {
    const desk = await signIn('recepcion@petfriendly.mx');
    const crm = platform.services.crm;
    await platform.ctx.events.dispatch();
    const [maria] = (await crm.customers.searchCustomers(desk, { query: 'maria@example.mx' })).items;
    const profile = await crm.customers.getProfile(desk, maria!.ownerId);
    expect(profile.pets?.map((p) => p.name).sort()).toEqual(['Canela', 'Michi', 'Rocky']);
    expect(profile.visitCount).toBeGreaterThan(3);
    expect(profile.lastVisitDate).not.toBeNull();
    expect(profile.churnRisk).not.toBeNull();
    const segments = await crm.segments.listSegments(desk);
    expect(segments.length).toBeGreaterThanOrEqual(4);
    const all = await crm.customers.searchCustomers(desk, { pageSize: 100 });
    expect(all.items).toHaveLength(12);
  });

  /** Every invoice the front desk and the shop made, through the billing service. */
  async function allInvoices(staff: Actor): Promise<Invoice[]> {
    const billing = platform.services.billing;
    const all: Invoice[] = [];
    for (let page = 1; ; page++) {
      const found = await billing.invoices.listInvoices(staff, { page, pageSize: 100 });
      all.push(...found.items);
      if (!found.hasNext) break;
    }
    return all;
  }

  it("shows two years of the desk's and the shop's sales on the dashboard, equal to the invoices' amounts before IVA", async () => {
    const manager = await signIn('gerencia@petfriendly.mx');
    await platform.ctx.events.dispatch();
    const today = clinicToday(platform.ctx.clock, platform.ctx.clinic.TIME_ZONE);
    const dashboard = await platform.services.reports.reports.dashboard(manager, {
      period: 'custom',
      from: addLocalDays(today, -365),
      to: addLocalDays(today, -1),
    });
    const invoices = (await allInvoices(manager)).filter((i) => i.issuedAt && i.kind !== 'global');
    const netIn = (p: { from: string; to: string }, paidOnly: boolean) => {
      const inPeriod = invoices.filter((i) => {
        const day = localDate(i.issuedAt!, platform.ctx.clinic.TIME_ZONE);
        return p.from <= day && day <= p.to && i.status !== 'cancelled' && i.status !== 'draft';
      });
      if (paidOnly) expect(inPeriod.filter((i) => i.status !== 'paid')).toEqual([]);
      return inPeriod.reduce((sum, i) => sum.plus(i.subtotal).minus(i.discountAmount), money(0)).toFixed(2);
    };
    // A year before last, everything issued was paid (or cancelled): last year's revenue is what was paid.
    expect(money(dashboard.revenue.lastYear).gt(0)).toBe(true);
    expect(dashboard.revenue.lastYear).toBe(netIn(dashboard.lastYear, true));
    expect(dashboard.revenue.current).toBe(netIn(dashboard.period, false));
    expect(money(dashboard.revenueByKind.service).gt(0) && money(dashboard.revenueByKind.product).gt(0)).toBe(true);
    expect(dashboard.revenueByVet.filter((v) => money(v.net).gt(0)).length).toBeGreaterThanOrEqual(2);
    expect(dashboard.appointments.completed.current).toBeGreaterThan(0);
    expect(dashboard.appointments.completed.lastYear).toBeGreaterThan(0);
    expect(dashboard.patients.active + dashboard.patients.lapsing + dashboard.patients.lapsed).toBeGreaterThan(0);
    expect(dashboard.patients.lapsed).toBeLessThan(dashboard.patients.active + dashboard.patients.lapsing + dashboard.patients.lapsed);
    // What is still owed is a handful of recent invoices, not the year's sales.
    expect(money(dashboard.receivables.open).lt(money(dashboard.revenue.current).div(10))).toBe(true);
  });

  const hledgerInstalled = spawnSync('hledger', ['--version']).status === 0;
  it.skipIf(!hledgerInstalled)('keeps two years of books from those events: a zero trial balance, and hledger agrees', async () => {
    const accountant = await signIn('contador@petfriendly.mx');
    await platform.ctx.events.dispatch();
    const books = platform.services.accounting;
    const today = clinicToday(platform.ctx.clock, platform.ctx.clinic.TIME_ZONE);
    const from = `${addLocalDays(today, -730).slice(0, 8)}01`;
    const trial = await books.statements.trialBalance(accountant, { from, to: today });
    expect(trial.totals.debit).toBe(trial.totals.credit);
    expect(trial.totals.closing).toBe('0.00');
    const pnl = await books.statements.profitAndLoss(accountant, { from, to: today });
    expect(money(pnl.revenue.total).gt(0)).toBe(true);

    const file = join(mkdtempSync(join(tmpdir(), 'demo-books-')), 'books.journal');
    writeFileSync(file, await books.statements.exportJournal(accountant, 'hledger'));
    const hledger = (...args: string[]) => execFileSync('hledger', ['-f', file, ...args], { encoding: 'utf8' });
    hledger('check', '--strict');
    const rows = hledger('bal', '--flat', '-N', '-O', 'csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => [...line.matchAll(/"([^"]*)"/g)].map((m) => m[1]!));
    const theirs = Object.fromEntries(
      rows.map(([name, value]) => [name!.split(':').at(-1)!.split(' ')[0]!, money(value!.replace(/ MXN$/, '').replace(/,/g, '')).toFixed(2)]),
    );
    const ours = Object.fromEntries(trial.rows.filter((r) => !r.isGroup && r.closing !== '0.00').map((r) => [r.code, r.closing]));
    expect(theirs).toEqual(ours);
    // Months of the two years each have their revenue.
    const months = hledger('is', '-M', '-b', from, '-O', 'csv');
    expect(months.split('\n')[0]!.split(',').length).toBeGreaterThan(20);
  });

  it('gives owners who paid a lifetime value in their profile and points for it', async () => {
    const desk = await signIn('recepcion@petfriendly.mx');
    await platform.ctx.events.dispatch();
    const today = clinicToday(platform.ctx.clock, platform.ctx.clinic.TIME_ZONE);
    const recent = (await allInvoices(desk)).find(
      (i) => i.status === 'paid' && i.ownerId && !i.orderId && localDate(i.paidAt!, platform.ctx.clinic.TIME_ZONE) >= addLocalDays(today, -200),
    );
    expect(recent).toBeDefined();
    const profile = await platform.services.crm.customers.getProfile(desk, recent!.ownerId!);
    expect(money(profile.lifetimeValue).gte(recent!.total)).toBe(true);
    expect(profile.visitCount).toBeGreaterThan(0);
    expect(await platform.services.loyalty.loyalty.getPointsBalance(desk, recent!.ownerId!)).toBeGreaterThan(0);
  });
});
