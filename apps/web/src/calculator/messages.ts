// The Calculator's messages, one namespace per feature folder.
import { byLanguage } from '../shared/i18n/by-language';
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

export const calculatorMessages = byLanguage(parts);
