/** The kinds of background work, each with a queue of its own. */
export const JOB_KINDS = ['import', 'recalculate', 'aggregate', 'registry-sync'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** The phases a job's progress goes through, in order (an import goes through all of them). */
export const JOB_PHASES = ['upload', 'parse', 'load', 'calculate', 'aggregate'] as const;
export type JobPhase = (typeof JOB_PHASES)[number];

export const JOB_STATES = [
  'queued',
  'running',
  'succeeded',
  'warning',
  'failed',
  'cancelled',
] as const;
export type JobState = (typeof JOB_STATES)[number];

/** States a job does not leave by itself. */
export const FINISHED_STATES: readonly JobState[] = ['succeeded', 'warning', 'failed', 'cancelled'];
