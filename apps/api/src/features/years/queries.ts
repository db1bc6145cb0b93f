import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import type { Year } from './contract.js';
import { yearModules, years } from './table.js';

/** Years with their module settings, oldest first; only open ones unless `includeClosed`. */
export async function selectYears(
  db: Database,
  options: { includeClosed: boolean; year?: number },
) {
  const rows = await db
    .select()
    .from(years)
    .where(
      options.year !== undefined
        ? eq(years.year, options.year)
        : options.includeClosed
          ? undefined
          : eq(years.open, true),
    )
    .orderBy(asc(years.year));
  const modules = rows.length
    ? await db
        .select()
        .from(yearModules)
        .where(
          inArray(
            yearModules.year,
            rows.map((row) => row.year),
          ),
        )
        .orderBy(asc(yearModules.module))
    : [];
  return rows
    .filter((row) => options.includeClosed || row.open)
    .map((row): Year => ({
      year: row.year,
      open: row.open,
      reductionGoals: row.reductionGoals,
      modules: modules
        .filter((module) => module.year === row.year)
        .map((module) => ({
          module: module.module as Year['modules'][number]['module'],
          enabled: module.enabled,
          subModules: (module.subModules as Year['modules'][number]['subModules']) ?? null,
          outlierThresholdKg: module.outlierThresholdKg ?? null,
          subModuleThresholdsKg:
            module.subModuleThresholdsKg as Year['modules'][number]['subModuleThresholdsKg'],
          uncertainty: module.uncertainty ?? null,
        })),
    }));
}
