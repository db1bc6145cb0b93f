// What the units matching the filters add up to: completion rates and the rankings the charts
// draw. Pure functions of the rows, so that the page and its tests compute the same thing.
import type { ReportingRow } from '../../shared/api/types';

export interface ReportingSummary {
  units: number;
  byStatus: { not_started: number; in_progress: number; validated: number };
  /** Share of the units whose every enabled module is validated, 0–1 (0 without units). */
  unitsValidatedShare: number;
  validatedModules: number;
  enabledModules: number;
  /** Validated modules over enabled modules, summed over the units, 0–1. */
  modulesValidatedShare: number;
  /** Validated modules only, as everywhere in reporting. */
  totalKg: number;
  /**
   * The total over the FTE of the units with a validated module and a headcount (a unit with
   * nothing validated would only add people without emissions); null without any.
   */
  perFteKg: number | null;
}

export function summaryOf(rows: readonly ReportingRow[]): ReportingSummary {
  const byStatus = { not_started: 0, in_progress: 0, validated: 0 };
  let validatedModules = 0;
  let enabledModules = 0;
  let totalKg = 0;
  let fteKg = 0;
  let fte = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    validatedModules += row.validatedModules;
    enabledModules += row.enabledModules;
    totalKg += row.totalKgCo2eq;
    if (row.fte !== null && row.fte > 0 && row.validatedModules > 0) {
      fte += row.fte;
      fteKg += row.totalKgCo2eq;
    }
  }
  return {
    units: rows.length,
    byStatus,
    unitsValidatedShare: rows.length ? byStatus.validated / rows.length : 0,
    validatedModules,
    enabledModules,
    modulesValidatedShare: enabledModules ? validatedModules / enabledModules : 0,
    totalKg,
    perFteKg: fte > 0 ? fteKg / fte : null,
  };
}

export interface RankedUnit {
  unitId: string;
  code: string;
  name: string;
  kg: number;
}

/** The `count` largest values of `value` among the rows that have a positive one. */
export function topUnits(
  rows: readonly ReportingRow[],
  value: (row: ReportingRow) => number | null,
  name: (row: ReportingRow) => string,
  count: number,
): RankedUnit[] {
  return rows
    .map((row) => ({ row, kg: value(row) }))
    .filter((item): item is { row: ReportingRow; kg: number } => item.kg !== null && item.kg > 0)
    .sort((a, b) => b.kg - a.kg || a.row.code.localeCompare(b.row.code))
    .slice(0, count)
    .map(({ row, kg }) => ({ unitId: row.unitId, code: row.code, name: name(row), kg }));
}
