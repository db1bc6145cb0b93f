import { and, asc, eq, inArray, lt, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import type { ObjectStore } from '../../platform/storage/object-store.js';
import { dataIngestionJobs } from '../jobs/table.js';
import { UPLOAD_CLAIM_GRACE_MS } from '../uploads/service.js';
import { uploads } from '../uploads/table.js';

/** Uploads per round: a backlog of any size is swept with bounded memory. */
export const UPLOAD_SWEEP_BATCH_SIZE = 500;

/**
 * How long past its claim deadline an upload is still left alone. An import claims the file,
 * then records its job in a statement of its own, and the API's clock may differ from the
 * worker's: a claim made at the deadline has committed its job long before this has passed.
 */
export const CLAIM_SETTLE_MS = 3600 * 1000;

/** Object deletions in flight at once (one request each on S3). */
const DELETE_CONCURRENCY = 8;

/**
 * Deletes the uploads nobody can claim any more (past `expires_at` + the claim grace period)
 * and no job references, each with its stored object: the object first, then the row, so a
 * crash in between leaves a row the next sweep retries, never an object nothing points at.
 * An upload a job references is kept for good: the job's source-file download reads it.
 * Resolves with the number of uploads deleted.
 */
export async function sweepAbandonedUploads(
  db: Database,
  store: ObjectStore,
  now: Date,
  batchSize = UPLOAD_SWEEP_BATCH_SIZE,
): Promise<number> {
  const cutoff = new Date(now.getTime() - UPLOAD_CLAIM_GRACE_MS - CLAIM_SETTLE_MS);
  const unreferenced = notExists(
    db
      .select({ one: sql`1` })
      .from(dataIngestionJobs)
      .where(eq(dataIngestionJobs.fileKey, uploads.key)),
  );
  let deleted = 0;
  for (;;) {
    const batch = await db
      .select({ key: uploads.key })
      .from(uploads)
      .where(and(lt(uploads.expiresAt, cutoff), unreferenced))
      .orderBy(asc(uploads.expiresAt))
      .limit(batchSize);
    if (batch.length === 0) return deleted;
    const { removed, failure } = await deleteObjects(
      store,
      batch.map((row) => row.key),
    );
    if (removed.length > 0) {
      // Checked again: a job recorded since the batch was read keeps the row it points at.
      const rows = await db
        .delete(uploads)
        .where(and(inArray(uploads.key, removed), unreferenced))
        .returning({ key: uploads.key });
      deleted += rows.length;
    }
    // Stops rather than reading the same batch again: the next sweep retries what is left.
    if (failure !== undefined) throw failure;
    if (batch.length < batchSize) return deleted;
  }
}

/** Deletes the objects of `keys`, a few at a time; tells which went and the first failure. */
async function deleteObjects(
  store: ObjectStore,
  keys: string[],
): Promise<{ removed: string[]; failure?: unknown }> {
  const removed: string[] = [];
  let failure: unknown;
  for (let start = 0; start < keys.length; start += DELETE_CONCURRENCY) {
    const group = keys.slice(start, start + DELETE_CONCURRENCY);
    const outcomes = await Promise.allSettled(group.map((key) => store.delete(key)));
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'fulfilled') removed.push(group[i]!);
      else failure ??= outcome.reason;
    });
  }
  return { removed, failure };
}
