import type { AppointmentsServices } from './services';

/** What billing uses of appointments: the services with their prices, a completed visit's bill, the day's schedule. */
export type BillableAppointmentsPort = {
  appointments: Pick<AppointmentsServices['appointments'], 'servicesByIds' | 'listServices' | 'getBillable'>;
  schedule: Pick<AppointmentsServices['schedule'], 'getDailySchedule'>;
};

/** What first-run setup uses: the catalogue (the first services) and a new vet's weekly hours. */
export type CataloguePort = {
  catalog: AppointmentsServices['catalog'];
  staffSchedule: Pick<AppointmentsServices['staffSchedule'], 'setWeeklyHours'>;
  settings: AppointmentsServices['settings'];
};

/** What the reports use: each vet's working hours (utilisation) and the service categories' names. */
export type ReportingSchedulePort = {
  staffSchedule: Pick<AppointmentsServices['staffSchedule'], 'hoursOf'>;
  catalog: Pick<AppointmentsServices['catalog'], 'listCategories'>;
};
