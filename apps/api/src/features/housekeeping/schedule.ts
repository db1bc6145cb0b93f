import type { FastifyBaseLogger } from 'fastify';
import type { JobQueue } from '../../platform/queue/job-queue.js';
import { type HousekeepingDeps, runHousekeeping } from './sweep.js';

/** The queue of housekeeping ticks; a queue of its own, with no row in the job table. */
export const HOUSEKEEPING_QUEUE = 'housekeeping';

export interface HousekeepingScheduleDeps extends HousekeepingDeps {
  log: FastifyBaseLogger;
}

/**
 * Runs the housekeeping sweep on `cron` (UTC) through the job queue: one tick is delivered to
 * one process whatever the number of workers, so sweeps do not multiply with replicas. No
 * `cron`: the schedule is removed (the queue keeps a schedule in the database until then). Housekeeping is not a data-ingestion job (nobody follows or
 * retries it): a failed sweep is logged and the next tick is its retry.
 */
export async function scheduleHousekeeping(
  queue: JobQueue,
  cron: string | undefined,
  { log, ...deps }: HousekeepingScheduleDeps,
): Promise<void> {
  if (!cron) {
    await queue.unschedule(HOUSEKEEPING_QUEUE);
    return;
  }
  await queue.define({
    name: HOUSEKEEPING_QUEUE,
    concurrency: 1,
    retryLimit: 0,
    retryDelaySeconds: 60,
  });
  await queue.work(HOUSEKEEPING_QUEUE, async () => {
    try {
      const counts = await runHousekeeping(deps, new Date());
      if (Object.values(counts).some((count) => count > 0)) {
        log.info(
          { housekeeping: counts },
          `housekeeping deleted ${counts.abandonedUploads} abandoned uploads, ` +
            `${counts.incompleteWrites} incomplete writes and ` +
            `${counts.stagedEntries + counts.stagedRows} orphaned staged rows`,
        );
      }
    } catch (error) {
      log.warn({ err: error }, 'housekeeping sweep failed; the next one retries');
      throw error;
    }
  });
  await queue.schedule(HOUSEKEEPING_QUEUE, cron);
}
