import { FACTOR_SETS, MODULE_IDS, SUB_MODULE_IDS } from '@co2-calculator/domain';
import { z } from 'zod';

/** The back office's imports: institution-wide data, loaded by administrators only. */
export const BACK_OFFICE_TARGETS = [
  'factors',
  'exchange-rates',
  'research-facilities',
  'airports',
  'railway-stations',
  'building-rooms',
  'units',
  'role-assignments',
] as const;
export type BackOfficeTarget = (typeof BACK_OFFICE_TARGETS)[number];

/** What an import loads (PRODUCT.md §5). */
export const IMPORT_TARGETS = [
  'module-data-all',
  'module-data-unit',
  ...BACK_OFFICE_TARGETS,
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export const isBackOfficeTarget = (target: ImportTarget): target is BackOfficeTarget =>
  (BACK_OFFICE_TARGETS as readonly string[]).includes(target);

/** The back-office targets whose rows belong to a year: the request names it. */
export const YEARLY_BACK_OFFICE_TARGETS: readonly BackOfficeTarget[] = [
  'factors',
  'exchange-rates',
  'research-facilities',
];

export const importBodySchema = z
  .object({
    target: z
      .enum(IMPORT_TARGETS)
      .describe(
        '`module-data-all`: one sub-module of every unit (a `unitCode` column), replacing the ' +
          'earlier back-office rows; `module-data-unit`: one sub-module of the unit `unitId`; ' +
          '`factors`: one factor set (`factorSet`) of a year; `exchange-rates`, ' +
          '`research-facilities`: those of a year; `airports`, `railway-stations`, ' +
          '`building-rooms`, `units`, `role-assignments`: no year (see docs/csv-formats.md)',
      ),
    year: z
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .describe(
        'Required for module data, factors, exchange rates and research facilities; ' +
          'ignored by the other targets',
      ),
    module: z
      .enum(MODULE_IDS)
      .optional()
      .describe('Module data: the module of `subModule`, if given, must be its module'),
    subModule: z
      .enum(SUB_MODULE_IDS)
      .optional()
      .describe(
        'Module data: the sub-module of the rows. Factors: instead of `factorSet`, a ' +
          'sub-module whose calculation reads exactly one set',
      ),
    factorSet: z
      .enum(FACTOR_SETS as [string, ...string[]])
      .optional()
      .describe('Factors: the set the file holds (format `factors-<set>`)'),
    unitId: z.uuid().optional(),
    mode: z
      .enum(['replace', 'append'])
      .default('replace')
      .describe('Inside a unit: add to its CSV rows, or replace them (manual rows are kept)'),
    uploadKey: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe('The `key` returned by POST /uploads; or `sourceUrl` instead'),
    sourceUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .describe(
        'Back-office targets: fetch the file from this http(s) URL instead of an upload (a ' +
          'factor set or exchange rates where their source publishes them); its host must be ' +
          'listed in IMPORT_SOURCE_HOSTS',
      ),
  })
  .meta({ id: 'ImportRequest' });

export type ImportBody = z.infer<typeof importBodySchema>;

export const importAcceptedSchema = z
  .object({
    jobId: z.string(),
    pipelineId: z.string(),
    links: z.object({ job: z.string(), events: z.string() }),
  })
  .meta({ id: 'ImportAccepted' });
