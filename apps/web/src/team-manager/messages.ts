// The Team manager's messages, one namespace per feature folder.
import { byLanguage } from '../shared/i18n/by-language';
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

export const messages = byLanguage(parts);
