import type { ModuleContext } from '@petfriendly/core';
import type { AccountsServices } from '@petfriendly/accounts';
import type { MultilingualServices } from '@petfriendly/multilingual';
import type { OmnichannelServices } from '@petfriendly/omnichannel';
import type { VetClinicServices } from '@petfriendly/vet-clinic';
import { createAppointmentService } from './appointment.service';
import type { AppointmentsSettings } from './appointments.settings';
import { createCalendarService } from './calendar.service';
import { createNotifications } from './notifications';
import { createScheduleService } from './schedule.service';
import { createStaffScheduleService } from './staff-schedule.service';

export function createAppointmentsServices(ctx: ModuleContext, accounts: AccountsServices, vet: VetClinicServices, messaging: OmnichannelServices, ml: MultilingualServices, settings: AppointmentsSettings) {
  const appointments = createAppointmentService(ctx, vet, ml, settings);
  const schedule = createScheduleService(ctx, appointments, accounts);
  const calendar = createCalendarService(ctx, appointments);
  const notifications = createNotifications(ctx, accounts, appointments, calendar, messaging, vet, settings);
  const staffSchedule = createStaffScheduleService(ctx);
  return { appointments, schedule, calendar, notifications, staffSchedule };
}

export type AppointmentsServices = ReturnType<typeof createAppointmentsServices>;
