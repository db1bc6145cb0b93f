import { CSV_TARGETS, MODULE_IDS, SUB_MODULE_IDS } from '@co2-calculator/domain';
import { z } from 'zod';

export const csvColumnSchema = z
  .object({
    name: z.string().describe('The header cell (matched ignoring case)'),
    type: z.enum(['text', 'number', 'integer', 'boolean', 'date']),
    required: z.boolean(),
    description: z.string(),
    rule: z.string().describe('The rule in words, as the template’s comment line shows it'),
    values: z.array(z.string()).optional().describe('The only values allowed'),
    minimum: z.number().optional(),
    exclusiveMinimum: z.number().optional(),
    maximum: z.number().optional(),
    exclusiveMaximum: z.number().optional(),
    minLength: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    pattern: z.string().optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  })
  .meta({ id: 'CsvColumn' });

export const csvTemplateSchema = z
  .object({
    name: z.string().describe('The format name: the template is `/api/v1/templates/{name}.csv`'),
    target: z.enum(CSV_TARGETS),
    title: z.string(),
    module: z.enum(MODULE_IDS).optional(),
    subModule: z.enum(SUB_MODULE_IDS).optional(),
    entryType: z.string().optional(),
    factorSet: z.string().optional(),
    subModules: z
      .array(z.enum(SUB_MODULE_IDS))
      .describe('Sub-modules whose rows it holds, or whose calculation reads the factor set'),
    href: z.string().describe('Where to download the template'),
    columns: z.array(csvColumnSchema),
  })
  .meta({ id: 'CsvTemplate' });

export const csvTemplateListSchema = z
  .object({ items: z.array(csvTemplateSchema) })
  .meta({ id: 'CsvTemplateList' });

export const templateParamsSchema = z.object({
  name: z
    .string()
    .min(1)
    .max(100)
    .describe(
      'A sub-module id (module data), `factors-<set>`, `units`, `role-assignments`, `airports`, `railway-stations`, `building-rooms`, `research-facilities` or `exchange-rates`',
    ),
});

export type CsvTemplate = z.infer<typeof csvTemplateSchema>;
