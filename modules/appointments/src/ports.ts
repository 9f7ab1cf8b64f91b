import type { StaffActor } from '@petfriendly/core';
import type { PageContext } from '@petfriendly/ui';
import type { Child } from 'hono/jsx';
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

/** What the market watch uses: our services and their prices (IVA included). */
export type PriceListPort = {
  appointments: Pick<AppointmentsServices['appointments'], 'servicesByIds' | 'listServices'>;
};

/** A panel another module adds to a service's edit page (the market's prices for it); null shows nothing. */
export type ServicePanel = (page: PageContext, actor: StaffActor, serviceTypeId: number) => Promise<Child | null>;

/** Sockets appointments offers to modules that come after it. */
export type AppointmentsSockets = { servicePanels: ServicePanel[] };

/** What the reports use: each vet's working hours (utilisation) and the service categories' names. */
export type ReportingSchedulePort = {
  staffSchedule: Pick<AppointmentsServices['staffSchedule'], 'hoursOf'>;
  catalog: Pick<AppointmentsServices['catalog'], 'listCategories'>;
};

/** What the consent forms use: an appointment, its service, and a pet's appointments still to happen. */
export type ConsentAppointmentsPort = {
  appointments: Pick<AppointmentsServices['appointments'], 'getAppointment' | 'servicesByIds' | 'listServices' | 'upcomingOfPet'>;
};
