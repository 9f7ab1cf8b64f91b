import type { Actor, StaffActor } from '@petfriendly/core';
import type { PageContext } from '@petfriendly/ui';
import type { Child } from 'hono/jsx';
import type { ChargesSocket } from './charges';
import type { FollowUpsSocket } from './follow-ups';

/** Something the staff dashboard asks someone to do, already in their language (setup fills this). */
export interface DashboardNotice {
  title: string;
  items: { label: string; href: string }[];
  action: { label: string; href: string };
}

/** What one module has to say on the staff dashboard to this person (often nothing). */
export type DashboardNotices = (actor: Actor) => Promise<DashboardNotice[]>;

/** A panel another module adds to a pet's chart (the consent forms and their warnings); null shows nothing. */
export type ChartPanel = (page: PageContext, actor: StaffActor, petId: number) => Promise<Child | null>;

/**
 * The sockets modules that come after vet-clinic fill: notices on the staff dashboard (`/admin`), each
 * module its own; panels on a pet's chart (the consent forms); billing's view of a visit's charges (none without billing);
 * the follow-ups of services an owner declined (marketing's, none without it).
 */
export const vetClinicSockets = {
  dashboard: [] as DashboardNotices[],
  chart: [] as ChartPanel[],
  charges: null as ChargesSocket | null,
  followUps: null as FollowUpsSocket | null,
};
export type VetClinicSockets = typeof vetClinicSockets;
