// The interface languages. The language is the first segment of every app URL (/fr/…), so a
// link opens in the language it was shared in; the last one chosen is remembered.
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'co2.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The remembered choice, else the browser's language when we have it, else English. */
export function preferredLocale(): Locale {
  const remembered = localStorage.getItem(STORAGE_KEY);
  if (isLocale(remembered)) return remembered;
  const browser = navigator.language.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
}

export function rememberLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
}
