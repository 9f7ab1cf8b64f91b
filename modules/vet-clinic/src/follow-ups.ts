import type { StaffActor } from '@petfriendly/core';

/** Where one follow-up of a declined service stands, as whoever follows it up (marketing's sequence) keeps it. */
export interface DeclinedFollowUp {
  /** The service as the vet wrote it (what the follow-up is about). */
  service: string;
  state: 'active' | 'stopped' | 'completed';
  /** When the next message goes, while active. */
  nextAt: Date | null;
  /** Why it stopped: the pet was booked, or the owner cannot be written to. */
  stopReason: string | null;
  startedAt: Date;
}

/**
 * Marketing fills this so the chart shows, for each service the owner declined, whether a follow-up is
 * running: `enabled` false when following up is switched off, `href` where this person can switch it on (null: not theirs to).
 */
export interface FollowUpsSocket {
  ofPet(actor: StaffActor, petId: number): Promise<{ enabled: boolean; href: string | null; followUps: DeclinedFollowUp[] }>;
}
