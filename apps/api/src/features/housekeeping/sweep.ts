import type { Database } from '../../platform/db/database.js';
import type { ObjectStore } from '../../platform/storage/object-store.js';
import { sweepAbandonedUploads } from './abandoned-uploads.js';
import { sweepOrphanedStagedRows } from './orphaned-staged-rows.js';

/**
 * Age beyond which a partial file of the filesystem store is a dead write's: a write in
 * progress touches its file with every chunk, and none pauses for a day.
 */
export const INCOMPLETE_WRITE_MAX_AGE_MS = 24 * 3600 * 1000;

export interface HousekeepingDeps {
  db: Database;
  store: ObjectStore;
}

/** What one sweep deleted. */
export interface HousekeepingCounts {
  /** Uploads (row and object) past their claim deadline that no job references. */
  abandonedUploads: number;
  /** Files of writes that never finished (the filesystem store's `.partial` files). */
  incompleteWrites: number;
  /** Staging rows of module imports whose job is not running. */
  stagedEntries: number;
  /** Staging rows of back-office imports whose job is not running. */
  stagedRows: number;
}

/**
 * One housekeeping sweep: deletes what nothing will ever use again. `now` decides which
 * uploads are past their deadline; partial files are aged by the filesystem's own clock. The
 * steps go from the cheapest to the one that depends on the store answering, and the first
 * that fails stops the sweep (the next one retries): each step is idempotent.
 */
export async function runHousekeeping(
  { db, store }: HousekeepingDeps,
  now: Date = new Date(),
): Promise<HousekeepingCounts> {
  const staged = await sweepOrphanedStagedRows(db);
  const incompleteWrites = await store.sweepIncomplete(INCOMPLETE_WRITE_MAX_AGE_MS);
  const abandonedUploads = await sweepAbandonedUploads(db, store, now);
  return {
    abandonedUploads,
    incompleteWrites,
    stagedEntries: staged.entries,
    stagedRows: staged.rows,
  };
}
