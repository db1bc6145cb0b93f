import { MODULE_IDS } from '@co2-calculator/domain';
import { z } from 'zod';

export const reportPathSchema = z.object({
  unitId: z.uuid(),
  year: z.coerce.number().int().min(2000).max(2100),
});

const statusSchema = z.enum(['not_started', 'in_progress', 'validated']);

export const reportSchema = z
  .object({
    unitId: z.uuid(),
    year: z.number().int(),
    status: statusSchema,
    completion: z.object({ validated: z.number().int(), enabled: z.number().int() }),
    totalKgCo2eq: z.number().describe('All modules, validated or not'),
    validatedKgCo2eq: z.number().describe('Validated modules only: what results show'),
    fte: z.number().nullable(),
    modules: z.array(
      z.object({
        module: z.enum(MODULE_IDS),
        status: statusSchema,
        totalKgCo2eq: z.number(),
        entries: z.number().int(),
        flagged: z.number().int(),
        byEmissionType: z
          .record(z.string(), z.number())
          .describe('kg CO₂-eq of each emission type of the module, validated or not'),
      }),
    ),
  })
  .meta({ id: 'Report' });

export type Report = z.infer<typeof reportSchema>;

export const moduleStatusPathSchema = reportPathSchema.extend({ module: z.enum(MODULE_IDS) });

export const moduleStatusBodySchema = z
  .object({ status: z.enum(['in_progress', 'validated']) })
  .meta({ id: 'ModuleStatus' });

export type ModuleStatusBody = z.infer<typeof moduleStatusBodySchema>;

export const resultsSchema = z
  .object({
    unitId: z.uuid(),
    year: z.number().int(),
    totalKgCo2eq: z.number().describe('Validated modules only'),
    totalTCo2eq: z.number(),
    fte: z.number().nullable(),
    perFteKgCo2eq: z.number().nullable(),
    byScope: z.record(z.string(), z.number()),
    byCategory: z.record(z.string(), z.number()),
    byModule: z.record(z.string(), z.number()),
    byEmissionType: z.record(z.string(), z.number()),
    itFocusKgCo2eq: z.number(),
    carKmEquivalent: z.number().nullable().describe('Null when the year has no car factor'),
    validatedModules: z.array(z.enum(MODULE_IDS)),
    previousYear: z
      .object({
        year: z.number().int(),
        totalKgCo2eq: z.number(),
        changePercent: z.number().nullable(),
      })
      .nullable(),
    evolution: z.array(z.object({ year: z.number().int(), totalKgCo2eq: z.number() })),
  })
  .meta({ id: 'Results' });

export type Results = z.infer<typeof resultsSchema>;
