// The Team manager's messages, one namespace per feature folder.
import { exportsMessages } from './exports/messages';
import { importsMessages } from './imports/messages';
import { teamMessages } from './team/messages';
import { unitMessages } from './unit/messages';
import { validationMessages } from './validation/messages';

const parts = {
  unit: unitMessages,
  team: teamMessages,
  validation: validationMessages,
  imports: importsMessages,
  exports: exportsMessages,
};

type Parts = typeof parts;
type Language = { [K in keyof Parts]: Parts[K]['en'] };

function pick(language: 'en' | 'fr'): Language {
  return Object.fromEntries(
    Object.entries(parts).map(([name, pair]) => [name, pair[language]]),
  ) as Language;
}

export const messages = { en: pick('en'), fr: pick('fr') };
