import { SUB_MODULE_IDS } from '@co2-calculator/domain';
import { z } from 'zod';
import { listOf, paginationQuery, sortQuery } from '../../platform/http/list.js';

export const factorSchema = z
  .object({
    id: z.uuid(),
    factorSet: z.string(),
    year: z.number().int(),
    emissionType: z.string().nullable(),
    classification: z.record(z.string(), z.string()),
    values: z.record(z.string(), z.number().nullable()),
    unit: z.string(),
    source: z.string(),
    citation: z.string().nullable(),
    stale: z.boolean().describe('Missing from the latest import of its set'),
  })
  .meta({ id: 'Factor' });

export const factorListQuerySchema = z.object({
  ...paginationQuery,
  sort: sortQuery(['factorSet', 'classificationKey'] as const, 'factorSet'),
  year: z.coerce.number().int(),
  subModule: z.enum(SUB_MODULE_IDS).optional().describe('Only the sets its entry type reads'),
  factorSet: z.string().max(100).optional(),
  stale: z.stringbool().optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Text in the classification or source'),
});

export const staleQuerySchema = factorListQuerySchema.pick({
  year: true,
  page: true,
  pageSize: true,
  subModule: true,
});

export const factorListSchema = listOf(factorSchema).meta({ id: 'FactorList' });

export const factorOptionsQuerySchema = z.object({
  year: z.coerce.number().int(),
  subModule: z.enum(SUB_MODULE_IDS),
});

export const factorOptionsSchema = z
  .object({
    subModule: z.enum(SUB_MODULE_IDS),
    year: z.number().int(),
    options: z
      .record(z.string(), z.record(z.string(), z.array(z.string())))
      .describe('Per factor set, per classification key: the values a row may choose'),
  })
  .meta({ id: 'FactorOptions' });

export type FactorListQuery = z.infer<typeof factorListQuerySchema>;

export const recalculationBodySchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    subModule: z.enum(SUB_MODULE_IDS).optional().describe('Only this sub-module’s rows; none: all'),
  })
  .meta({ id: 'RecalculationRequest' });

export const recalculationAcceptedSchema = z
  .object({ jobId: z.uuid(), pipelineId: z.uuid() })
  .meta({ id: 'RecalculationAccepted' });
