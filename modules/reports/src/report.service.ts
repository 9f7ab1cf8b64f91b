import type { AccountsPort } from '@petfriendly/accounts';
import type { ReportingSchedulePort } from '@petfriendly/appointments';
import { type Actor, clinicToday, type ModuleContext, money, parseInput, requireStaff, type StaffRole } from '@petfriendly/core';
import type { StoreReportingPort } from '@petfriendly/store';
import { appointmentFigures, type Filters, invoiceFigures, salesFigures, salesTotal, topItems } from './figures';
import { comparisons, daysOf, type Period, resolvePeriod } from './period';
import { type Dashboard, reportQuerySchema } from './reports.schemas';
import type { ReportsSettings } from './reports.settings';
import { inventoryValue, patientStanding, receivables, vaccineCompliance } from './standing';

/** Who reads the business's figures. */
export const REPORT_READERS: readonly StaffRole[] = ['manager', 'admin'];

export interface ReportDeps {
  accounts: AccountsPort;
  appointments: ReportingSchedulePort;
  store: StoreReportingPort;
}

const ratio = (a: number, b: number) => (b === 0 ? '0.00' : money(a).div(b).toFixed(2));

/** One period's figures that are compared with other periods. */
async function periodFigures(ctx: ModuleContext, p: Period, f: Filters) {
  const [revenue, invoices, appointments] = await Promise.all([salesTotal(ctx.db, p, f), invoiceFigures(ctx.db, p, f), appointmentFigures(ctx.db, p, f)]);
  const sum = (key: 'booked' | 'completed' | 'cancelled' | 'noShows') => appointments.reduce((n, r) => n + r[key], 0);
  return {
    appointments,
    revenue,
    invoices: invoices.invoices,
    averageTransaction: invoices.invoices === 0 ? '0.00' : money(invoices.gross).div(invoices.invoices).toFixed(2),
    invoicesPerPatient: ratio(invoices.withPatient, invoices.patients),
    newOwners: invoices.newOwners,
    returningOwners: invoices.owners - invoices.newOwners,
    booked: sum('booked'),
    completed: sum('completed'),
    cancelled: sum('cancelled'),
    noShows: sum('noShows'),
  };
}
type PeriodFigures = Awaited<ReturnType<typeof periodFigures>>;

/**
 * The manager's figures for a period, against the period before and the same days a year before, from
 * the reports' daily sums; names, working hours and expiring batches through the owning modules' ports.
 */
export function createReportService(ctx: ModuleContext, deps: ReportDeps, settings: ReportsSettings) {
  const today = () => clinicToday(ctx.clock, ctx.clinic.TIME_ZONE);

  /** Minutes each vet works in a period by their weekly hours, less their days off. */
  async function workingMinutes(actor: Actor, vetIds: string[], p: Period) {
    const schedules = await deps.appointments.staffSchedule.hoursOf(actor, vetIds);
    const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    const days = daysOf(p).map((day) => ({ day, weekday: (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7 }));
    return new Map(
      vetIds.map((vetId) => {
        const schedule = schedules.get(vetId) ?? { hours: [], daysOff: [] };
        let total = 0;
        for (const { day, weekday } of days) {
          if (schedule.daysOff.some((off) => off.startDate <= day && day <= off.endDate)) continue;
          for (const h of schedule.hours) if (h.weekday === weekday) total += minutesOf(h.end) - minutesOf(h.start);
        }
        return [vetId, total];
      }),
    );
  }

  async function categoryNames(actor: Actor) {
    const t = ctx.i18n.t(actor.language);
    const [services, products] = await Promise.all([
      deps.appointments.catalog.listCategories(actor, { includeRetired: true }),
      deps.store.categories.listTree(actor, { includeRetired: true }),
    ]);
    const names = new Map<string, string>([
      ...services.map((c) => [`service:${c.id}`, c.name] as const),
      ...products.map((c) => [`product:${c.id}`, c.name] as const),
    ]);
    return (kind: string, categoryId: number) => names.get(`${kind}:${categoryId}`) ?? t(`reports:kind.${kind}`);
  }

  /** The dashboard: every figure of the list for the period and filters asked. */
  async function dashboard(actor: Actor, query: unknown = {}): Promise<Dashboard> {
    requireStaff(actor, REPORT_READERS);
    const q = parseInput(reportQuerySchema, query);
    const day = today();
    const period = resolvePeriod(q.period, day, q);
    const { previous, lastYear } = comparisons(q.period, period);
    const filters: Filters = { vetId: q.vet, category: q.category };
    const t = ctx.i18n.t(actor.language);

    const [sales, now, before, yearAgo, topServices, topProducts, compliance, patients, owed, stock, expiring, vets, nameOf] = await Promise.all([
      salesFigures(ctx.db, period, filters),
      periodFigures(ctx, period, filters),
      periodFigures(ctx, previous, filters),
      periodFigures(ctx, lastYear, filters),
      topItems(ctx.db, period, filters, 'service', 5),
      topItems(ctx.db, period, filters, 'product', 5),
      vaccineCompliance(ctx.db, period, day),
      patientStanding(ctx.db, day, settings.ACTIVE_DAYS, settings.LAPSED_DAYS),
      receivables(ctx.db, day),
      inventoryValue(ctx.db),
      deps.store.inventory.getExpiringProducts(actor, settings.EXPIRY_DAYS),
      deps.accounts.directory.staffWithRoles(['veterinarian']),
      categoryNames(actor),
    ]);

    const vetIds = [...new Set([...vets.map((v) => v.id), ...now.appointments.map((a) => a.vetId), ...sales.byVet.map((v) => v.vetId)])].filter(Boolean);
    const names = await deps.accounts.directory.namesOf(vetIds);
    const vetName = (id: string) => (id ? (names.get(id) ?? id) : t('reports:noVet'));
    const shownVets = q.vet ? vetIds.filter((id) => id === q.vet) : vets.map((v) => v.id);
    const working = await workingMinutes(actor, shownVets, period);
    const utilisation = shownVets.map((vetId) => {
      const bookedMinutes = now.appointments.find((a) => a.vetId === vetId)?.minutes ?? 0;
      const workingMinutes = working.get(vetId) ?? 0;
      return {
        vetId,
        name: vetName(vetId),
        bookedMinutes,
        workingMinutes,
        percent: workingMinutes === 0 ? null : Math.round((bookedMinutes / workingMinutes) * 1000) / 10,
      };
    });

    const compare = <K extends keyof PeriodFigures>(key: K) => ({ current: now[key], previous: before[key], lastYear: yearAgo[key] });
    const byKind = (kinds: string[]) =>
      sales.byCategory
        .filter((c) => kinds.includes(c.kind))
        .reduce((s, c) => s.plus(c.net), money(0))
        .toFixed(2);
    return {
      period: { ...period, kind: q.period },
      previous,
      lastYear,
      filters: { vet: q.vet ?? null, category: q.category ?? null },
      revenue: compare('revenue'),
      revenueByKind: { service: byKind(['service']), product: byKind(['product']), other: byKind(['shipping', 'other', 'sales']) },
      revenueByVet: sales.byVet.map((v) => ({ key: v.vetId, name: vetName(v.vetId), net: v.net })),
      revenueByCategory: sales.byCategory.map((c) => ({ key: `${c.kind}:${c.categoryId}`, name: nameOf(c.kind, c.categoryId), net: c.net })),
      revenueByDay: sales.byDay,
      revenueByMonth: sales.byMonth,
      invoices: compare('invoices'),
      averageTransaction: compare('averageTransaction'),
      invoicesPerPatient: compare('invoicesPerPatient'),
      newOwners: compare('newOwners'),
      returningOwners: compare('returningOwners'),
      appointments: { booked: compare('booked'), completed: compare('completed'), cancelled: compare('cancelled'), noShows: compare('noShows') },
      utilisation,
      vaccineCompliance: compliance,
      patients,
      topServices,
      topProducts,
      receivables: owed,
      inventory: {
        ...stock,
        expiringSoon: expiring.slice(0, 10).map((b) => ({ name: b.name, batchNumber: b.batchNumber, expiryDate: b.expiryDate!, quantity: b.quantity })),
      },
      options: {
        vets: vetIds.map((id) => ({ id, name: vetName(id) })),
        categories: sales.byCategory.map((c) => ({ key: `${c.kind}:${c.categoryId}`, name: nameOf(c.kind, c.categoryId) })),
      },
    };
  }

  return { dashboard, today };
}

export type ReportService = ReturnType<typeof createReportService>;
