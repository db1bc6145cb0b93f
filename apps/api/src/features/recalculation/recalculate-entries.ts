import {
  calculateEntry,
  entryTypeOf,
  type SubModuleId,
  withOutlierFlag,
} from '@co2-calculator/domain';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import type { CalculationContexts } from '../entries/calculation-context.js';
import { dataEntries } from '../entries/table.js';
import { outlierThresholdOf } from '../years/service.js';
import { yearModules } from '../years/table.js';
import { type CalculatedEntry, writeCalculatedEntries } from './emission-writes.js';

/** Rows calculated and written per transaction: big enough to amortise, small enough to stream. */
export const RECALCULATION_BATCH = 2_000;

export interface RecalculationScope {
  year: number;
  /** Only these sub-modules; all of the year when absent. */
  subModules?: readonly string[];
  /** Only these rows (an import's), when given. */
  importJobId?: string;
}

export interface RecalculationProgress {
  done: number;
  withFactor: number;
  withoutFactor: number;
}

/**
 * Recalculates the emissions of a set of rows with the pure calculators and the year's
 * current factors: read a batch (keyset order), calculate it in memory, write it back with
 * three set-based statements, repeat. Each batch commits on its own, so a very large year
 * never holds one huge transaction; a batch interrupted by a crash is simply done again.
 */
export async function recalculateEntries(
  db: Database,
  contexts: CalculationContexts,
  scope: RecalculationScope,
  options: { signal?: AbortSignal; onProgress?: (progress: RecalculationProgress) => void } = {},
): Promise<RecalculationProgress> {
  const context = await contexts(scope.year);
  const settings = new Map(
    (
      await db
        .select({
          module: yearModules.module,
          outlierThresholdKg: yearModules.outlierThresholdKg,
          subModuleThresholdsKg: yearModules.subModuleThresholdsKg,
        })
        .from(yearModules)
        .where(eq(yearModules.year, scope.year))
    ).map((row) => [row.module, row]),
  );
  const progress: RecalculationProgress = { done: 0, withFactor: 0, withoutFactor: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    options.signal?.throwIfAborted();
    const rows = await db
      .select({
        id: dataEntries.id,
        reportId: dataEntries.reportId,
        module: dataEntries.module,
        subModule: dataEntries.subModule,
        fields: dataEntries.fields,
        kgOverride: dataEntries.kgOverride,
      })
      .from(dataEntries)
      .where(
        and(
          eq(dataEntries.year, scope.year),
          scope.subModules ? inArray(dataEntries.subModule, [...scope.subModules]) : undefined,
          scope.importJobId ? eq(dataEntries.importJobId, scope.importJobId) : undefined,
          gt(dataEntries.id, after),
        ),
      )
      .orderBy(asc(dataEntries.id))
      .limit(RECALCULATION_BATCH);
    if (rows.length === 0) break;
    const calculated: CalculatedEntry[] = rows.map((row) => {
      const subModule = row.subModule as SubModuleId;
      const type = entryTypeOf(subModule)!;
      // Stored fields were validated on the way in; parsing again applies today's defaults.
      const parsed = type.fields.safeParse(row.fields);
      const result = parsed.success
        ? calculateEntry(type, subModule, parsed.data, row.kgOverride, context)
        : {
            emissions: [],
            flags: [
              {
                code: 'missing-reference' as const,
                reference: 'fields',
                message: 'The stored fields no longer satisfy the row type; edit the row.',
              },
            ],
          };
      const flagged = withOutlierFlag(
        result,
        outlierThresholdOf(settings.get(row.module), row.subModule),
      );
      if (flagged.flags.some((flag) => flag.code === 'missing-factor')) progress.withoutFactor += 1;
      else progress.withFactor += 1;
      return { id: row.id, reportId: row.reportId, module: row.module, result: flagged };
    });
    await db.transaction((tx) => writeCalculatedEntries(tx, calculated));
    progress.done += rows.length;
    options.onProgress?.({ ...progress });
    after = rows.at(-1)!.id;
    if (rows.length < RECALCULATION_BATCH) break;
  }
  return progress;
}
