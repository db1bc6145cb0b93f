import { can } from '@co2-calculator/domain';
import { asc, eq, getTableColumns, gt, max } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { units } from '../units/table.js';
import type { Job } from './contract.js';
import { toJob } from './service.js';
import { dataIngestionJobs, type JobRow } from './table.js';

export interface JobEvent {
  /** The job's event number: what a reconnecting client sends back as `Last-Event-ID`. */
  id: number;
  job: Job;
}

type Listener = (event: JobEvent) => void;

interface Subscriber {
  principal: Principal;
  listener: Listener;
}

type RowWithPath = JobRow & { unitPath: string | null };

/** Whether the caller may see a job: the same rule as the job list's filter. */
function visibleTo(principal: Principal, row: RowWithPath): boolean {
  if (!row.unitId) return can(principal.permissions, 'view', 'jobs');
  return can(principal.permissions, 'view', 'jobs', {
    unitId: row.unitId,
    unitPath: (row.unitPath ?? '').split('/').filter(Boolean),
  });
}

const BATCH = 500;
/**
 * Event numbers are taken when a statement runs but seen when its transaction commits, so a
 * long transaction may commit a number below one already delivered. Each read looks back this
 * many numbers and skips the events already delivered.
 */
const LOOK_BACK = 200;

/**
 * The live feed of job changes in this process. Any process changing a job (an API replica, a
 * worker) commits a statement that notifies every process (change feed, LISTEN/NOTIFY on a
 * direct connection); the hub then reads the changed jobs once — every change carries an
 * increasing event number — and hands each to the subscribers allowed to see it. A burst of
 * progress updates costs one query per process, whatever the number of connected browsers.
 */
export class JobEventHub {
  private readonly subscribers = new Set<Subscriber>();
  private lastEventId: number | undefined;
  private readonly delivered = new Set<number>();
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly db: Database,
    changes: ChangeFeed,
  ) {
    this.unsubscribe = changes.subscribe((table) => {
      if (table === 'data_ingestion_jobs' || table === '*') this.poll();
    });
  }

  /** Follows the jobs visible to `principal`; returns the unsubscribe function. */
  async subscribe(principal: Principal, listener: Listener): Promise<() => void> {
    // Start from now: what happened before is the job list's (or a replay's) business.
    this.lastEventId ??= await this.currentEventId();
    const subscriber = { principal, listener };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** The jobs visible to `principal` changed since `afterEventId`, for a resumed stream. */
  async replay(principal: Principal, afterEventId: number): Promise<JobEvent[]> {
    const events: JobEvent[] = [];
    let after = afterEventId;
    for (;;) {
      const rows = await this.changedSince(after);
      for (const row of rows) if (visibleTo(principal, row)) events.push(this.eventOf(row));
      if (rows.length < BATCH) return events;
      after = rows.at(-1)!.eventId;
    }
  }

  close(): void {
    this.unsubscribe();
    this.subscribers.clear();
  }

  private poll(): void {
    if (this.subscribers.size === 0) {
      this.lastEventId = undefined;
      return;
    }
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = (async () => {
      do {
        this.readAgain = false;
        let cursor = Math.max(0, (this.lastEventId ?? 0) - LOOK_BACK);
        for (;;) {
          const rows = await this.changedSince(cursor);
          for (const row of rows) this.deliver(row);
          if (rows.length < BATCH) break;
          cursor = rows.at(-1)!.eventId;
        }
        for (const id of this.delivered) {
          if (id <= (this.lastEventId ?? 0) - LOOK_BACK) this.delivered.delete(id);
        }
      } while (this.readAgain);
    })()
      .catch(() => {
        // The next notification reads again from the last event delivered.
      })
      .finally(() => {
        this.reading = undefined;
      });
  }

  private deliver(row: RowWithPath): void {
    if (this.delivered.has(row.eventId)) return;
    this.delivered.add(row.eventId);
    this.lastEventId = Math.max(this.lastEventId ?? 0, row.eventId);
    const event = this.eventOf(row);
    for (const subscriber of this.subscribers) {
      if (visibleTo(subscriber.principal, row)) subscriber.listener(event);
    }
  }

  private eventOf(row: RowWithPath): JobEvent {
    const { unitPath: _path, ...job } = row;
    return { id: row.eventId, job: toJob(job) };
  }

  private async currentEventId(): Promise<number> {
    const [row] = await this.db
      .select({ eventId: max(dataIngestionJobs.eventId) })
      .from(dataIngestionJobs);
    return row?.eventId ?? 0;
  }

  private changedSince(eventId: number): Promise<RowWithPath[]> {
    return this.db
      .select({ ...getTableColumns(dataIngestionJobs), unitPath: units.path })
      .from(dataIngestionJobs)
      .leftJoin(units, eq(units.id, dataIngestionJobs.unitId))
      .where(gt(dataIngestionJobs.eventId, eventId))
      .orderBy(asc(dataIngestionJobs.eventId))
      .limit(BATCH);
  }
}
