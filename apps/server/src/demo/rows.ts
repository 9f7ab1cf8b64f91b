import type { DbOrTx } from '@petfriendly/core';
import { allergies, clinicalNotes, medicalRecords, medications, vaccinationRecords, visitAddenda, visits, vitalSigns } from '@petfriendly/vet-clinic/tables';
import type { PgTable } from 'drizzle-orm/pg-core';

/** Rows per INSERT: a few hundred keeps statements small and round trips few. */
export const BATCH = 400;

export type OnBatch = (rows: number) => void;

/** Inserts in batches of BATCH rows. */
export async function insertAll<T extends PgTable>(tx: DbOrTx, table: T, rows: T['$inferInsert'][], onBatch?: OnBatch): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await tx.insert(table).values(batch as never);
    onBatch?.(batch.length);
  }
}

/**
 * Inserts rows whose identity ids are needed afterwards. Ids of one statement come from the
 * sequence in VALUES order, so sorting them maps each row to its id whatever order RETURNING uses.
 */
export async function insertReturningIds<T extends PgTable & { id: unknown }>(
  tx: DbOrTx,
  table: T,
  rows: T['$inferInsert'][],
  onBatch?: OnBatch,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const returned = (await tx
      .insert(table)
      .values(batch as never)
      .returning({ id: (table as unknown as { id: never }).id })) as { id: number }[];
    ids.push(...returned.map((r) => r.id).sort((a, b) => a - b));
    onBatch?.(batch.length);
  }
  return ids;
}

type VisitRow = typeof visits.$inferInsert;
type Linked<T> = Omit<T, 'visitId'> & { visit: number };

export interface Counts {
  visits: number;
  vitals: number;
  notes: number;
  addenda: number;
  records: number;
  vaccinations: number;
  allergies: number;
  medications: number;
}

/**
 * Clinical rows collected in memory before anything is written. `petId` holds the pet's index in
 * the plan until `write` maps it to the database id; visits get their ids first and the rows that
 * point to them follow.
 */
export class HistoryRows {
  visits: VisitRow[] = [];
  vitals: Linked<typeof vitalSigns.$inferInsert>[] = [];
  notes: Linked<typeof clinicalNotes.$inferInsert>[] = [];
  addenda: Linked<typeof visitAddenda.$inferInsert>[] = [];
  records: (Omit<typeof medicalRecords.$inferInsert, 'visitId'> & { visit: number | null })[] = [];
  vaccinations: (typeof vaccinationRecords.$inferInsert)[] = [];
  allergies: (typeof allergies.$inferInsert)[] = [];
  medications: (typeof medications.$inferInsert)[] = [];

  addVisit(row: VisitRow): number {
    this.visits.push(row);
    return this.visits.length - 1;
  }

  counts(): Counts {
    return {
      visits: this.visits.length,
      vitals: this.vitals.length,
      notes: this.notes.length,
      addenda: this.addenda.length,
      records: this.records.length,
      vaccinations: this.vaccinations.length,
      allergies: this.allergies.length,
      medications: this.medications.length,
    };
  }

  get total(): number {
    return Object.values(this.counts()).reduce((a, b) => a + b, 0);
  }

  /** Writes every row; returns the ids of the visits and vaccinations, in the order they were added. */
  async write(tx: DbOrTx, petIds: readonly number[], onBatch?: OnBatch): Promise<{ visitIds: number[]; vaccinationIds: number[] }> {
    const pet = <T extends { petId: number }>(rows: T[]) => rows.map((row) => ({ ...row, petId: petIds[row.petId]! }));
    const ids = await insertReturningIds(tx, visits, pet(this.visits), onBatch);
    const link = <T extends { visit: number }>(rows: T[]) => rows.map(({ visit, ...row }) => ({ ...row, visitId: ids[visit]! }));
    await insertAll(tx, vitalSigns, pet(link(this.vitals)), onBatch);
    await insertAll(tx, clinicalNotes, link(this.notes), onBatch);
    await insertAll(tx, visitAddenda, link(this.addenda), onBatch);
    const records = this.records.map(({ visit, ...row }) => ({ ...row, visitId: visit === null ? null : ids[visit]! }));
    await insertAll(tx, medicalRecords, pet(records), onBatch);
    const vaccinationIds = await insertReturningIds(tx, vaccinationRecords, pet(this.vaccinations), onBatch);
    await insertAll(tx, allergies, pet(this.allergies), onBatch);
    await insertAll(tx, medications, pet(this.medications), onBatch);
    return { visitIds: ids, vaccinationIds };
  }
}
