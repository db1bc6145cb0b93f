import { z } from 'zod';
import { listOf, paginationQuery, sortQuery } from '../../platform/http/list.js';

export const REPORTING_SORT_FIELDS = [
  'code',
  'nameEn',
  'nameFr',
  'totalKgCo2eq',
  'perFteKgCo2eq',
  'completion',
] as const;

export const reportingQuerySchema = z.object({
  ...paginationQuery,
  sort: sortQuery(REPORTING_SORT_FIELDS, 'code'),
  year: z.coerce.number().int(),
  affiliation: z.uuid().optional().describe('Only units in the subtree of this unit'),
  level: z.coerce.number().int().min(1).max(4).default(4),
  status: z.enum(['not_started', 'in_progress', 'validated']).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('Export every matching unit instead of a page'),
});

export const reportingRowSchema = z
  .object({
    unitId: z.uuid(),
    code: z.string(),
    nameEn: z.string(),
    nameFr: z.string(),
    level: z.number().int(),
    labs: z
      .number()
      .int()
      .describe('The labs counted: a lab itself; for a faculty or an institute, those under it'),
    status: z
      .enum(['not_started', 'in_progress', 'validated'])
      .describe('Of a faculty or an institute: validated when every lab is, started when one is'),
    validatedModules: z.number().int().describe('Summed over the labs counted'),
    enabledModules: z.number().int().describe('Summed over the labs counted'),
    totalKgCo2eq: z.number().describe('Validated modules only, summed over the labs counted'),
    previousYearKgCo2eq: z
      .number()
      .nullable()
      .describe('The same for the year before; null when none of the labs had a report then'),
    fte: z.number().nullable(),
    perFteKgCo2eq: z.number().nullable(),
    topCategory: z.string().nullable(),
  })
  .meta({ id: 'ReportingRow' });

export const reportingListSchema = listOf(reportingRowSchema).meta({ id: 'ReportingList' });

export type ReportingQuery = z.infer<typeof reportingQuerySchema>;
export type ReportingRow = z.infer<typeof reportingRowSchema>;
