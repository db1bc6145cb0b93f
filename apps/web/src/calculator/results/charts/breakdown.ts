// Option builders of the breakdowns (by scope, by category, by module): pure functions from
// rows already labelled in the reader's language to an ECharts option.
import { PALETTE, SCOPE_COLORS, toTonnes, type ChartLocale, type ChartRow } from './chart-locale';
import type { ChartOption } from './echarts';

/** Labelled rows of a `{ id: kg }` map, largest first; `label` names an id for people. */
export function rowsOf(
  byKey: Readonly<Record<string, number>>,
  label: (key: string) => string,
): ChartRow[] {
  return Object.entries(byKey)
    .map(([key, kg]) => ({ key, label: label(key), kg }))
    .sort((a, b) => b.kg - a.kg);
}

/** The share of each row in their sum, 0 when the sum is 0 (never NaN). */
export function shareOf(row: ChartRow, rows: readonly ChartRow[]): number {
  const total = rows.reduce((sum, r) => sum + r.kg, 0);
  return total > 0 ? row.kg / total : 0;
}

/** A donut of the scopes; empty scopes get no slice (a 0 % slice only clutters the labels). */
export function scopeOption(rows: readonly ChartRow[], locale: ChartLocale): ChartOption {
  const shown = rows.filter((row) => row.kg > 0);
  return {
    animation: locale.animation,
    tooltip: {
      trigger: 'item',
      valueFormatter: (value) => `${locale.tonnes(Number(value))} ${locale.unit}`,
    },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '45%'],
        data: shown.map((row) => ({
          name: row.label,
          value: toTonnes(row.kg),
          itemStyle: { color: SCOPE_COLORS[row.key] ?? PALETTE[0] },
        })),
        label: {
          lineHeight: 18,
          formatter: (params) => {
            const row = shown[params.dataIndex];
            return row ? `${row.label}\n${locale.share(shareOf(row, shown))}` : '';
          },
        },
      },
    ],
  };
}

/**
 * Horizontal bars, largest on top, the value at the end of each bar: long category names stay
 * readable on a phone, which vertical bars' rotated labels are not.
 */
export function barOption(rows: readonly ChartRow[], locale: ChartLocale): ChartOption {
  return {
    animation: locale.animation,
    color: PALETTE,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => `${locale.tonnes(Number(value))} ${locale.unit}`,
    },
    grid: { left: 8, right: 56, top: 8, bottom: 32 },
    xAxis: {
      type: 'value',
      name: locale.unit,
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { formatter: (value: number) => locale.tonnes(value) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      // Long names wrap; ECharts 6 needs the line height to keep wrapped lines apart.
      axisLabel: { width: 120, overflow: 'break', lineHeight: 14 },
    },
    series: [
      {
        type: 'bar',
        name: locale.unit,
        data: rows.map((row, index) => ({
          value: toTonnes(row.kg),
          itemStyle: { color: PALETTE[index % PALETTE.length] },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (params) => locale.tonnes(Number(params.value)),
        },
        barMaxWidth: 28,
      },
    ],
  };
}
