import { type HttpApp, idParams, noContent, rowId } from '@petfriendly/core';
import { z } from 'zod';
import {
  appointmentOut,
  availabilitySchema,
  blockSchema,
  bookingSchema,
  cancelSchema,
  completedOut,
  completeSchema,
  conversionOut,
  dailyScheduleOut,
  dayOffOut,
  dayOffSchema,
  holidayOut,
  holidaySchema,
  hoursSchema,
  listSchema,
  ownAppointmentOut,
  rescheduleSchema,
  serviceOut,
  servicesSchema,
  slotOut,
  staffScheduleOut,
  timeBlockOut,
  waitingRoomOut,
  walkInSchema,
  weekScheduleOut,
} from './appointments.schemas';
import type { AppointmentsServices } from './services';

const tags = ['appointments'];

/** `/api/v1` for booking and the staff schedule. */
export async function appointmentsRoutes(app: HttpApp, s: AppointmentsServices) {
  app.get('/api/v1/services', { schema: { tags, summary: 'Bookable services with duration and price', response: { 200: z.array(serviceOut) } } }, async (req) =>
    s.appointments.listServices(req.actor),
  );
  app.get(
    '/api/v1/availability',
    { schema: { tags, summary: 'Free start times on a day for a service', querystring: availabilitySchema, response: { 200: z.array(slotOut) } } },
    async (req) => s.appointments.checkAvailability(req.actor, req.query),
  );
  app.get(
    '/api/v1/appointments',
    {
      schema: {
        tags,
        summary: "The caller's appointments (upcoming unless includePast)",
        querystring: listSchema,
        response: { 200: z.array(ownAppointmentOut) },
      },
    },
    async (req) => s.appointments.getUserAppointments(req.actor, req.query),
  );
  app.post(
    '/api/v1/appointments',
    {
      schema: {
        tags,
        summary: 'Book an appointment (409 appointments.slot_taken with alternatives when the time is gone)',
        body: bookingSchema,
        response: { 201: appointmentOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.appointments.bookAppointment(req.actor, req.body)),
  );
  app.get('/api/v1/appointments/:id', { schema: { tags, summary: 'One appointment', params: idParams, response: { 200: appointmentOut } } }, async (req) =>
    s.appointments.getAppointment(req.params.id, req.actor),
  );
  app.post(
    '/api/v1/appointments/:id/cancel',
    { schema: { tags, summary: 'Cancel', params: idParams, body: cancelSchema, response: { 200: appointmentOut } } },
    async (req) => s.appointments.cancelAppointment(req.params.id, req.actor, req.body),
  );
  app.post(
    '/api/v1/appointments/:id/reschedule',
    { schema: { tags, summary: 'Move to another free time', params: idParams, body: rescheduleSchema, response: { 200: appointmentOut } } },
    async (req) => s.appointments.rescheduleAppointment(req.params.id, req.actor, req.body),
  );
  app.post(
    '/api/v1/appointments/:id/confirm',
    { schema: { tags, summary: 'Staff: confirm', params: idParams, response: { 200: appointmentOut } } },
    async (req) => s.schedule.confirmAppointment(req.params.id, req.actor),
  );
  app.post(
    '/api/v1/appointments/:id/check-in',
    {
      schema: {
        tags,
        summary: "Staff: the patient arrived (only on the appointment's day: 409 appointments.not_today)",
        params: idParams,
        response: { 200: appointmentOut },
      },
    },
    async (req) => s.schedule.checkInPatient(req.params.id, req.actor),
  );
  app.post(
    '/api/v1/appointments/:id/complete',
    {
      schema: {
        tags,
        summary: "Staff: complete on the appointment's day, optionally offering a follow-up",
        params: idParams,
        body: completeSchema,
        response: { 200: completedOut },
      },
    },
    async (req) => s.schedule.completeAppointment(req.params.id, req.actor, req.body),
  );
  app.post(
    '/api/v1/appointments/:id/no-show',
    { schema: { tags, summary: 'Staff: the patient did not come', params: idParams, response: { 200: appointmentOut } } },
    async (req) => s.schedule.markNoShow(req.params.id, req.actor),
  );
  app.get(
    '/api/v1/schedule',
    {
      schema: {
        tags,
        summary: "Staff: a day's appointments and blocks",
        querystring: z.object({ date: z.iso.date(), staffId: z.string().uuid().optional() }),
        response: { 200: dailyScheduleOut },
      },
    },
    async (req) => {
      const q = req.query;
      return s.schedule.getDailySchedule(req.actor, q.date, q.staffId);
    },
  );
  app.get(
    '/api/v1/schedule/week',
    {
      schema: {
        tags,
        summary: 'Staff: the week (Monday to Sunday) holding a date, day by day',
        querystring: z.object({ date: z.iso.date(), staffId: z.string().uuid().optional() }),
        response: { 200: weekScheduleOut },
      },
    },
    async (req) => s.schedule.getWeekSchedule(req.actor, req.query.date, req.query.staffId),
  );
  app.post(
    '/api/v1/appointments/walk-in',
    {
      schema: {
        tags,
        summary: 'Staff: a patient without an appointment, booked checked in at the next free time today (409 appointments.no_walk_in_slot)',
        body: walkInSchema,
        response: { 201: appointmentOut },
      },
    },
    async (req, reply) => reply.status(201).send(await s.frontDesk.walkIn(req.actor, req.body)),
  );
  app.get(
    '/api/v1/waiting-room',
    { schema: { tags, summary: "Staff: today's checked-in patients per vet, who is next and since when", response: { 200: waitingRoomOut } } },
    async (req) => s.frontDesk.waitingRoom(req.actor),
  );
  const staffParam = z.object({ staffId: z.string().uuid() });
  app.get(
    '/api/v1/staff/:staffId/schedule',
    { schema: { tags, summary: "Staff: someone's weekly hours, days off and services", params: staffParam, response: { 200: staffScheduleOut } } },
    async (req) => s.staffSchedule.getStaffSchedule(req.actor, req.params.staffId),
  );
  app.put(
    '/api/v1/staff/:staffId/schedule',
    {
      schema: {
        tags,
        summary: 'Replace weekly hours (own, or anyone for managers)',
        params: staffParam,
        body: hoursSchema,
        response: { 200: staffScheduleOut },
      },
    },
    async (req) => s.staffSchedule.setWeeklyHours(req.actor, req.params.staffId, req.body),
  );
  app.post(
    '/api/v1/staff/:staffId/days-off',
    { schema: { tags, summary: 'Add a day off (or a range)', params: staffParam, body: dayOffSchema, response: { 201: dayOffOut } } },
    async (req, reply) => reply.status(201).send(await s.staffSchedule.addDayOff(req.actor, req.params.staffId, req.body)),
  );
  app.delete(
    '/api/v1/staff/:staffId/days-off/:id',
    { schema: { tags, summary: 'Remove a day off', params: staffParam.extend({ id: rowId }), response: { 204: noContent } } },
    async (req, reply) => {
      await s.staffSchedule.removeDayOff(req.actor, req.params.staffId, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.put(
    '/api/v1/staff/:staffId/services',
    { schema: { tags, summary: 'Managers: the services someone offers', params: staffParam, body: servicesSchema, response: { 200: staffScheduleOut } } },
    async (req) => s.staffSchedule.setStaffServices(req.actor, req.params.staffId, req.body),
  );
  app.get('/api/v1/holidays', { schema: { tags, summary: 'Days the clinic is closed', response: { 200: z.array(holidayOut) } } }, async (req) =>
    s.staffSchedule.listHolidays(req.actor),
  );
  app.post(
    '/api/v1/holidays',
    { schema: { tags, summary: 'Managers: close the clinic on a date', body: holidaySchema, response: { 201: holidayOut } } },
    async (req, reply) => reply.status(201).send(await s.staffSchedule.addHoliday(req.actor, req.body)),
  );
  app.get(
    '/api/v1/reports/vaccination-reminders',
    {
      schema: {
        tags,
        summary: 'Staff: vaccination reminders sent and how many turned into bookings',
        querystring: z.object({ since: z.iso.date() }),
        response: { 200: conversionOut },
      },
    },
    async (req) => s.notifications.vaccinationConversion(req.actor, new Date(`${req.query.since}T00:00:00Z`)),
  );

  app.post(
    '/api/v1/time-blocks',
    { schema: { tags, summary: 'Staff: block time (a person or the whole clinic)', body: blockSchema, response: { 201: timeBlockOut } } },
    async (req, reply) => reply.status(201).send(await s.schedule.blockTime(req.actor, req.body)),
  );
}
