import { z } from 'zod';
import { listOf, paginationQuery, sortQuery } from '../../platform/http/list.js';
import { JOB_KINDS, JOB_PHASES, JOB_STATES } from './kinds.js';

const count = z.number().int();

export const jobCountsSchema = z
  .object({
    read: count.optional(),
    inserted: count.optional(),
    updated: count.optional(),
    skipped: count.optional(),
    withFactor: count.optional(),
    withoutFactor: count.optional(),
    stale: count.optional().describe('Factors of the set the file left out, flagged stale'),
    deactivated: count.optional().describe('Units the file left out, deactivated'),
    revoked: count.optional().describe('CSV role assignments the file no longer lists'),
  })
  .meta({ id: 'JobCounts' });

export const jobSchema = z
  .object({
    id: z.string(),
    pipelineId: z.string().describe('The first job of the chain: import → recalculate → aggregate'),
    kind: z.enum(JOB_KINDS),
    target: z.string().nullable(),
    year: z.number().int().nullable(),
    module: z.string().nullable(),
    subModule: z.string().nullable(),
    unitId: z.string().nullable(),
    mode: z.string().nullable(),
    state: z.enum(JOB_STATES),
    phase: z.enum(JOB_PHASES).nullable(),
    rowsDone: z.number().int(),
    rowsTotal: z.number().int().nullable(),
    counts: jobCountsSchema,
    attempts: z.number().int(),
    nextRetryAt: z.iso.datetime().nullable(),
    error: z.string().nullable(),
    filename: z.string().nullable(),
    sourceUrl: z
      .string()
      .nullable()
      .describe('The URL a back-office import fetched its file from (none: an upload)'),
    factorSet: z.string().nullable().describe('The factor set a factors import loaded'),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    heartbeatAt: z.iso
      .datetime()
      .nullable()
      .describe('Last renewal of the running job’s lease by the worker holding it'),
    links: z.object({
      errorReport: z.string().nullable().describe('Rejected rows with a reason (CSV)'),
      sourceFile: z.string().nullable(),
    }),
  })
  .meta({ id: 'Job' });

export type Job = z.infer<typeof jobSchema>;

export const JOB_SORT_FIELDS = ['createdAt', 'updatedAt', 'state', 'kind'] as const;

export const jobListQuerySchema = z.object({
  ...paginationQuery,
  sort: sortQuery(JOB_SORT_FIELDS, '-createdAt'),
  state: z.enum(JOB_STATES).optional(),
  kind: z.enum(JOB_KINDS).optional(),
  year: z.coerce.number().int().optional(),
  unitId: z.uuid().optional(),
  pipelineId: z.uuid().optional(),
  target: z.string().max(50).optional(),
});

export type JobListQuery = z.infer<typeof jobListQuerySchema>;

export const jobListSchema = listOf(jobSchema).meta({ id: 'JobList' });

export const jobIdPathSchema = z.object({ id: z.uuid() });
