import type { SubModuleId } from '../footprint/modules.js';
import { moduleCsvFormat } from './module-formats.js';

const dateFields = new Map<SubModuleId, readonly string[]>();

/** The fields of a sub-module's rows that hold a date (YYYY-MM-DD), as its format reads them. */
export function dateFieldsOf(subModule: SubModuleId): readonly string[] {
  let fields = dateFields.get(subModule);
  if (!fields) {
    fields = moduleCsvFormat(subModule)
      .columns.filter((column) => column.type === 'date')
      .map((column) => column.name);
    dateFields.set(subModule, fields);
  }
  return fields;
}

/**
 * The first date of a row outside its reporting year, if any: a 2019 flight does not belong
 * to 2025's footprint, whether it comes from the form, the API or a file. Dates are already
 * valid YYYY-MM-DD strings here (the entry type's schema checked them), so the year is their
 * prefix; this runs once per row of a million-row import.
 */
export function dateOutsideYear(
  fields: Record<string, unknown>,
  dates: readonly string[],
  year: number,
): { field: string; message: string } | undefined {
  const prefix = `${year}-`;
  for (const field of dates) {
    const value = fields[field];
    if (typeof value === 'string' && !value.startsWith(prefix)) {
      return { field, message: `${value} is outside the year ${year}` };
    }
  }
  return undefined;
}
