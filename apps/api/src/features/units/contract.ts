import { MAX_UNIT_LEVEL, MIN_UNIT_LEVEL, UNIT_TYPES } from '@co2-calculator/domain';
import { z } from 'zod';
import { listOf, paginationQuery, sortQuery } from '../../platform/http/list.js';

/** What clients see of a unit. The materialised path stays internal. */
export const unitSchema = z
  .object({
    id: z.uuid(),
    code: z.string().describe('Code in the institution’s registry, unique'),
    nameEn: z.string(),
    nameFr: z.string(),
    level: z
      .number()
      .int()
      .min(MIN_UNIT_LEVEL)
      .max(MAX_UNIT_LEVEL)
      .describe('1 institution, 2 faculty, 3 institute, 4 lab (workspace)'),
    parentId: z.uuid().nullable(),
    type: z.enum(UNIT_TYPES),
    active: z.boolean().describe('Units are deactivated, never deleted'),
  })
  .meta({ id: 'Unit' });

export const unitDetailSchema = unitSchema
  .extend({
    ancestors: z.array(unitSchema).describe('From the institution down to the parent'),
  })
  .meta({ id: 'UnitDetail' });

export const UNIT_SORT_FIELDS = ['code', 'nameEn', 'nameFr', 'level'] as const;

export const unitListQuerySchema = z.object({
  ...paginationQuery,
  sort: sortQuery(UNIT_SORT_FIELDS, 'code'),
  level: z.coerce.number().int().min(MIN_UNIT_LEVEL).max(MAX_UNIT_LEVEL).optional(),
  parent: z.uuid().optional().describe('Only the direct children of this unit'),
  active: z.stringbool().optional().describe('Only active (`true`) or inactive (`false`) units'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Text in the code or either name; case and accents are ignored'),
});

export const unitListSchema = listOf(unitSchema).meta({ id: 'UnitList' });

export const unitIdParamsSchema = z.object({ id: z.uuid() });

export type Unit = z.infer<typeof unitSchema>;
export type UnitDetail = z.infer<typeof unitDetailSchema>;
export type UnitListQuery = z.infer<typeof unitListQuerySchema>;
