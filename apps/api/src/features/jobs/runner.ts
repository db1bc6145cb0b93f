import type { FastifyBaseLogger } from 'fastify';
import type { Database, DatabaseHandle } from '../../platform/db/database.js';
import { type Delivery, deliveryId, JobQueue } from '../../platform/queue/job-queue.js';
import { JOB_KINDS, type JobKind } from './kinds.js';
import {
  awaitRetry,
  claimJob,
  createJob,
  finishJob,
  jobsToDispatch,
  markDispatched,
  type NewJob,
  type Outcome,
  type ProgressUpdate,
  recordProgress,
  renewLease,
  supersedeStaleRuns,
} from './store.js';
import type { JobRow } from './table.js';

/** What a job handler is given to do its work and report on it. */
export interface JobContext {
  job: JobRow;
  db: Database;
  /** Aborted when the job is cancelled or this process lost its lease: stop, roll back. */
  signal: AbortSignal;
  /** Reports progress; written at most a few times a second, whatever the call rate. */
  progress(update: ProgressUpdate): void;
  /** Queues the next job of the same pipeline (recalculate, aggregate). */
  then(next: NewJob): Promise<JobRow>;
  log: FastifyBaseLogger;
}

export type JobHandler = (context: JobContext) => Promise<Outcome>;

/** A failure that another attempt cannot fix (an unreadable file): the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface RunnerOptions {
  /** Jobs of each kind this process runs at once (0: it runs none of that kind). */
  concurrency: Record<JobKind, number>;
  leaseSeconds: number;
  pollingIntervalSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
  /** How often at most progress is written per job. */
  progressIntervalMs?: number;
  /** Jobs queued on a cron schedule (UTC), e.g. the registry sync. */
  schedules?: ScheduledJob[];
}

export interface ScheduledJob {
  /** Names the schedule: one per name, whatever the number of processes. */
  name: string;
  cron: string;
  job: NewJob;
}

/** The queue of cron ticks: a tick only records the job; the job runs like any other. */
const scheduleQueueOf = (name: string) => `schedule-${name}`;

/** Aggregations of the same year and module run one at a time (queue singleton). */
const singletonKeyOf = (job: { kind: string; year: number | null; module: string | null }) =>
  job.kind === 'aggregate' ? `aggregate:${job.year}:${job.module ?? '*'}` : undefined;

/**
 * Runs background jobs in this process: hands queued jobs to the durable queue (the
 * dispatcher, woken by every change of the job table), and runs the deliveries of every kind
 * under a lease it keeps renewing. A process that dies stops renewing: after `leaseSeconds`
 * any other process takes the job over, with a new run number so the dead run can never
 * write again.
 */
export class JobRunner {
  private stopped = false;
  private dispatching: Promise<void> | undefined;
  private dispatchAgain = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | undefined;

  private constructor(
    private readonly database: DatabaseHandle,
    private readonly queue: JobQueue,
    private readonly handlers: Record<JobKind, JobHandler>,
    private readonly options: RunnerOptions,
    private readonly log: FastifyBaseLogger,
  ) {}

  static async start(
    database: DatabaseHandle,
    handlers: Record<JobKind, JobHandler>,
    options: RunnerOptions,
    log: FastifyBaseLogger,
  ): Promise<JobRunner> {
    const queue = await JobQueue.open(database, {
      pollingIntervalSeconds: options.pollingIntervalSeconds,
      // The job table's lease detects a dead process; the queue's own expiry is a backstop.
      expireInSeconds: Math.max(3600, options.leaseSeconds * 10),
    });
    const runner = new JobRunner(database, queue, handlers, options, log);
    for (const kind of JOB_KINDS) {
      await queue.define({
        name: kind,
        concurrency: options.concurrency[kind],
        retryLimit: options.retryLimit,
        retryDelaySeconds: options.retryDelaySeconds,
        policy: kind === 'aggregate' ? 'singleton' : 'standard',
      });
      await queue.work<{ jobId: string; run: number }>(kind, (delivery) => runner.run(delivery));
    }
    for (const schedule of options.schedules ?? []) {
      const queueName = scheduleQueueOf(schedule.name);
      await queue.define({ name: queueName, concurrency: 1, retryLimit: 2, retryDelaySeconds: 30 });
      await queue.work<NewJob>(queueName, async (delivery) => {
        await createJob(database.db, delivery.data);
      });
      await queue.schedule(queueName, schedule.cron, schedule.job);
    }
    runner.unsubscribe = database.changes.subscribe((table) => {
      if (table === 'data_ingestion_jobs' || table === '*') runner.dispatch();
    });
    // Also on a timer: a lease that ran out announces nothing.
    runner.timers.push(
      setInterval(() => runner.dispatch(), Math.max(250, (options.leaseSeconds * 1000) / 2)),
    );
    runner.dispatch();
    return runner;
  }

  get jobQueue(): JobQueue {
    return this.queue;
  }

  /** Hands every undispatched run to the queue; coalesces calls made while it runs. */
  dispatch(): void {
    if (this.stopped) return;
    if (this.dispatching) {
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = (async () => {
      do {
        this.dispatchAgain = false;
        // A dead process's delivery stays active in the queue until the queue's own expiry (an
        // hour): an aggregation, a singleton per year and module, kept every later one from
        // starting, its own takeover included. Cancelled as its job is taken over.
        for (const stale of await supersedeStaleRuns(this.database.db, this.options.leaseSeconds)) {
          await this.queue.cancel(stale.kind, deliveryId(stale.id, stale.run));
        }
        const runs = await jobsToDispatch(this.database.db);
        for (const run of runs) {
          await this.queue.send(
            run.kind,
            { jobId: run.id, run: run.run },
            { id: deliveryId(run.id, run.run), singletonKey: singletonKeyOf(run) },
          );
        }
        await markDispatched(this.database.db, runs);
      } while (this.dispatchAgain && !this.stopped);
    })()
      .catch((error: unknown) => this.log.warn({ err: error }, 'job dispatch failed'))
      .finally(() => {
        this.dispatching = undefined;
      });
  }

  private async run(delivery: Delivery<{ jobId: string; run: number }>): Promise<void> {
    const { db } = this.database;
    const { jobId, run } = delivery.data;
    const job = await claimJob(db, jobId, run, this.options.leaseSeconds);
    // Finished, cancelled, superseded, or alive elsewhere: this delivery has nothing to do.
    if (!job) return;
    const log = this.log.child({ jobId, kind: job.kind, run });
    const abort = new AbortController();
    const progress = new ProgressWriter(db, jobId, run, this.options.progressIntervalMs ?? 250);
    const lease = setInterval(
      () => {
        renewLease(db, jobId, run)
          .then((held) => {
            if (!held) abort.abort(new Error('The job was cancelled.'));
          })
          .catch(() => {});
      },
      Math.max(100, (this.options.leaseSeconds * 1000) / 3),
    );
    try {
      const outcome = await this.handlers[job.kind as JobKind]({
        job,
        db,
        signal: abort.signal,
        progress: (update) => progress.push(update),
        then: (next) => createJob(db, { ...next, pipelineId: job.pipelineId }),
        log,
      });
      await progress.flush();
      await finishJob(db, jobId, run, outcome);
    } catch (error) {
      await progress.flush().catch(() => {});
      if (abort.signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      const lastAttempt = delivery.retryCount >= delivery.retryLimit;
      if (error instanceof PermanentJobError || lastAttempt) {
        await finishJob(db, jobId, run, { state: 'failed', error: message });
        if (!(error instanceof PermanentJobError)) log.error({ err: error }, 'job failed');
        return;
      }
      log.warn({ err: error }, 'job attempt failed, will retry');
      await awaitRetry(db, jobId, run, message);
      throw error; // the queue retries after its backoff
    } finally {
      clearInterval(lease);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    for (const timer of this.timers) clearInterval(timer);
    await this.dispatching;
    await this.queue.stop();
  }
}

/** Keeps the latest progress of a job and writes it at most every `intervalMs`. */
class ProgressWriter {
  private pending: ProgressUpdate | undefined;
  private phase: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly jobId: string,
    private readonly run: number,
    private readonly intervalMs: number,
  ) {}

  push(update: ProgressUpdate): void {
    const newPhase = update.phase !== undefined && update.phase !== this.phase;
    this.pending = { ...this.pending, ...update };
    // A new phase is written at once (there are few): followers see every phase a job enters.
    if (newPhase) {
      this.phase = update.phase;
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.write();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, this.intervalMs);
  }

  private write(): Promise<void> {
    const update = this.pending;
    this.pending = undefined;
    if (!update) return this.writing;
    this.writing = this.writing
      .then(() => recordProgress(this.db, this.jobId, this.run, update))
      .catch(() => {});
    return this.writing;
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.write();
  }
}
