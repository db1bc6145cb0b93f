import { z } from 'zod';
import { entryTypeOf } from '../footprint/entry-types/index.js';
import { moduleOf, SUB_MODULE_IDS, type SubModuleId } from '../footprint/modules.js';
import { columnsOf } from './column.js';
import { type CsvCells, type CsvFormat, type CsvRowIssue, flatCells, rowIssues } from './format.js';
import { MODULE_ROW_EXAMPLES, SUB_MODULE_ROW_EXAMPLES } from './module-examples.js';

/**
 * The columns every module row may carry besides its entry type's fields. The unit column is
 * `unitCode`, not `unit`: `unit` is a field of two entry types (combustion, centralised
 * purchase). A field of the same name as one of these wins: process gas has its own `note`.
 */
export const moduleRowCommonSchema = z.object({
  unitCode: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Code of the unit the row belongs to: required in a file of all units (back office); ignored in a file imported inside a unit',
    ),
  kgCo2eq: z
    .number()
    .min(0)
    .max(1e12)
    .optional()
    .describe('kg CO2-eq of the row, replacing the formula; leave empty to calculate'),
  note: z.string().trim().max(2000).optional().describe('Free text kept with the row'),
});

/** The unit column of module data, required when one file carries the rows of all units. */
export const UNIT_CODE_COLUMN = 'unitCode';

/** A row of module data: the entry type's fields and what the row carries besides. */
export interface ModuleRow<F = Record<string, unknown>> {
  unitCode?: string;
  fields: F;
  kgCo2eq?: number;
  note?: string;
}

function hasKeys(object: object): boolean {
  for (const _key in object) return true;
  return false;
}

function moduleFormat(subModule: SubModuleId): CsvFormat<ModuleRow> {
  const entryType = entryTypeOf(subModule);
  if (!entryType) throw new Error(`sub-module ${subModule} has no data-entry type`);
  const fieldColumns = columnsOf(entryType.fields);
  const fieldNames = new Set(fieldColumns.map((column) => column.name));
  const common = columnsOf(moduleRowCommonSchema).filter((column) => !fieldNames.has(column.name));
  if (fieldNames.has(UNIT_CODE_COLUMN) || fieldNames.has('kgCo2eq')) {
    throw new Error(`entry type ${entryType.id} has a field named like a common column`);
  }
  const [unitColumn, ...trailing] = common;
  const example =
    SUB_MODULE_ROW_EXAMPLES[subModule] ??
    (MODULE_ROW_EXAMPLES[entryType.id as keyof typeof MODULE_ROW_EXAMPLES] as CsvCells | undefined);
  if (!example) throw new Error(`entry type ${entryType.id} has no CSV example row`);
  const commonSchema = z.object(
    Object.fromEntries(
      Object.entries(moduleRowCommonSchema.shape).filter(([name]) => !fieldNames.has(name)),
    ),
  );
  return {
    name: subModule,
    target: 'module-data',
    title: `Rows of ${moduleOf(subModule)} › ${subModule} (data-entry type ${entryType.id})`,
    module: moduleOf(subModule),
    subModule,
    entryType: entryType.id,
    subModules: [subModule],
    columns: [unitColumn!, ...fieldColumns, ...trailing],
    example: { unitCode: 'L01', ...example },
    validate(cells) {
      const fieldCells: CsvCells = {};
      const otherCells: CsvCells = {};
      for (const key in cells) {
        if (fieldNames.has(key)) fieldCells[key] = cells[key]!;
        else otherCells[key] = cells[key]!;
      }
      const parsedFields = entryType.fields.safeParse(fieldCells);
      // Most rows carry no override nor note: no second parse for them.
      const parsedRest = hasKeys(otherCells)
        ? commonSchema.safeParse(otherCells)
        : ({ success: true, data: {} } as const);
      if (parsedFields.success && parsedRest.success) {
        const rest = parsedRest.data as Omit<ModuleRow, 'fields'>;
        return {
          ok: true,
          value: { ...rest, fields: parsedFields.data as Record<string, unknown> },
        };
      }
      const issues: CsvRowIssue[] = [];
      if (!parsedFields.success) issues.push(...rowIssues(parsedFields.error));
      if (!parsedRest.success) issues.push(...rowIssues(parsedRest.error));
      return { ok: false, issues };
    },
    cellsOf: ({ fields, ...rest }) => ({ ...flatCells(rest), ...flatCells(fields as object) }),
  };
}

const formats = new Map<SubModuleId, CsvFormat<ModuleRow>>();

/**
 * The format of a sub-module's data, named by the sub-module id; built on first use, as the
 * web apps import the package without needing it.
 */
export function moduleCsvFormat(subModule: SubModuleId): CsvFormat<ModuleRow> {
  let format = formats.get(subModule);
  if (!format) {
    format = moduleFormat(subModule);
    formats.set(subModule, format);
  }
  return format;
}

/** The formats of every sub-module, in catalogue order. */
export function moduleCsvFormats(): CsvFormat<ModuleRow>[] {
  return SUB_MODULE_IDS.map(moduleCsvFormat);
}
