export { availableSlots, staffFreeAt, type Busy, type Slot, type SlotRules, type StaffDay } from './slots';
export { contains, intersect, isEmptyInterval, mergeIntervals, overlaps, subtract, type Interval } from './intervals';
export { clinicOpenInterval, minutesOfDay, workingIntervals, type TimeRange } from './working-hours';
