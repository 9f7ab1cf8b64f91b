import { ConflictError } from '@petfriendly/core';
import type { AppointmentStatus } from './appointments.tables';

/** The status flow: pending → confirmed → checked in → completed, or cancelled / no-show. */
const NEXT: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  pending: ['confirmed', 'checked_in', 'cancelled', 'no_show'],
  confirmed: ['checked_in', 'cancelled', 'no_show'],
  checked_in: ['completed'],
  completed: [],
  cancelled: [],
  no_show: [],
};

export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  if (!NEXT[from].includes(to)) {
    throw new ConflictError('appointments.bad_transition', `An appointment that is ${from} cannot become ${to}.`, { from, to });
  }
}

/** True when the database refused an overlapping booking (the exclusion constraint). */
export function isDoubleBooking(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23P01' || e?.cause?.code === '23P01';
}

/** True when a booking lost its time to someone else (`appointments.slot_taken`). */
export function isSlotTaken(error: unknown): boolean {
  return (error as { code?: string })?.code === 'appointments.slot_taken';
}
