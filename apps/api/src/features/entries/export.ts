import {
  cellText,
  type CsvCellValue,
  moduleCsvFormat,
  moduleOf,
  type SubModuleId,
} from '@co2-calculator/domain';
import { asc, eq } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { HttpProblem } from '../../platform/http/problem.js';
import { units } from '../units/table.js';
import { getYear } from '../years/service.js';
import { unitAccess } from './access.js';
import type { EntryPath } from './contract.js';
import { entryFilters } from './queries.js';
import { officialReportId } from './service.js';
import { dataEntries } from './table.js';

/** Columns after the sub-module's own (those of its import template): what the row came to. */
const RESULT_COLUMNS = ['kgCo2eqCalculated', 'flags', 'source'] as const;

/**
 * A sub-module's rows of a unit's year as CSV: the columns of its import template (unit code,
 * fields, override, note), then the emission the row came to, its flags and where it came
 * from. For the unit's managers and the back office (`entries` export).
 */
export async function exportEntries(
  db: Database,
  principal: Principal,
  path: EntryPath,
  subModule: SubModuleId,
): Promise<{ filename: string; rows: Record<string, string>[]; columns: string[] }> {
  if (moduleOf(subModule) !== path.module) {
    throw new HttpProblem({
      status: 400,
      detail: `Sub-module ${subModule} is not part of ${path.module}.`,
    });
  }
  const access = await unitAccess(db, principal, path.unitId, path.module);
  if (!access.all('export')) {
    throw new HttpProblem({
      status: 403,
      detail: `You may not export the ${path.module} rows of this unit.`,
    });
  }
  await getYear(db, principal, path.year);
  const [unit] = await db.select({ code: units.code }).from(units).where(eq(units.id, path.unitId));
  const format = moduleCsvFormat(subModule);
  const columns = [...format.columns.map((column) => column.name), ...RESULT_COLUMNS];
  const filename = `co2-${unit!.code.toLowerCase()}-${path.year}-${subModule}.csv`;
  const reportId = await officialReportId(db, path.unitId, path.year);
  if (!reportId) return { filename, rows: [], columns };
  const entries = await db
    .select()
    .from(dataEntries)
    .where(entryFilters(reportId, path.module, { subModule }))
    .orderBy(asc(dataEntries.createdAt), asc(dataEntries.id));
  const rows = entries.map((entry) => {
    const cells = format.cellsOf({
      unitCode: unit!.code,
      fields: entry.fields as Record<string, unknown>,
      kgCo2eq: entry.kgOverride ?? undefined,
      note: entry.note ?? undefined,
    });
    const row: Record<string, string> = {};
    for (const name of format.columns.map((column) => column.name)) {
      row[name] = cellText(cells[name] as CsvCellValue | undefined);
    }
    row.kgCo2eqCalculated = String(entry.kgCo2eq);
    row.flags = (entry.flags as { code: string }[]).map((flag) => flag.code).join(' ');
    row.source = entry.source;
    return row;
  });
  return { filename, rows, columns };
}
