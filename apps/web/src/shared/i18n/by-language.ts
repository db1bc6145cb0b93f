// An app's messages from its features' ones: each feature's `{ en, fr }` becomes a namespace
// of that name in each language (`{ en: { home: …, entries: … }, fr: { … } }`). French stays
// typed as the English: a feature whose French does not match its English does not compile.
import type { MessagePair } from './create-i18n';

type English<P extends { [K in keyof P]: { en: object } }> = { [K in keyof P]: P[K]['en'] };

export function byLanguage<P extends { [K in keyof P]: { en: object; fr: P[K]['en'] } }>(
  parts: P,
): MessagePair<English<P>> {
  const pick = (language: 'en' | 'fr') =>
    Object.fromEntries(
      Object.entries(parts).map(([name, pair]) => [name, (pair as P[keyof P])[language]]),
    ) as English<P>;
  return { en: pick('en'), fr: pick('fr') };
}
