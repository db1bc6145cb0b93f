import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/database.js';

/** One kind of work: its queue and how it is run and retried. */
export interface QueueDefinition {
  name: string;
  /** Jobs of this kind one process runs at once. */
  concurrency: number;
  /** Attempts after the first, spaced by exponential backoff with jitter from `retryDelaySeconds`. */
  retryLimit: number;
  retryDelaySeconds: number;
  /**
   * `singleton`: one job per `singletonKey` active at a time, so two aggregations of the same
   * module and year never run side by side.
   */
  policy?: 'standard' | 'singleton';
}

export interface QueueOptions {
  /** How often an idle worker asks for work (pg-boss polls; 0.5 s at least). */
  pollingIntervalSeconds: number;
  /**
   * How long the queue waits for a silent job before handing it out again. Takeover of a dead
   * process's job is faster (the job table's heartbeat lease); this is the last resort.
   */
  expireInSeconds: number;
}

export interface Delivery<T> {
  id: string;
  data: T;
  retryCount: number;
  retryLimit: number;
}

/** A deterministic queue id: sending the same job twice (API and dispatcher) enqueues it once. */
export function deliveryId(...parts: (string | number)[]): string {
  const hex = createHash('sha256').update(parts.join('/')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The durable queue (pg-boss on the application's own database, PGlite or server): delivery,
 * concurrency per kind, retries with backoff and jitter, singletons, cron. What a job *is*
 * (its state, progress and result) lives in the job table of the jobs feature, not here.
 */
export class JobQueue {
  private readonly definitions = new Map<string, QueueDefinition>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly options: QueueOptions,
  ) {}

  static async open(database: DatabaseHandle, options: QueueOptions): Promise<JobQueue> {
    const backend = database.queueBackend;
    const boss = new PgBoss({
      ...('connectionString' in backend
        ? { connectionString: backend.connectionString, max: 3 }
        : { db: { executeSql: backend.executeSql as PgBoss.Db['executeSql'] } }),
      application_name: 'co2-calculator-queue',
      schedule: true,
      supervise: true,
      expireInSeconds: options.expireInSeconds,
      // Kept a week for troubleshooting; the job table keeps the history itself.
      retentionDays: 7,
      deleteAfterDays: 7,
    });
    // Connection errors are retried by pg-boss itself; they must not crash the process.
    boss.on('error', () => {});
    await boss.start();
    return new JobQueue(boss, options);
  }

  async define(definition: QueueDefinition): Promise<void> {
    const queue: PgBoss.Queue = {
      name: definition.name,
      policy: definition.policy ?? 'standard',
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: this.options.expireInSeconds,
    };
    if (await this.boss.getQueue(definition.name)) await this.boss.updateQueue(queue.name, queue);
    else await this.boss.createQueue(queue.name, queue);
    this.definitions.set(definition.name, definition);
  }

  /** Enqueues once per `id`; resolves false when that id was already enqueued. */
  async send(name: string, data: object, options: { id: string; singletonKey?: string }) {
    return (await this.boss.send(name, data, options)) !== null;
  }

  /** Runs `handler` for jobs of `name`, `concurrency` at a time; a throw is a retry. */
  async work<T>(name: string, handler: (delivery: Delivery<T>) => Promise<void>): Promise<void> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`Queue ${name} is not defined`);
    for (let i = 0; i < definition.concurrency; i += 1) {
      await this.boss.work<T>(
        name,
        {
          includeMetadata: true,
          batchSize: 1,
          pollingIntervalSeconds: this.options.pollingIntervalSeconds,
        },
        async ([job]) => {
          if (job) await handler(job);
        },
      );
    }
  }

  async schedule(name: string, cron: string, data: object = {}): Promise<void> {
    await this.boss.schedule(name, cron, data, { tz: 'UTC' });
  }

  /** Removes the schedule of `name` (kept in the database until then); none is not an error. */
  async unschedule(name: string): Promise<void> {
    await this.boss.unschedule(name);
  }

  /** The cron schedules in force: `{ name, cron }` per scheduled queue. */
  async schedules(): Promise<{ name: string; cron: string }[]> {
    return (await this.boss.getSchedules()).map(({ name, cron }) => ({ name, cron }));
  }

  async cancel(name: string, id: string): Promise<void> {
    await this.boss.cancel(name, id);
  }

  /** Jobs waiting to run, per queue, for the metrics and the back office's system page. */
  async depth(): Promise<Record<string, number>> {
    const names = [...this.definitions.keys()];
    const sizes = await Promise.all(names.map((name) => this.boss.getQueueSize(name)));
    return Object.fromEntries(names.map((name, i) => [name, sizes[i]!]));
  }

  /** Stops fetching, waits for running handlers, then closes its connections. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}
