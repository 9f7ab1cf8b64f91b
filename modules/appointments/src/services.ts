import type { ModuleContext } from '@petfriendly/core';
import type { AccountsServices } from '@petfriendly/accounts';
import type { VetClinicServices } from '@petfriendly/vet-clinic';
import { createAppointmentService } from './appointment.service';
import type { AppointmentsSettings } from './appointments.settings';
import { createCalendarService } from './calendar.service';
import { createScheduleService } from './schedule.service';

export function createAppointmentsServices(ctx: ModuleContext, accounts: AccountsServices, vet: VetClinicServices, settings: AppointmentsSettings) {
  const appointments = createAppointmentService(ctx, vet, settings);
  const schedule = createScheduleService(ctx, appointments, accounts);
  const calendar = createCalendarService(ctx, appointments);
  return { appointments, schedule, calendar };
}

export type AppointmentsServices = ReturnType<typeof createAppointmentsServices>;
