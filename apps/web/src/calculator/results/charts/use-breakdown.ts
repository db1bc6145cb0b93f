// What a page needs to draw breakdowns in the reader's language: the chart locale the option
// builders take, and a breakdown's rows as the data table under its chart. The results page
// and each module page draw with it.
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { formatTonnes } from '../../../shared/format/numbers';
import type { ChartTable } from '../ChartCard.vue';
import { formatShare } from '../format';
import { shareOf } from './breakdown';
import type { ChartLocale, ChartRow } from './chart-locale';

// Asked once: a reader who wants less motion gets charts without their entry animation.
const reducedMotion =
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export function useBreakdown() {
  const { t, locale } = useI18n();

  const chartLocale = computed<ChartLocale>(() => ({
    tonnes: (value) => formatTonnes(value * 1000, locale.value),
    share: (fraction) => formatShare(fraction, locale.value),
    unit: t('units.t'),
    animation: !reducedMotion,
  }));

  // Tables show tonnes like the charts; the API gives kg.
  const tonnesText = (kgValue: number) => formatTonnes(kgValue, locale.value);

  function breakdownTable(rows: readonly ChartRow[], firstColumn: string): ChartTable {
    return {
      columns: [firstColumn, t('units.t'), t('results.charts.share')],
      rows: rows.map((row) => [
        row.label,
        tonnesText(row.kg),
        formatShare(shareOf(row, rows), locale.value),
      ]),
    };
  }

  return { chartLocale, tonnesText, breakdownTable };
}
