// What the web apps need to know about a job's life, mirroring the API's jobs/kinds.ts.
import type { Job } from '../api/types';

export type JobState = Job['state'];
export type JobPhase = NonNullable<Job['phase']>;
export type JobCountName = keyof Job['counts'];

/** The phases in order; an import goes through all of them (aggregate in a follow-up job). */
export const JOB_PHASES: readonly JobPhase[] = [
  'upload',
  'parse',
  'load',
  'calculate',
  'aggregate',
];

/** States a job does not leave by itself. */
export const FINISHED_STATES: readonly JobState[] = ['succeeded', 'warning', 'failed', 'cancelled'];

/** Counts in the order people read them. */
export const JOB_COUNT_NAMES: readonly JobCountName[] = [
  'read',
  'inserted',
  'updated',
  'skipped',
  'withFactor',
  'withoutFactor',
  'stale',
  'deactivated',
  'revoked',
];

export const isFinished = (job: Pick<Job, 'state'>): boolean => FINISHED_STATES.includes(job.state);

/** Whether the job changed data: the screens showing that data should reload. */
export const changedData = (job: Pick<Job, 'state'>): boolean =>
  job.state === 'succeeded' || job.state === 'warning';

/**
 * The more recent of two states of one job. Events, replays and GETs may arrive in any order;
 * `updatedAt` only grows, and a finished state is never followed by an unfinished one except
 * through a retry, which also moves `updatedAt`.
 */
export function newerJob(current: Job | undefined, candidate: Job): Job {
  if (!current) return candidate;
  return Date.parse(candidate.updatedAt) >= Date.parse(current.updatedAt) ? candidate : current;
}
