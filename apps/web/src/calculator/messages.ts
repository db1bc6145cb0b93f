// The Calculator's messages, one namespace per feature folder.
import { entriesMessages } from './entries/messages';
import { homeMessages } from './home/messages';
import { importsMessages } from './imports/messages';
import { resultsMessages } from './results/messages';
import { workspaceMessages } from './workspace/messages';

const parts = {
  workspace: workspaceMessages,
  home: homeMessages,
  entries: entriesMessages,
  imports: importsMessages,
  results: resultsMessages,
};

type Parts = typeof parts;
type Language = { [K in keyof Parts]: Parts[K]['en'] };

function pick(language: 'en' | 'fr'): Language {
  return Object.fromEntries(
    Object.entries(parts).map(([name, pair]) => [name, pair[language]]),
  ) as Language;
}

export const calculatorMessages = { en: pick('en'), fr: pick('fr') };
