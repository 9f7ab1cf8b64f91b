import { accountsModule } from '@petfriendly/accounts';
import { OwnerFactory, StaffFactory } from '@petfriendly/accounts/testing';
import { type AppointmentsServices, appointmentsModule } from '@petfriendly/appointments';
import { ServiceFactory } from '@petfriendly/appointments/testing';
import { type BillingServices, billingModule } from '@petfriendly/billing';
import { type LocalDate, localDate, localMailer, money, outbox } from '@petfriendly/core';
import { multilingualModule } from '@petfriendly/multilingual';
import { omnichannelModule } from '@petfriendly/omnichannel';
import { type StoreServices, storeModule } from '@petfriendly/store';
import { ProductFactory } from '@petfriendly/store/testing';
import { createTestPlatform, type TestPlatform } from '@petfriendly/testing';
import { type VetClinicServices, vetClinicModule } from '@petfriendly/vet-clinic';
import { PetFactory } from '@petfriendly/vet-clinic/testing';
import { parse } from 'csv-parse/sync';
import { asc } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportsModule } from '../src/index';
import type { ReportsServices } from '../src/services';

// Tuesday 10 March 2026, 10:00 in Mexico City.
let platform: TestPlatform;
let reports: ReportsServices;
let billing: BillingServices;
let appointments: AppointmentsServices;
let store: StoreServices;
let vetClinic: VetClinicServices;
let manager: Awaited<ReturnType<typeof StaffFactory>>;
let desk: Awaited<ReturnType<typeof StaffFactory>>;
let vetA: Awaited<ReturnType<typeof StaffFactory>>;
let vetB: Awaited<ReturnType<typeof StaffFactory>>;

const TZ = 'America/Mexico_City';
type Outboxed = { name: string; payload: any; occurredAt: Date };

/** Every event as written, in commit order: the raw history the figures are checked against. */
async function rawEvents(): Promise<Outboxed[]> {
  return platform.ctx.db.select({ name: outbox.name, payload: outbox.payload, occurredAt: outbox.occurredAt }).from(outbox).orderBy(asc(outbox.position));
}

/** The period's figures computed another way: straight from the raw events, in plain code. */
function fromEvents(events: Outboxed[], from: LocalDate, to: LocalDate) {
  const cancelled = new Set(events.filter((e) => e.name === 'billing.invoice_cancelled').map((e) => e.payload.invoiceId));
  const issued = events.filter((e) => e.name === 'billing.invoice_issued' && e.payload.kind === 'standard' && !cancelled.has(e.payload.invoiceId));
  const inPeriod = issued.filter((e) => e.payload.date >= from && e.payload.date <= to);
  const lines = inPeriod.flatMap((e) => e.payload.breakdown.lines as { kind: string; base: string }[]);
  const net = (kind?: string) =>
    lines
      .filter((l) => !kind || l.kind === kind)
      .reduce((s, l) => s.plus(l.base), money(0))
      .toFixed(2);
  const gross = inPeriod.reduce((s, e) => s.plus(e.payload.total), money(0));
  const firstDay = new Map<string, string>();
  for (const e of issued) if (!firstDay.has(e.payload.ownerId)) firstDay.set(e.payload.ownerId, e.payload.date);
  const owners = new Set(inPeriod.map((e) => e.payload.ownerId as string));
  const newOwners = [...owners].filter((o) => firstDay.get(o)! >= from).length;
  // Appointments by the day they are on, in their last state.
  const state = new Map<number, { day: string; status: string }>();
  for (const e of events) {
    const p = e.payload;
    const day = p.startsAt ? localDate(new Date(p.startsAt), TZ) : '';
    if (e.name === 'appointments.appointment_booked') state.set(p.appointmentId, { day, status: 'booked' });
    if (e.name === 'appointments.appointment_rescheduled') state.get(p.appointmentId)!.day = day;
    if (e.name === 'appointments.appointment_completed') state.get(p.appointmentId)!.status = 'completed';
    if (e.name === 'appointments.appointment_cancelled') state.get(p.appointmentId)!.status = 'cancelled';
    if (e.name === 'appointments.appointment_no_show') state.get(p.appointmentId)!.status = 'no_show';
  }
  const onDays = [...state.values()].filter((a) => a.day >= from && a.day <= to);
  // What is still owed: each issued invoice's last balance.
  const balance = new Map<number, string>();
  for (const e of events) {
    if (e.name === 'billing.invoice_issued' && e.payload.kind === 'standard') balance.set(e.payload.invoiceId, e.payload.total);
    if (e.name === 'billing.payment_received' || e.name === 'billing.payment_refunded') balance.set(e.payload.invoiceId, e.payload.balance);
  }
  for (const id of cancelled) balance.delete(id);
  return {
    revenue: net(),
    services: net('service'),
    products: net('product'),
    invoices: inPeriod.length,
    averageTransaction: inPeriod.length ? gross.div(inPeriod.length).toFixed(2) : '0.00',
    newOwners,
    returningOwners: owners.size - newOwners,
    booked: onDays.length,
    completed: onDays.filter((a) => a.status === 'completed').length,
    cancelled: onDays.filter((a) => a.status === 'cancelled').length,
    noShows: onDays.filter((a) => a.status === 'no_show').length,
    receivable: [...balance.values()].reduce((s, b) => s.plus(b), money(0)).toFixed(2),
  };
}

async function deskSale(ownerId: string, petId: number | undefined, productId: number, quantity: number, pay: boolean) {
  const draft = await billing.invoices.createManual(desk.actor, { ownerId, ...(petId ? { petId } : {}) });
  await billing.invoices.addLine(desk.actor, draft.id, { productId, quantity });
  const invoice = await billing.invoices.issueInvoice(desk.actor, draft.id);
  if (pay) await billing.payments.recordPayment(desk.actor, invoice.id, { amount: invoice.total, method: 'cash' });
  return invoice;
}

beforeAll(async () => {
  platform = await createTestPlatform([
    accountsModule,
    vetClinicModule,
    omnichannelModule,
    appointmentsModule,
    multilingualModule,
    storeModule,
    billingModule,
    reportsModule,
  ]);
  reports = platform.services.reports;
  billing = platform.services.billing;
  appointments = platform.services.appointments;
  store = platform.services.store;
  vetClinic = platform.services['vet-clinic'];
  manager = await StaffFactory(platform, 'manager');
  desk = await StaffFactory(platform, 'receptionist');
  vetA = await StaffFactory(platform, 'veterinarian');
  vetB = await StaffFactory(platform, 'veterinarian');
  // Both vets work Monday to Friday, 09:00–15:00 (360 minutes a day).
  const hours = { weekdays: [0, 1, 2, 3, 4], hours: [{ start: '09:00', end: '15:00' }] };
  const consult = await ServiceFactory(platform, { staffIds: [vetA.user.id], durationMinutes: 60, ...hours });
  const grooming = await ServiceFactory(platform, { staffIds: [vetB.user.id], durationMinutes: 30, ...hours });
  // Croquetas at $116.00 with IVA, 10 received at $50.00; 4 vaccines at $25.00 expire in a month.
  const product = await ProductFactory(platform, { price: '116.00', stock: 0 });
  await store.inventory.receiveStock(manager.actor, { productId: product.id, quantity: 10, costPerUnit: '50.00' });
  const vaccine = await ProductFactory(platform, { price: '300.00', stock: 0 });
  await store.inventory.receiveStock(manager.actor, { productId: vaccine.id, quantity: 4, costPerUnit: '25.00', expiryDate: '2026-04-05' });

  const [ana, beto, caro] = [await OwnerFactory(platform), await OwnerFactory(platform), await OwnerFactory(platform)];
  const [anaPet, betoPet, caroPet] = [await PetFactory(platform, ana.actor), await PetFactory(platform, beto.actor), await PetFactory(platform, caro.actor)];

  // A year before: Beto buys one bag. The month before: Ana buys two.
  platform.clock.set('2025-03-05T17:00:00Z');
  await deskSale(beto.user.id, betoPet.id, product.id, 1, true);
  platform.clock.set('2026-02-05T17:00:00Z');
  await deskSale(ana.user.id, anaPet.id, product.id, 2, true);

  // Today: Ana (returning) is seen by vet A at 11:00 and pays; Caro (new) misses her 12:00 with vet B,
  // cancels Thursday's, and buys three bags on account; a sale made in error is cancelled.
  platform.clock.set('2026-03-10T16:00:00Z');
  const book = (petId: number, date: string, time: string, serviceType: string) =>
    appointments.appointments.bookAppointment(desk.actor, { petId, date, time, serviceType, createdVia: 'phone' });
  const seen = await book(anaPet.id, '2026-03-10', '11:00', consult.slug);
  await appointments.schedule.checkInPatient(seen.id, desk.actor);
  await appointments.schedule.completeAppointment(seen.id, vetA.actor);
  const bill = await billing.invoices.createFromAppointment(desk.actor, seen.id);
  await billing.invoices.issueInvoice(desk.actor, bill.id);
  await billing.payments.recordPayment(desk.actor, bill.id, { amount: '450.00', method: 'cash' });
  const missed = await book(caroPet.id, '2026-03-10', '12:00', grooming.slug);
  await appointments.schedule.markNoShow(missed.id, desk.actor);
  const thursday = await book(caroPet.id, '2026-03-12', '10:00', grooming.slug);
  await appointments.appointments.cancelAppointment(thursday.id, desk.actor, { reason: 'Viaje' });
  await book(caroPet.id, '2026-03-13', '10:00', grooming.slug);
  await deskSale(caro.user.id, caroPet.id, product.id, 3, false);
  const mistake = await deskSale(beto.user.id, undefined, product.id, 1, false);
  await billing.invoices.cancelInvoice(desk.actor, mistake.id, { motive: '02' });
  await platform.ctx.events.dispatch();
}, 60_000);
afterAll(async () => platform?.close());

describe('the dashboard', () => {
  it("equals this month's figures computed from the raw events, against last month and last year", async () => {
    const events = await rawEvents();
    const d = await reports.reports.dashboard(manager.actor, { period: 'month' });
    expect(d.period).toEqual({ from: '2026-03-01', to: '2026-03-10', kind: 'month' });
    expect(d.previous).toEqual({ from: '2026-02-01', to: '2026-02-10' });
    expect(d.lastYear).toEqual({ from: '2025-03-01', to: '2025-03-10' });

    for (const [which, p] of [
      ['current', d.period],
      ['previous', d.previous],
      ['lastYear', d.lastYear],
    ] as const) {
      const raw = fromEvents(events, p.from, p.to);
      expect(d.revenue[which], which).toBe(raw.revenue);
      expect(d.invoices[which], which).toBe(raw.invoices);
      expect(d.averageTransaction[which], which).toBe(raw.averageTransaction);
      expect(d.newOwners[which], which).toBe(raw.newOwners);
      expect(d.returningOwners[which], which).toBe(raw.returningOwners);
      expect(d.appointments.booked[which], which).toBe(raw.booked);
      expect(d.appointments.completed[which], which).toBe(raw.completed);
      expect(d.appointments.cancelled[which], which).toBe(raw.cancelled);
      expect(d.appointments.noShows[which], which).toBe(raw.noShows);
    }
    const raw = fromEvents(events, d.period.from, d.period.to);
    expect(d.revenueByKind).toMatchObject({ service: raw.services, product: raw.products });
    expect(d.receivables.open).toBe(raw.receivable);
  });

  it('adds up by hand', async () => {
    const d = await reports.reports.dashboard(manager.actor, { period: 'month' });
    // The consultation $450.00 → $387.93 before IVA; three bags $348.00 → $300.00. The cancelled bag is gone.
    expect(d.revenue).toEqual({ current: '687.93', previous: '200.00', lastYear: '100.00' });
    expect(d.revenueByKind).toEqual({ service: '387.93', product: '300.00', other: '0.00' });
    expect(d.invoices.current).toBe(2);
    expect(d.averageTransaction.current).toBe('399.00');
    expect(d.invoicesPerPatient.current).toBe('1.00');
    expect(d.newOwners.current).toBe(1);
    expect(d.returningOwners.current).toBe(1);
    expect(d.revenueByVet).toEqual([
      { key: vetA.user.id, name: vetA.user.name, net: '387.93' },
      { key: '', name: 'Sin veterinario', net: '300.00' },
    ]);
    // The month so far holds today's two appointments; the whole week also Thursday's (cancelled) and Friday's.
    expect([d.appointments.booked.current, d.appointments.completed.current, d.appointments.noShows.current]).toEqual([2, 1, 1]);
    const week = await reports.reports.dashboard(manager.actor, { period: 'custom', from: '2026-03-09', to: '2026-03-15' });
    expect([week.appointments.booked.current, week.appointments.cancelled.current]).toEqual([4, 1]);
    expect(d.topServices).toHaveLength(1);
    expect(d.topProducts[0]).toMatchObject({ quantity: '3.00', net: '300.00' });
    // Caro's three bags on account are owed.
    expect(d.receivables).toMatchObject({ open: '348.00', openInvoices: 1 });
    // 10 bags received − 1 − 2 − 3 sold (the cancelled sale's bag came back) = 4 left at $50.00, and 4 vaccines at $25.00.
    expect(d.inventory).toMatchObject({ value: '300.00', units: 8 });
    expect(d.inventory.expiringSoon).toEqual([expect.objectContaining({ expiryDate: '2026-04-05', quantity: 4 })]);
    // Three patients seen within the year (registered today, so active).
    expect(d.patients).toEqual({ active: 3, lapsing: 0, lapsed: 0 });
  });

  it("measures each vet's utilisation against the schedule's hours", async () => {
    const d = await reports.reports.dashboard(manager.actor, { period: 'today' });
    const a = d.utilisation.find((u) => u.vetId === vetA.user.id)!;
    const b = d.utilisation.find((u) => u.vetId === vetB.user.id)!;
    // Vet A's 60-minute consultation in a 360-minute day; vet B's no-show still held 30 minutes of it.
    expect(a).toMatchObject({ bookedMinutes: 60, workingMinutes: 360, percent: 16.7 });
    expect(b).toMatchObject({ bookedMinutes: 30, workingMinutes: 360, percent: 8.3 });
  });

  it('filters by vet and by category', async () => {
    const onlyA = await reports.reports.dashboard(manager.actor, { period: 'month', vet: vetA.user.id });
    expect(onlyA.revenue.current).toBe('387.93');
    expect(onlyA.appointments.booked.current).toBe(1);
    const all = await reports.reports.dashboard(manager.actor, { period: 'month' });
    const products = all.revenueByCategory.find((c) => c.key.startsWith('product:'))!;
    const byCategory = await reports.reports.dashboard(manager.actor, { period: 'month', category: products.key });
    expect(byCategory.revenue).toMatchObject({ current: '300.00', previous: '200.00' });
    expect(byCategory.topServices).toEqual([]);
  });

  it('is for managers and admins only, and refuses a custom period without its days', async () => {
    await expect(reports.reports.dashboard(desk.actor, {})).rejects.toMatchObject({ statusCode: 403 });
    await expect(reports.reports.dashboard(vetA.actor, {})).rejects.toMatchObject({ statusCode: 403 });
    await expect(reports.reports.dashboard(manager.actor, { period: 'custom', from: '2026-03-10' })).rejects.toMatchObject({ statusCode: 422 });
    const custom = await reports.reports.dashboard(manager.actor, { period: 'custom', from: '2026-02-01', to: '2026-02-28' });
    expect(custom.revenue.current).toBe('200.00');
  });
});

describe('the exports', () => {
  it('writes a CSV that parses back to the dashboard figures', async () => {
    const file = await reports.exports.exportDashboard(manager.actor, 'csv', { period: 'month' });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.filename).toBe('tablero-del-negocio-2026-03-01-2026-03-10.csv');
    const rows: string[][] = parse(file.body, { bom: true, relax_column_count: true, skip_empty_lines: true });
    expect(rows[0]).toEqual(['Tablero del negocio']);
    expect(rows[1]).toEqual(['Indicador', 'Periodo', 'Anterior', 'Año pasado']);
    expect(rows.find((r) => r[0] === 'Ingresos (sin IVA)')).toEqual(['Ingresos (sin IVA)', '687.93', '200.00', '100.00']);
    expect(rows.find((r) => r[0] === 'Facturas')).toEqual(['Facturas', '2', '1', '1']);
    const byVet = rows.findIndex((r) => r[0] === 'Ingresos por veterinario');
    expect(rows[byVet + 2]).toEqual([vetA.user.name, '387.93']);
  });

  it('writes an XLSX workbook that a spreadsheet reader opens, with amounts as numbers', async () => {
    const file = await reports.exports.exportDashboard(manager.actor, 'xlsx', { period: 'month' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const summary = book.getWorksheet('Tablero del negocio')!;
    const revenue = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Ingresos (sin IVA)')!;
    expect([revenue.getCell(2).value, revenue.getCell(3).value, revenue.getCell(4).value]).toEqual([687.93, 200, 100]);
    expect(revenue.getCell(2).numFmt).toBe('"$"#,##0.00');
    const products = book.getWorksheet('Productos más vendidos')!;
    expect(products.getRow(2).values).toEqual([undefined, expect.stringContaining('Producto'), 3, 300]);
  });

  it('writes a PDF whose text holds the figures in pesos', async () => {
    const file = await reports.exports.exportDashboard(manager.actor, 'pdf', { period: 'month' }, { compress: false });
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: new Uint8Array(file.body) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('Tablero del negocio');
    expect(text).toMatch(/Ingresos \(sin IVA\)\s+\$687\.93\s+\$200\.00\s+\$100\.00/);
    expect(text).toContain(vetA.user.name);
  });
});

describe('the Monday report and the assistant', () => {
  it("mails last week's figures to every manager, in their language, with a link to the dashboard", async () => {
    platform.clock.set('2026-03-16T13:00:00Z'); // Monday 16 March, 07:00 in Mexico City
    try {
      expect(await reports.mailing.sendWeeklySummary()).toBe(1);
    } finally {
      platform.clock.set('2026-03-10T16:00:00Z');
    }
    const [mail] = await localMailer(platform.ctx.db).sentTo(manager.user.email);
    expect(mail!.subject).toContain('2026-03-09 – 2026-03-15');
    // The week's revenue: the consultation and the three bags, before IVA.
    expect(mail!.text).toContain('Ingresos (sin IVA): $687.93');
    expect(mail!.text).toContain('/admin/dashboard?period=custom&from=2026-03-09&to=2026-03-15');
    expect(await localMailer(platform.ctx.db).sentTo(desk.user.email)).toEqual([]);
  });

  it('answers "how did we do this week" and "top services" from the report service, for managers only', async () => {
    const week = await platform.ctx.tools.executeTool('reports_how_did_we_do', { period: 'week' }, manager.actor);
    expect(week).toMatchObject({
      ok: true,
      data: { period: { from: '2026-03-09', to: '2026-03-10' }, revenue: { current: '687.93' }, invoices: { current: 2 } },
    });
    const top = await platform.ctx.tools.executeTool('reports_top_services', {}, manager.actor);
    expect(top).toMatchObject({ ok: true, data: { topServices: [{ net: '387.93', quantity: '1.00' }], topProducts: [{ net: '300.00' }] } });
    const refused = await platform.ctx.tools.executeTool('reports_how_did_we_do', {}, desk.actor);
    expect(refused).toMatchObject({ ok: false });
  });
});

describe('vaccine compliance', () => {
  it('counts the vaccines due in a period that were given within 30 days of their due date', async () => {
    const owner = await OwnerFactory(platform);
    const [onTime, late, missed] = [await PetFactory(platform, owner.actor), await PetFactory(platform, owner.actor), await PetFactory(platform, owner.actor)];
    const give = (petId: number, administeredDate: string, nextDueDate?: string) =>
      vetClinic.records.addVaccination(
        petId,
        { vaccineName: 'Rabia', protocolCode: 'rabia', administeredDate, ...(nextDueDate ? { nextDueDate } : {}) },
        vetA.actor,
      );
    // Due in January: one given 15 days late, one 40 days late, one never.
    await give(onTime.id, '2025-01-05', '2026-01-05');
    await give(onTime.id, '2026-01-20', '2027-01-20');
    await give(late.id, '2025-01-10', '2026-01-10');
    await give(late.id, '2026-02-19', '2027-02-19');
    await give(missed.id, '2025-01-12', '2026-01-12');
    await platform.ctx.events.dispatch();
    const january = await reports.reports.dashboard(manager.actor, { period: 'custom', from: '2026-01-01', to: '2026-01-31' });
    expect(january.vaccineCompliance).toEqual({ due: 3, onTime: 1, rate: 33.3 });
    // Next year's doses are not due yet: nothing to count.
    const now = await reports.reports.dashboard(manager.actor, { period: 'month' });
    expect(now.vaccineCompliance).toEqual({ due: 0, onTime: 0, rate: null });
  });
});

describe('under concurrency', () => {
  it('keeps the daily sums equal to the raw events when sales race and two dispatchers run at once', async () => {
    const owner = await OwnerFactory(platform);
    const bag = await ProductFactory(platform, { price: '58.00', stock: 50 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => deskSale(owner.user.id, undefined, bag.id, 1 + (i % 3), i % 2 === 0)));
    await Promise.all([platform.ctx.events.dispatch(), platform.ctx.events.dispatch()]);
    const d = await reports.reports.dashboard(manager.actor, { period: 'today' });
    const raw = fromEvents(await rawEvents(), '2026-03-10', '2026-03-10');
    expect([d.revenue.current, d.invoices.current, d.averageTransaction.current]).toEqual([raw.revenue, raw.invoices, raw.averageTransaction]);
    expect(d.receivables.open).toBe(raw.receivable);
  });
});
