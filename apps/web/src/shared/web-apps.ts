// The three web apps of the platform, in one place, so that titles, base paths and the links
// between apps cannot drift apart. The bases must match the HTML entries in vite.config.ts
// and the history fallback of the API server.
import { matAdminPanelSettings, matCalculate, matGroups } from '@quasar/extras/material-icons';

export interface WebApp {
  id: 'calculator' | 'team-manager' | 'it-manager';
  /** Message key of its name (see i18n/shared-messages.ts). */
  titleKey: 'app.calculator' | 'app.teamManager' | 'app.itManager';
  /** Path under which the app is served; also the base of its Vue Router history. */
  basePath: string;
  /** SVG icon (Quasar's `svg path` string), so no icon font has to be downloaded. */
  icon: string;
}

export const CALCULATOR: WebApp = {
  id: 'calculator',
  titleKey: 'app.calculator',
  basePath: '/',
  icon: matCalculate,
};

export const TEAM_MANAGER: WebApp = {
  id: 'team-manager',
  titleKey: 'app.teamManager',
  basePath: '/team-manager/',
  icon: matGroups,
};

export const IT_MANAGER: WebApp = {
  id: 'it-manager',
  titleKey: 'app.itManager',
  basePath: '/it-manager/',
  icon: matAdminPanelSettings,
};

export const WEB_APPS: readonly WebApp[] = [CALCULATOR, TEAM_MANAGER, IT_MANAGER];
