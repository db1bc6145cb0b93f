// Option builder of the evolution across years: one bar per year with results, the year
// shown on the page in the strong colour so it stands out from the others.
import { toTonnes, type ChartLocale } from './chart-locale';
import type { ChartOption } from './echarts';

export interface YearTotal {
  year: number;
  totalKgCo2eq: number;
}

export const CURRENT_YEAR_COLOR = '#2e7d32';
export const OTHER_YEAR_COLOR = '#a5d6a7';

export function evolutionOption(
  evolution: readonly YearTotal[],
  currentYear: number,
  locale: ChartLocale,
): ChartOption {
  return {
    animation: locale.animation,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => `${locale.tonnes(Number(value))} ${locale.unit}`,
    },
    grid: { left: 8, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: evolution.map((point) => String(point.year)) },
    yAxis: {
      type: 'value',
      name: locale.unit,
      axisLabel: { formatter: (value: number) => locale.tonnes(value) },
    },
    series: [
      {
        type: 'bar',
        name: locale.unit,
        barMaxWidth: 48,
        data: evolution.map((point) => ({
          value: toTonnes(point.totalKgCo2eq),
          itemStyle: {
            color: point.year === currentYear ? CURRENT_YEAR_COLOR : OTHER_YEAR_COLOR,
          },
        })),
        label: {
          show: true,
          position: 'top',
          formatter: (params) => locale.tonnes(Number(params.value)),
        },
      },
    ],
  };
}
