import { defineEvent } from '@petfriendly/core';
import { z } from 'zod';

const appointmentRef = z.object({
  appointmentId: z.number().int(),
  ownerId: z.string(),
  petId: z.number().int(),
  staffId: z.string(),
  startsAt: z.string(),
  serviceTypeId: z.number().int(),
  /** When the booked time ends (its length is what the vet's day gives to it). */
  endsAt: z.string().optional(),
});

export const appointmentBooked = defineEvent('appointments.appointment_booked', {
  description: 'An appointment was booked (online, by staff, by the assistant).',
  schema: appointmentRef.extend({ createdVia: z.string() }),
});
export const appointmentConfirmed = defineEvent('appointments.appointment_confirmed', { description: 'An appointment was confirmed.', schema: appointmentRef });
export const appointmentCancelled = defineEvent('appointments.appointment_cancelled', {
  description: 'An appointment was cancelled.',
  schema: appointmentRef.extend({ reason: z.string(), cancelledBy: z.string().nullable() }),
});
export const appointmentCompleted = defineEvent('appointments.appointment_completed', {
  description: 'An appointment was completed (with a follow-up, if one was asked for).',
  schema: appointmentRef.extend({ followUpDays: z.number().int().nullable() }),
});
export const appointmentNoShow = defineEvent('appointments.appointment_no_show', {
  description: 'The patient did not come to an appointment.',
  schema: appointmentRef,
});
/** Not in the spec's list: a move, so reminders follow the new time. */
export const appointmentRescheduled = defineEvent('appointments.appointment_rescheduled', {
  description: 'An appointment moved to another time.',
  schema: appointmentRef.extend({ previousStartsAt: z.string() }),
});
export const appointmentReminderDue = defineEvent('appointments.appointment_reminder_due', {
  description:
    'A reminder about an appointment was due: sent to the owner, or (ownerNotified false) not, because they switched reminders off or cannot be reached.',
  schema: appointmentRef.extend({ hoursBefore: z.number().int(), ownerNotified: z.boolean() }),
  version: 2,
});

export const appointmentsEvents = [
  appointmentBooked,
  appointmentConfirmed,
  appointmentCancelled,
  appointmentCompleted,
  appointmentNoShow,
  appointmentReminderDue,
  appointmentRescheduled,
];
