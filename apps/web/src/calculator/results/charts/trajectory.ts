// The reduction trajectory: for each of the year's goals ("−50 % by 2030 from 2024"), a
// straight line from the reference year's total to the target, drawn against the results.
import { PALETTE, toTonnes, type ChartLocale } from './chart-locale';
import type { ChartOption } from './echarts';
import type { YearTotal } from './evolution';

export interface ReductionGoal {
  /** Reduction from the reference year, in %. */
  percent: number;
  referenceYear: number;
  targetYear: number;
}

export interface GoalLine {
  goal: ReductionGoal;
  fromKg: number;
  toKg: number;
}

export interface Trajectory {
  lines: GoalLine[];
  /** Goals that cannot be drawn: their reference year has no results (or a zero total). */
  withoutReference: ReductionGoal[];
}

export function trajectoryOf(
  goals: readonly ReductionGoal[],
  evolution: readonly YearTotal[],
): Trajectory {
  const totals = new Map(evolution.map((point) => [point.year, point.totalKgCo2eq]));
  const lines: GoalLine[] = [];
  const withoutReference: ReductionGoal[] = [];
  for (const goal of goals) {
    const fromKg = totals.get(goal.referenceYear);
    if (fromKg === undefined || fromKg <= 0 || goal.targetYear <= goal.referenceYear) {
      withoutReference.push(goal);
    } else {
      lines.push({ goal, fromKg, toKg: fromKg * (1 - goal.percent / 100) });
    }
  }
  return { lines, withoutReference };
}

/** The goal's value in a year on its line, or null outside reference…target. */
export function goalKgIn(line: GoalLine, year: number): number | null {
  const { referenceYear, targetYear } = line.goal;
  if (year < referenceYear || year > targetYear) return null;
  const progress = (year - referenceYear) / (targetYear - referenceYear);
  return line.fromKg + (line.toKg - line.fromKg) * progress;
}

/** Every year from the first result or reference year to the last result or target year. */
export function trajectoryYears(lines: readonly GoalLine[], evolution: readonly YearTotal[]) {
  const years = [
    ...evolution.map((point) => point.year),
    ...lines.flatMap((line) => [line.goal.referenceYear, line.goal.targetYear]),
  ];
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

export interface TrajectoryNames {
  results: string;
  goal: (goal: ReductionGoal) => string;
}

export function trajectoryOption(
  trajectory: Trajectory,
  evolution: readonly YearTotal[],
  locale: ChartLocale,
  names: TrajectoryNames,
): ChartOption {
  const years = trajectoryYears(trajectory.lines, evolution);
  const totals = new Map(evolution.map((point) => [point.year, point.totalKgCo2eq]));
  const tonnesOrNull = (kg: number | null | undefined) =>
    kg === null || kg === undefined ? null : toTonnes(kg);
  return {
    animation: locale.animation,
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value) =>
        value === null || value === undefined
          ? '—'
          : `${locale.tonnes(Number(value))} ${locale.unit}`,
    },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 40 },
    xAxis: { type: 'category', boundaryGap: false, data: years.map(String) },
    yAxis: {
      type: 'value',
      name: locale.unit,
      min: 0,
      axisLabel: { formatter: (value: number) => locale.tonnes(value) },
    },
    series: [
      {
        type: 'line',
        name: names.results,
        color: PALETTE[0],
        symbolSize: 8,
        data: years.map((year) => tonnesOrNull(totals.get(year))),
        // Years without results are gaps: the line must not suggest a total nobody reported.
        connectNulls: false,
      },
      ...trajectory.lines.map((line, index) => ({
        type: 'line' as const,
        name: names.goal(line.goal),
        color: PALETTE[(index + 3) % PALETTE.length],
        lineStyle: { type: 'dashed' as const },
        showSymbol: false,
        data: years.map((year) => tonnesOrNull(goalKgIn(line, year))),
      })),
    ],
  };
}
