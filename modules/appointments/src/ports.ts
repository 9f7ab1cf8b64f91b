import type { AppointmentsServices } from './services';

/** What billing uses of appointments: the services with their prices, a completed visit's bill, the day's schedule. */
export type BillableAppointmentsPort = {
  appointments: Pick<AppointmentsServices['appointments'], 'servicesByIds' | 'listServices' | 'getBillable'>;
  schedule: Pick<AppointmentsServices['schedule'], 'getDailySchedule'>;
};
