import type { PageContext } from '@petfriendly/ui';
import type { Dashboard } from './reports.schemas';

/** A translation function (`ctx.i18n.t(language)`, `page.t`). */
export type Translate = PageContext['t'];

/** A cell of an exported report: text, a count, or an amount of pesos (a decimal string). */
export type Cell = string | number | { money: string } | null;
export interface ReportTable {
  /** A short name (a spreadsheet's sheet). */
  key: string;
  title: string;
  head: string[];
  rows: Cell[][];
}

/** The dashboard as the tables every export writes: the compared figures first, then each breakdown. */
export function reportTables(d: Dashboard, t: Translate): ReportTable[] {
  const m = (money: string): Cell => ({ money });
  const compared = (label: string, f: { current: string | number; previous: string | number; lastYear: string | number }, money = false): Cell[] => [
    label,
    ...[f.current, f.previous, f.lastYear].map((v) => (money ? m(String(v)) : typeof v === 'string' ? Number(v) : v)),
  ];
  const items = (rows: Dashboard['topServices']) => rows.map((r) => [r.description, Number(r.quantity), m(r.net)]);
  return [
    {
      key: 'summary',
      title: t('reports:title'),
      head: [t('reports:col.figure'), t('reports:col.current'), t('reports:col.previous'), t('reports:col.lastYear')],
      rows: [
        [t('reports:period.label'), `${d.period.from} – ${d.period.to}`, `${d.previous.from} – ${d.previous.to}`, `${d.lastYear.from} – ${d.lastYear.to}`],
        compared(t('reports:card.revenue'), d.revenue, true),
        compared(t('reports:card.invoices'), d.invoices),
        compared(t('reports:card.averageTransaction'), d.averageTransaction, true),
        compared(t('reports:card.invoicesPerPatient'), d.invoicesPerPatient),
        compared(t('reports:card.newOwners'), d.newOwners),
        compared(t('reports:card.returningOwners'), d.returningOwners),
        compared(t('reports:card.booked'), d.appointments.booked),
        compared(t('reports:card.completed'), d.appointments.completed),
        compared(t('reports:card.noShows'), d.appointments.noShows),
        compared(t('reports:card.cancelled'), d.appointments.cancelled),
      ],
    },
    // A long period's revenue month by month, a shorter one's day by day.
    d.revenueByMonth.length > 0
      ? {
          key: 'months',
          title: t('reports:section.revenueByMonth'),
          head: [t('reports:col.month'), t('reports:col.revenue')],
          rows: d.revenueByMonth.map((r) => [r.month.slice(0, 7), m(r.net)]),
        }
      : {
          key: 'days',
          title: t('reports:section.revenueByDay'),
          head: [t('reports:col.day'), t('reports:col.revenue')],
          rows: d.revenueByDay.map((r) => [r.day, m(r.net)]),
        },
    {
      key: 'kinds',
      title: t('reports:section.productsVsServices'),
      head: [t('reports:col.name'), t('reports:col.revenue')],
      rows: (['service', 'product', 'other'] as const).map((k) => [t(`reports:kind.${k}`), m(d.revenueByKind[k])]),
    },
    {
      key: 'categories',
      title: t('reports:section.revenueByCategory'),
      head: [t('reports:col.name'), t('reports:col.revenue')],
      rows: d.revenueByCategory.map((c) => [c.name, m(c.net)]),
    },
    {
      key: 'vets',
      title: t('reports:section.revenueByVet'),
      head: [t('reports:col.vet'), t('reports:col.revenue')],
      rows: d.revenueByVet.map((v) => [v.name, m(v.net)]),
    },
    {
      key: 'utilisation',
      title: t('reports:section.utilisation'),
      head: [t('reports:col.vet'), t('reports:col.booked'), t('reports:col.working'), t('reports:col.percent')],
      rows: d.utilisation.map((u) => [u.name, u.bookedMinutes, u.workingMinutes, u.percent]),
    },
    {
      key: 'services',
      title: t('reports:section.topServices'),
      head: [t('reports:col.name'), t('reports:col.quantity'), t('reports:col.revenue')],
      rows: items(d.topServices),
    },
    {
      key: 'products',
      title: t('reports:section.topProducts'),
      head: [t('reports:col.name'), t('reports:col.quantity'), t('reports:col.revenue')],
      rows: items(d.topProducts),
    },
    {
      key: 'standing',
      title: `${t('reports:section.patients')} · ${t('reports:section.receivables')} · ${t('reports:section.inventory')}`,
      head: [t('reports:col.figure'), t('reports:col.current')],
      rows: [
        [t('reports:patients.active'), d.patients.active],
        [t('reports:patients.lapsing'), d.patients.lapsing],
        [t('reports:patients.lapsed'), d.patients.lapsed],
        [t('reports:section.compliance'), d.vaccineCompliance.rate],
        [t('reports:section.receivables'), m(d.receivables.open)],
        [t('reports:col.overdue'), m(d.receivables.overdue)],
        [t('reports:section.inventory'), m(d.inventory.value)],
      ],
    },
  ];
}
