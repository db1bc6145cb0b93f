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
      }),
    ),
  })
  .meta({ id: 'Report' });

export type Report = z.infer<typeof reportSchema>;
