import type { FastifyBaseLogger } from 'fastify';
import { calculationContexts } from './features/entries/calculation-context.js';
import { scheduleHousekeeping } from './features/housekeeping/schedule.js';
import { importHandler } from './features/imports/handler.js';
import { JobRunner } from './features/jobs/runner.js';
import { aggregateHandler, recalculateHandler } from './features/recalculation/handlers.js';
import { registrySyncHandler } from './features/registry/handler.js';
import type { Config } from './platform/config/env.js';
import type { DatabaseHandle } from './platform/db/database.js';
import type { ObjectStore } from './platform/storage/object-store.js';

export interface WorkerDeps {
  config: Config;
  database: DatabaseHandle;
  store: ObjectStore;
  log: FastifyBaseLogger;
}

/**
 * Starts the background job workers of this process — what `worker` runs alone, and `serve`
 * runs next to the HTTP server unless `JOB_WORKERS=0`. Every kind of job gets its handler here,
 * and the housekeeping sweep its schedule on the same queue (stopping the runner stops both).
 */
export async function startWorkers({ config, database, store, log }: WorkerDeps) {
  const contexts = calculationContexts(database.db, database.changes);
  const runner = await JobRunner.start(
    database,
    {
      import: importHandler({
        database,
        store,
        contexts,
        sources: {
          hosts: config.storage.importSourceHosts,
          maxBytes: config.storage.uploadMaxBytes,
        },
      }),
      recalculate: recalculateHandler(contexts),
      aggregate: aggregateHandler(contexts),
      'registry-sync': registrySyncHandler(config.registry),
    },
    {
      concurrency: config.jobs.concurrency,
      leaseSeconds: config.jobs.leaseSeconds,
      pollingIntervalSeconds: config.jobs.pollSeconds,
      retryLimit: config.jobs.retryLimit,
      retryDelaySeconds: config.jobs.retryDelaySeconds,
      schedules:
        config.jobs.registrySyncCron && config.registry
          ? [
              {
                name: 'registry-sync',
                cron: config.jobs.registrySyncCron,
                job: { kind: 'registry-sync', target: 'registry' },
              },
            ]
          : [],
    },
    log,
  );
  try {
    await scheduleHousekeeping(runner.jobQueue, config.jobs.housekeepingCron, {
      db: database.db,
      store,
      log,
    });
  } catch (error) {
    await runner.stop();
    throw error;
  }
  return runner;
}
