// What an option builder needs from the page to speak the reader's language, so that the
// builders stay pure functions of their data (and testable without Vue or i18n).

export interface ChartLocale {
  /** A value in tonnes CO₂-eq, written the reader's way ("7.72", "7,72"). */
  tonnes: (t: number) => string;
  /** A share between 0 and 1 as a percentage ("42.5%", "42,5 %"). */
  share: (fraction: number) => string;
  /** The unit after the values: "t CO₂-eq". */
  unit: string;
  /** False when the reader asks for reduced motion: the charts then appear at once. */
  animation: boolean;
}

/** One bar, slice or point of a breakdown. */
export interface ChartRow {
  key: string;
  label: string;
  kg: number;
}

export const toTonnes = (kg: number): number => kg / 1000;

/** Colours readable on white, green first like the rest of the app. */
export const PALETTE = [
  '#2e7d32',
  '#00796b',
  '#7cb342',
  '#f9a825',
  '#3949ab',
  '#8d6e63',
  '#c0ca33',
  '#ef6c00',
  '#546e7a',
  '#8e24aa',
  '#26a69a',
];

/** Scope 1 (direct) darkest, scope 3 (value chain) lightest. */
export const SCOPE_COLORS: Record<string, string> = {
  '1': '#1b5e20',
  '2': '#00897b',
  '3': '#9ccc65',
};
