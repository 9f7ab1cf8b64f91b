import { amountText, rowId, rowSchema, TAX_CLASSES } from '@petfriendly/core';
import { z } from 'zod';
import { appointments, CREATED_VIA, holidays, serviceCategories, serviceTypes, staffDaysOff, timeBlocks } from './appointments.tables';

const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30');
const optionalText = (max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max));

export const availabilitySchema = z.object({
  date: isoDate,
  serviceType: z.string().trim().min(1).max(100).optional(),
  durationMinutes: z.coerce.number().int().min(5).max(480).optional(),
  staffId: z.string().uuid().optional(),
});

export const bookingSchema = z.object({
  petId: rowId,
  date: isoDate,
  time: hhmm,
  serviceType: z.string().trim().min(1, 'is required').max(100),
  reason: optionalText(300),
  notes: optionalText(2000),
  staffId: z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid().optional()),
  createdVia: z.enum(CREATED_VIA).default('web'),
});
export type BookingData = z.infer<typeof bookingSchema>;

/** A patient who came without an appointment: seen at the next free time today. */
export const walkInSchema = z.object({
  petId: z.coerce.number().int().positive(),
  serviceType: z.string().trim().min(1, 'is required').max(100),
  staffId: z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid().optional()),
  reason: optionalText(300),
});

export const rescheduleSchema = z.object({ date: isoDate, time: hhmm });
export const cancelSchema = z.object({ reason: optionalText(500) });

export const blockSchema = z
  .object({
    date: isoDate,
    startTime: hhmm,
    endTime: hhmm,
    reason: z.string().trim().min(1, 'is required').max(200),
    staffId: z.preprocess((v) => (v === '' ? null : v), z.string().uuid().nullable().optional()),
  })
  .refine((b) => b.endTime > b.startTime, { path: ['endTime'], message: 'must be after the start time' });

export const completeSchema = z.object({
  notes: optionalText(5000),
  followUpDays: z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().min(1).max(365).nullable()),
});

export const listSchema = z.object({
  includePast: z.preprocess((v) => v === true || v === 'true', z.boolean()).default(false),
  petId: rowId.optional(),
});

/** A person's weekly hours, days off and services; the clinic's holidays. */
export const hoursSchema = z.object({
  hours: z
    .array(
      z
        .object({ weekday: z.coerce.number().int().min(0).max(6), start: hhmm, end: hhmm })
        .refine((h) => h.end > h.start, { path: ['end'], message: 'must be after the start time' }),
    )
    .max(42),
});
export const dayOffSchema = z
  .object({ startDate: isoDate, endDate: isoDate, reason: z.string().trim().max(200).default('') })
  .refine((d) => d.endDate >= d.startDate, { path: ['endDate'], message: 'must be on or after the start date' });
export const holidaySchema = z.object({ date: isoDate, name: z.string().trim().min(1, 'is required').max(200) });
export const servicesSchema = z.object({ serviceTypeIds: z.array(rowId).max(100) });

// ---- What the routes answer ----

export const serviceOut = z.object({
  id: z.number().int(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  price: z.string().describe('What the customer pays, IVA included'),
  priceVaries: z.boolean(),
  species: z.array(z.string()),
  requiresConsultation: z.boolean(),
  isEmergency: z.boolean(),
  deposit: z.string().describe('Paid ahead when booking online, IVA included; 0.00 = none'),
  category: z.string(),
  categoryOrder: z.number().int(),
});
export const slotOut = z.object({ start: z.date(), end: z.date(), staffIds: z.array(z.string()), time: z.string().describe('HH:MM, clinic time') });
export const appointmentOut = rowSchema(appointments);
export const ownAppointmentOut = appointmentOut.partial({ internalNotes: true }).extend({
  service: z.object({ id: z.number().int(), name: z.string(), slug: z.string() }),
  petName: z.string(),
  localDate: z.string(),
  time: z.string(),
});
export const completedOut = z.object({ appointment: appointmentOut, followUp: z.object({ date: z.string(), times: z.array(z.string()) }).nullable() });
const scheduledAppointmentOut = appointmentOut.extend({
  petName: z.string(),
  species: z.string().nullable(),
  serviceName: z.string(),
  ownerName: z.string(),
  staffName: z.string(),
});
export const dailyScheduleOut = z.object({
  date: z.string(),
  appointments: z.array(scheduledAppointmentOut),
  blocks: z.array(rowSchema(timeBlocks)),
});
export const weekScheduleOut = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ date: z.string(), appointments: z.array(scheduledAppointmentOut), blocks: z.array(rowSchema(timeBlocks)) })),
});
const waitingOut = z.object({
  appointmentId: z.number().int(),
  petId: z.number().int(),
  petName: z.string(),
  species: z.string().nullable(),
  ownerName: z.string(),
  serviceName: z.string(),
  startsAt: z.date(),
  waitingSince: z.date(),
  waitingMinutes: z.number().int(),
  walkIn: z.boolean(),
});
export const waitingRoomOut = z.object({
  date: z.string(),
  waiting: z.number().int().describe('Patients checked in and not yet seen'),
  vets: z.array(z.object({ staffId: z.string(), staffName: z.string(), next: waitingOut.describe('Called next'), queue: z.array(waitingOut) })),
});
export const dayOffOut = rowSchema(staffDaysOff);
export const staffScheduleOut = z.object({
  staffId: z.string(),
  hours: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  daysOff: z.array(dayOffOut),
  services: z.array(z.object({ id: z.number().int(), name: z.string(), slug: z.string() })),
});
export const holidayOut = rowSchema(holidays);
export const timeBlockOut = rowSchema(timeBlocks);
export const conversionOut = z.object({ sent: z.number().int(), booked: z.number().int(), rate: z.number().describe('booked / sent, 0 to 1') });

const amount = amountText;
const flag = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** A service category as managers write it (the catalogue). */
export const serviceCategorySchema = z.object({
  name: z.string().trim().min(2, 'is required').max(200),
  description: optionalText(2000),
  icon: optionalText(50),
});

/** A service type as managers write it: price and deposit IVA included, SAT keys for the CFDI, who performs it. */
export const serviceTypeSchema = z
  .object({
    categoryId: z.coerce.number().int().positive(),
    name: z.string().trim().min(2, 'is required').max(200),
    description: optionalText(2000),
    durationMinutes: z.coerce.number().int().min(5).max(480),
    price: amount,
    priceVaries: flag.default(false),
    requiresConsultation: flag.default(false),
    isEmergency: flag.default(false),
    species: z.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(['dog', 'cat', 'bird', 'rabbit', 'other'])).max(5)),
    taxClass: z.enum(TAX_CLASSES).default('iva16'),
    satProductCode: z
      .string()
      .trim()
      .regex(/^\d{8}$/, 'must be an 8-digit SAT product key')
      .default('70122000'),
    satUnitCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{1,3}$/, 'must be a SAT unit key like E48')
      .default('E48'),
    onlineBookable: flag.default(false),
    deposit: z.preprocess((v) => (v === '' || v == null ? '0' : v), amount),
    staffIds: z.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().uuid()).max(100)),
  })
  .refine((s) => Number(s.deposit) <= Number(s.price), { path: ['deposit'], message: 'must not be more than the price' });
export type ServiceTypeData = z.infer<typeof serviceTypeSchema>;

/** New order of a list: every id once, first shown first. */
export const reorderSchema = z.object({ ids: z.array(z.coerce.number().int().positive()).min(1).max(500) });
export const catalogueQuerySchema = z.object({ includeRetired: flag.default(false) });
export const retireSchema = z.object({ retired: z.boolean() });

export const serviceCategoryOut = rowSchema(serviceCategories);
export const serviceTypeOut = rowSchema(serviceTypes).extend({ staffIds: z.array(z.string().uuid()) });
