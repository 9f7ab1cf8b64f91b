import { defineTool, rowId, type ToolDefinition } from '@petfriendly/core';
import { z } from 'zod';
import { availabilitySchema, blockSchema, bookingSchema, cancelSchema, listSchema, rescheduleSchema } from './appointments.schemas';
import type { AppointmentsServices } from './services';

const appointmentId = z.object({ appointmentId: rowId });

/** AI tools for booking (owners) and the schedule (staff); the services check who may do what. */
export function appointmentsTools(s: AppointmentsServices): ToolDefinition[] {
  return [
    defineTool({
      name: 'list_services',
      description: 'The services the clinic offers, with duration and price in MXN (IVA included: what the customer pays).',
      input: z.object({}),
      permission: 'public',
      handler: (_i, actor) => s.appointments.listServices(actor),
    }),
    defineTool({
      name: 'get_clinic_info',
      description: "The clinic's address, phone, email, opening hours and open days (from its settings).",
      input: z.object({}),
      permission: 'public',
      handler: async () => s.clinic.clinicInfo(),
    }),
    defineTool({
      name: 'check_availability',
      description: 'Free appointment times on a date (YYYY-MM-DD) for a service (its slug from list_services).',
      input: availabilitySchema,
      permission: 'public',
      handler: async (input, actor) => (await s.appointments.checkAvailability(actor, input)).map((slot) => slot.time),
    }),
    defineTool({
      name: 'book_appointment',
      description: "Book an appointment for one of the caller's pets at a free time.",
      input: bookingSchema.omit({ createdVia: true }),
      permission: 'owner',
      handler: (input, actor) => s.appointments.bookAppointment(actor, { ...input, createdVia: 'ai' }),
    }),
    defineTool({
      name: 'cancel_appointment',
      description: 'Cancel an appointment.',
      input: cancelSchema.extend(appointmentId.shape),
      permission: 'owner',
      handler: ({ appointmentId, ...rest }, actor) => s.appointments.cancelAppointment(appointmentId, actor, rest),
    }),
    defineTool({
      name: 'reschedule_appointment',
      description: 'Move an appointment to another free date and time.',
      input: rescheduleSchema.extend(appointmentId.shape),
      permission: 'owner',
      handler: ({ appointmentId, ...rest }, actor) => s.appointments.rescheduleAppointment(appointmentId, actor, rest),
    }),
    defineTool({
      name: 'get_my_appointments',
      description: "The caller's upcoming appointments.",
      input: listSchema,
      permission: 'owner',
      handler: (input, actor) => s.appointments.getUserAppointments(actor, input),
    }),
    defineTool({
      name: 'get_daily_schedule',
      description: "Staff: a day's appointments and blocked time, optionally for one staff member.",
      input: z.object({ date: z.iso.date(), staffId: z.string().uuid().optional() }),
      permission: 'staff',
      handler: ({ date, staffId }, actor) => s.schedule.getDailySchedule(actor, date, staffId),
    }),
    defineTool({
      name: 'block_time',
      description: 'Staff: block time so nobody can book it.',
      input: blockSchema,
      permission: 'staff',
      handler: (input, actor) => s.schedule.blockTime(actor, input),
    }),
    defineTool({
      name: 'confirm_appointment',
      description: 'Staff: confirm a pending appointment.',
      input: appointmentId,
      permission: 'staff',
      handler: ({ appointmentId }, actor) => s.schedule.confirmAppointment(appointmentId, actor),
    }),
    defineTool({
      name: 'check_in_patient',
      description: 'Staff: mark that the patient arrived.',
      input: appointmentId,
      permission: 'staff',
      handler: ({ appointmentId }, actor) => s.schedule.checkInPatient(appointmentId, actor),
    }),
  ];
}
