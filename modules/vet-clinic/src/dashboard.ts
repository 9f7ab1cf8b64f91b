import type { Actor } from '@petfriendly/core';
import type { ChargesSocket } from './charges';

/** Something the staff dashboard asks someone to do, already in their language (setup fills this). */
export interface DashboardNotice {
  title: string;
  items: { label: string; href: string }[];
  action: { label: string; href: string };
}

/** What one module has to say on the staff dashboard to this person (often nothing). */
export type DashboardNotices = (actor: Actor) => Promise<DashboardNotice[]>;

/**
 * The sockets modules that come after vet-clinic fill: notices on the staff dashboard (`/admin`), each
 * module its own; and billing's view of a visit's charges (none without billing).
 */
export const vetClinicSockets = {
  dashboard: [] as DashboardNotices[],
  charges: null as ChargesSocket | null,
};
export type VetClinicSockets = typeof vetClinicSockets;
