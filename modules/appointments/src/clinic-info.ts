import type { ModuleContext } from '@petfriendly/core';
import type { AppointmentsSettings } from './appointments.settings';

/** The spec's weekday numbering (0 = Monday … 6 = Sunday), as ISO weekday names. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ClinicInfo {
  name: string;
  address: string;
  phone: string;
  email: string;
  timeZone: string;
  /** Open every open day from `opens` to `closes` (clinic time, HH:mm). */
  opens: string;
  closes: string;
  openDays: Weekday[];
}

/** Where the clinic is and when it is open, from the clinic's settings: what the assistant tells people. */
export function createClinicInfo(ctx: ModuleContext, settings: AppointmentsSettings) {
  return {
    clinicInfo(): ClinicInfo {
      const { NAME, ADDRESS, PHONE, EMAIL, TIME_ZONE } = ctx.clinic;
      return {
        name: NAME,
        address: ADDRESS,
        phone: PHONE,
        email: EMAIL,
        timeZone: TIME_ZONE,
        opens: settings.WORKING_HOURS.start,
        closes: settings.WORKING_HOURS.end,
        openDays: WEEKDAYS.filter((_, i) => !settings.CLOSED_DAYS.includes(i)),
      };
    },
  };
}
