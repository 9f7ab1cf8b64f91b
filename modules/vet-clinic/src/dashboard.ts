import type { Actor } from '@petfriendly/core';

/** Something the staff dashboard asks someone to do, already in their language (setup fills this). */
export interface DashboardNotice {
  title: string;
  items: { label: string; href: string }[];
  action: { label: string; href: string };
}

/** The socket modules that come after vet-clinic fill to put notices on the staff dashboard (`/admin`). */
export const vetClinicSockets = {
  dashboard: { notices: async (_actor: Actor): Promise<DashboardNotice[]> => [] },
};
export type VetClinicSockets = typeof vetClinicSockets;
