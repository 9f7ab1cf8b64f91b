import type { JobQueue, Tx } from '@petfriendly/core';
import type { FillCursor } from './multilingual.schemas';

/** How a fill run ended: how many fields it translated and where the next run goes on (null: done). */
export type FillResult = { status: 'no_translator' } | { status: 'done' | 'more'; translated: number; next: FillCursor | null };

/** The job that fills registered content by AI translation (payload `{ language? }`; every language without one). */
export const FILL_TRANSLATIONS = 'multilingual.fill_translations';
/** Objects one fill run translates before handing on to the next run. */
export const FILL_BATCH = 20;

/** Queues a fill run, in `tx` when given (it exists only if that commits). */
export const queueFill = (jobs: JobQueue, data: { language?: string; after?: FillCursor }, tx?: Tx) => jobs.send(FILL_TRANSLATIONS, data, tx ? { tx } : {});
