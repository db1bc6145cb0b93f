// Numbers as people read them in their language: 12 345,6 in French, 12,345.6 in English.
export function formatKg(kg: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: kg < 10 ? 1 : 0 }).format(kg);
}

export function formatTonnes(kg: number, locale: string): string {
  const t = kg / 1000;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: t < 10 ? 2 : 1 }).format(t);
}

export function formatNumber(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value / 100);
}
