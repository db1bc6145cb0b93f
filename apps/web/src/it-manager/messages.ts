// The Back office's messages: the sections' names, then one namespace per section folder.
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
type Parts = typeof parts;
type Language = { [K in keyof Parts]: Parts[K]['en'] };

function pick(language: 'en' | 'fr'): Language {
  return Object.fromEntries(
    Object.entries(parts).map(([name, pair]) => [name, pair[language]]),
  ) as Language;
}

export const messages = {
  en: { sections: sectionsEn, home: homeEn, ...pick('en') },
  fr: { sections: sectionsFr, home: homeFr, ...pick('fr') },
};
