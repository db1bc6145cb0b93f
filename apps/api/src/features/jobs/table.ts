import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../units/table.js';
import { users } from '../users/table.js';

export const jobStateEnum = pgEnum('job_state', [
  'queued',
  'running',
  'succeeded',
  'warning',
  'failed',
  'cancelled',
]);

/** Numbers every change of a job, so an event stream resumes after the last id it sent. */
export const jobEventSequence = pgSequence('data_ingestion_job_events');

/** What a job read and did with the rows, for its result and the history. */
export interface JobCounts {
  read: number;
  inserted: number;
  updated: number;
  skipped: number;
  withFactor: number;
  withoutFactor: number;
  /** Factor imports: factors of the set the file left out, flagged stale (never deleted). */
  stale: number;
  /** Units imports: units the file left out, deactivated (never deleted). */
  deactivated: number;
  /** Role-assignment imports: CSV assignments the file no longer lists, revoked. */
  revoked: number;
}

/**
 * Every background job (an import, a recalculation, an aggregation, a registry sync) as the
 * people who started it follow it: the durable record and the history. The queue (pg-boss)
 * only delivers work; this row is the truth about a job's state, progress and result.
 */
export const dataIngestionJobs = pgTable(
  'data_ingestion_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The first job of the chain this one belongs to (import → recalculate → aggregate). */
    pipelineId: uuid('pipeline_id').notNull(),
    kind: text('kind').notNull(),
    target: text('target'),
    year: integer('year'),
    module: text('module'),
    subModule: text('sub_module'),
    unitId: uuid('unit_id').references(() => units.id),
    mode: text('mode'),
    state: jobStateEnum('state').notNull().default('queued'),
    phase: text('phase'),
    rowsDone: integer('rows_done').notNull().default(0),
    rowsTotal: integer('rows_total'),
    counts: jsonb('counts').$type<Partial<JobCounts>>().notNull().default({}),
    attempts: integer('attempts').notNull().default(0),
    /** Incremented by a retry from the API: a run is one delivery through the queue. */
    run: integer('run').notNull().default(1),
    nextRetryAt: timestamp('next_retry_at', { withTimezone: true }),
    error: text('error'),
    /** The uploaded source file and its name as the user gave it. */
    fileKey: text('file_key'),
    filename: text('filename'),
    /** SHA-256 of the source file: the same file imported again replaces its own rows. */
    fileSha256: text('file_sha256'),
    /** The error report (rejected rows with a reason), next to the source file. */
    resultKey: text('result_key'),
    /** Parameters of kinds that need more than the columns above. */
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Renewed by the process running the job; a stale one lets another process take over. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** When the queue was handed the current run (null: not yet, the dispatcher will). */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .default(sql`nextval('data_ingestion_job_events')`),
  },
  (t) => [
    index('data_ingestion_jobs_created_idx').on(t.createdAt),
    index('data_ingestion_jobs_pipeline_idx').on(t.pipelineId),
    index('data_ingestion_jobs_unit_idx').on(t.unitId),
    index('data_ingestion_jobs_state_idx').on(t.state, t.kind),
    index('data_ingestion_jobs_year_idx').on(t.year),
    index('data_ingestion_jobs_event_idx').on(t.eventId),
    index('data_ingestion_jobs_file_idx').on(t.fileSha256),
  ],
);

export type JobRow = typeof dataIngestionJobs.$inferSelect;
