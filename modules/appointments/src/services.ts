import type { AccountsPort } from '@petfriendly/accounts';
import type { ModuleContext } from '@petfriendly/core';
import type { ContentTranslationPort } from '@petfriendly/multilingual';
import type { MessagingPort } from '@petfriendly/omnichannel';
import type { PetsPort, RecordsPort } from '@petfriendly/vet-clinic';
import { createAppointmentService } from './appointment.service';
import type { AppointmentsSettings } from './appointments.settings';
import { createCalendarService } from './calendar.service';
import { createCatalogService } from './catalog.service';
import { createClinicInfo } from './clinic-info';
import { createFollowThrough } from './follow-through';
import { createFrontDeskService } from './front-desk.service';
import { createNotifications } from './notifications';
import type { AppointmentsSockets } from './ports';
import { createAppointmentsPrivacy } from './privacy';
import { createScheduleService } from './schedule.service';
import { createStaffScheduleService } from './staff-schedule.service';

/** The ports appointments need, by the module that provides each. */
export interface AppointmentsNeeds {
  accounts: AccountsPort;
  'vet-clinic': PetsPort & RecordsPort;
  omnichannel: MessagingPort;
  multilingual: ContentTranslationPort;
}

export function createAppointmentsServices(
  ctx: ModuleContext,
  { accounts, 'vet-clinic': vet, omnichannel: messaging, multilingual: ml }: AppointmentsNeeds,
  settings: AppointmentsSettings,
  sockets: Readonly<AppointmentsSockets> = { servicePanels: [] },
) {
  const appointments = createAppointmentService(ctx, vet, ml, settings);
  const schedule = createScheduleService(ctx, appointments, accounts, vet);
  const calendar = createCalendarService(ctx, appointments, vet);
  const notifications = createNotifications(ctx, accounts, appointments, calendar, messaging, vet, settings);
  const staffSchedule = createStaffScheduleService(ctx);
  const followThrough = createFollowThrough(ctx, accounts, messaging, vet);
  const frontDesk = createFrontDeskService(ctx, appointments, accounts, vet, settings);
  const catalog = createCatalogService(ctx, accounts);
  const clinic = createClinicInfo(ctx, settings);
  // Read when a page renders: the modules that fill it are built after this one.
  const panels = { forService: () => sockets.servicePanels };
  return {
    appointments,
    schedule,
    frontDesk,
    calendar,
    notifications,
    followThrough,
    staffSchedule,
    catalog,
    clinic,
    settings,
    panels,
    privacy: createAppointmentsPrivacy(ctx),
  };
}

export type AppointmentsServices = ReturnType<typeof createAppointmentsServices>;
