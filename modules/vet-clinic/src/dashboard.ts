import type { Actor } from '@petfriendly/core';

/** Something the staff dashboard asks someone to do, already in their language (setup fills this). */
export interface DashboardNotice {
  title: string;
  items: { label: string; href: string }[];
  action: { label: string; href: string };
}

/** What one module has to say on the staff dashboard to this person (often nothing). */
export type DashboardNotices = (actor: Actor) => Promise<DashboardNotice[]>;

/** The socket modules that come after vet-clinic fill to put notices on the staff dashboard (`/admin`); each adds its own. */
export const vetClinicSockets = {
  dashboard: [] as DashboardNotices[],
};
export type VetClinicSockets = typeof vetClinicSockets;
