import type { Actor } from '@petfriendly/core';

/** Where an item stands with billing: on an invoice line, waived with a reason, or done and not charged. */
export type ChargeState = 'charged' | 'waived' | 'pending';

export interface ItemCharge {
  state: ChargeState;
  /** The catalogue entry's name. */
  label: string;
  /** quantity × catalogue price, IVA included (decimal string); null when the catalogue entry is gone. */
  value: string | null;
  waivedReason: string | null;
}

/** A product or service the vet can pick for a visit item: `product:ID` or `service:ID`, with its name and price. */
export interface ChargeOption {
  value: string;
  label: string;
}

/** Billing fills this so the chart can show what was done and not charged, and offer the catalogue to pick from. */
export interface ChargesSocket {
  /** By visit item id. */
  statusOf(actor: Actor, visitIds: number[]): Promise<Map<number, ItemCharge>>;
  catalogue(actor: Actor): Promise<ChargeOption[]>;
  /** Where the desk invoices a visit, and where a charge is waived. */
  invoiceUrl(visitId: number): string;
  waiveUrl(itemId: number): string;
}
