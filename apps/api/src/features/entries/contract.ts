import { MODULE_IDS, SUB_MODULE_IDS } from '@co2-calculator/domain';
import { z } from 'zod';
import { listOf, paginationQuery, sortQuery } from '../../platform/http/list.js';

export const entryPathSchema = z.object({
  unitId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
  module: z.enum(MODULE_IDS),
});

export const entryIdPathSchema = entryPathSchema.extend({ entryId: z.uuid() });

export const emissionSchema = z
  .object({
    emissionType: z.string(),
    scope: z.number().int(),
    category: z.string(),
    kgCo2eq: z.number(),
    quantity: z.number().nullable(),
    quantityUnit: z.string().nullable(),
    factorIds: z.array(z.string()),
  })
  .meta({ id: 'Emission' });

export const flagSchema = z
  .object({ code: z.string(), message: z.string() })
  .loose()
  .meta({ id: 'EntryFlag' });

export const entrySchema = z
  .object({
    id: z.uuid(),
    module: z.enum(MODULE_IDS),
    subModule: z.enum(SUB_MODULE_IDS),
    entryType: z.string(),
    fields: z.record(z.string(), z.unknown()),
    source: z.enum(['manual', 'backoffice-csv', 'unit-csv', 'api-feed', 'computed']),
    note: z.string().nullable(),
    kgCo2eqOverride: z.number().nullable(),
    kgCo2eq: z.number(),
    flags: z.array(flagSchema),
    emissions: z.array(emissionSchema),
    createdBy: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    readOnly: z.boolean().describe('Whether the caller may not change this row'),
  })
  .meta({ id: 'Entry' });

export const entryBodySchema = z
  .object({
    subModule: z.enum(SUB_MODULE_IDS),
    fields: z
      .record(z.string(), z.unknown())
      .describe('The fields of the sub-module’s data-entry type (see the CSV templates)'),
    note: z.string().max(2000).nullable().optional(),
    kgCo2eq: z
      .number()
      .min(0)
      .max(1e12)
      .nullable()
      .optional()
      .describe('Overrides the formula when given'),
  })
  .meta({ id: 'EntryWrite' });

export const ENTRY_SORT_FIELDS = ['createdAt', 'kgCo2eq'] as const;

export const entryListQuerySchema = z.object({
  ...paginationQuery,
  sort: sortQuery(ENTRY_SORT_FIELDS, '-createdAt'),
  subModule: z.enum(SUB_MODULE_IDS).optional(),
  flagged: z.stringbool().optional().describe('Only rows with (or without) flags'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Rows whose fields or note contain this text (case-insensitive)'),
});

export const entryListSchema = listOf(entrySchema)
  .extend({ totalKgCo2eq: z.number().describe('Sum over all matching rows, on all pages') })
  .meta({ id: 'EntryList' });

export type Entry = z.infer<typeof entrySchema>;
export type EntryBody = z.infer<typeof entryBodySchema>;
export type EntryListQuery = z.infer<typeof entryListQuerySchema>;
export type EntryPath = z.infer<typeof entryPathSchema>;

export const calculationDataPathSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const calculationDataQuerySchema = z.object({ subModule: z.enum(SUB_MODULE_IDS) });

export const calculationDataSchema = z
  .object({
    year: z.number().int(),
    subModule: z.enum(SUB_MODULE_IDS),
    factors: z
      .array(
        z.object({
          id: z.string(),
          factorSet: z.string(),
          year: z.number().int(),
          emissionType: z.string().nullable(),
          classification: z.record(z.string(), z.string()),
          values: z.record(z.string(), z.number().nullable()),
          unit: z.string(),
          source: z.string(),
        }),
      )
      .describe('The current (not stale) factors of the sets the sub-module’s calculation reads'),
    unitsPerEur: z
      .record(z.string(), z.number())
      .describe('The year’s average exchange rates (purchases, cloud and AI only)'),
    rooms: z
      .array(
        z.object({
          building: z.string(),
          room: z.string(),
          areaM2: z.number(),
          roomType: z.string(),
        }),
      )
      .describe('The building rooms register (the rooms sub-module only)'),
    facilities: z
      .array(
        z.object({
          name: z.string(),
          kgCo2eq: z.number(),
          totalUse: z.number(),
          computing: z.boolean(),
        }),
      )
      .describe(
        'The research facilities of the year with their footprint (research facilities only)',
      ),
  })
  .meta({ id: 'CalculationData' });

export const entryExportQuerySchema = z.object({
  subModule: z.enum(SUB_MODULE_IDS).describe('The sub-module whose rows to export (one CSV each)'),
});
