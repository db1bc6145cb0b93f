// The Back office's messages: the sections' names, then one namespace per section folder.
import { byLanguage } from '../shared/i18n/by-language';
import { auditMessages } from './audit/messages';
import { factorsMessages } from './factors/messages';
import { importsMessages } from './imports/messages';
import { reportingMessages } from './reporting/messages';
import { systemMessages } from './system/messages';
import { usersMessages } from './users/messages';
import { yearsMessages } from './years/messages';

const sectionsEn = {
  label: 'Back-office sections',
  reporting: 'Reporting',
  years: 'Years',
  factors: 'Factor sets',
  imports: 'Imports',
  users: 'Users and roles',
  audit: 'Audit log',
  system: 'System',
};
const sectionsFr: typeof sectionsEn = {
  label: 'Sections du back-office',
  reporting: 'Rapports',
  years: 'Années',
  factors: 'Jeux de facteurs',
  imports: 'Imports',
  users: 'Utilisateurs et rôles',
  audit: 'Journal d’audit',
  system: 'Système',
};
const homeEn = { noAccess: 'Your roles give you no access to the back office.' };
const homeFr: typeof homeEn = { noAccess: 'Vos rôles ne vous donnent pas accès au back-office.' };

const parts = {
  reporting: reportingMessages,
  years: yearsMessages,
  factors: factorsMessages,
  imports: importsMessages,
  users: usersMessages,
  audit: auditMessages,
  system: systemMessages,
};
const features = byLanguage(parts);

export const messages = {
  en: { sections: sectionsEn, home: homeEn, ...features.en },
  fr: { sections: sectionsFr, home: homeFr, ...features.fr },
};
