// The one number format the results need beyond shared/format/numbers.ts: a share of the
// total, without the sign that formatPercent puts on changes.
export function formatShare(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
    fraction,
  );
}
