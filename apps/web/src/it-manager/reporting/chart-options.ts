// The option of a ranking chart: horizontal bars, largest on top, one per unit (its code on the
// axis, its name in the tooltip). A pure function of rows labelled in the reader's language.
// The chart types come from the Calculator's registration module, the one place ECharts is
// set up, so both apps draw with the same tree-shaken parts.
import type { ChartOption } from '../../calculator/results/charts/echarts';
import type { RankedUnit } from './summary';

export interface RankingLocale {
  /** A value in tonnes, written the reader's way. */
  format: (tonnes: number) => string;
  /** What the values are: "t CO₂-eq", "t CO₂-eq per FTE". */
  unit: string;
  /** False when the reader asks for reduced motion. */
  animation: boolean;
  color: string;
}

export function rankingOption(rows: readonly RankedUnit[], locale: RankingLocale): ChartOption {
  const tonnes = rows.map((row) => row.kg / 1000);
  return {
    animation: locale.animation,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const row = first ? rows[first.dataIndex] : undefined;
        return row
          ? `${escapeHtml(row.code)} · ${escapeHtml(row.name)}<br>${locale.format(row.kg / 1000)} ${escapeHtml(locale.unit)}`
          : '';
      },
    },
    grid: { left: 8, right: 64, top: 8, bottom: 32 },
    xAxis: {
      type: 'value',
      name: locale.unit,
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { formatter: (value: number) => locale.format(value) },
    },
    yAxis: { type: 'category', inverse: true, data: rows.map((row) => row.code) },
    series: [
      {
        type: 'bar',
        name: locale.unit,
        data: tonnes,
        itemStyle: { color: locale.color },
        label: {
          show: true,
          position: 'right',
          formatter: (params) => locale.format(Number(params.value)),
        },
        barMaxWidth: 22,
      },
    ],
  };
}

/** Unit names come from the registry: ECharts' tooltip is HTML, so they are escaped. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}
