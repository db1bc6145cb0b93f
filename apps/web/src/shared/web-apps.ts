// The three web apps of the platform, in one place, so that titles, base paths and the links
// between apps cannot drift apart. The bases must match the HTML entries in vite.config.ts
// and the history fallback of the API server.
import { matAdminPanelSettings, matCalculate, matGroups } from '@quasar/extras/material-icons';

export interface WebApp {
  id: 'calculator' | 'team-manager' | 'it-manager';
  title: string;
  /** Path under which the app is served; also the base of its Vue Router history. */
  basePath: string;
  /** SVG icon (Quasar's `svg path` string), so no icon font has to be downloaded. */
  icon: string;
}

export const CALCULATOR: WebApp = {
  id: 'calculator',
  title: 'CO₂ Calculator',
  basePath: '/',
  icon: matCalculate,
};

export const TEAM_MANAGER: WebApp = {
  id: 'team-manager',
  title: 'Team manager',
  basePath: '/team-manager/',
  icon: matGroups,
};

export const IT_MANAGER: WebApp = {
  id: 'it-manager',
  title: 'Back office',
  basePath: '/it-manager/',
  icon: matAdminPanelSettings,
};

export const WEB_APPS: readonly WebApp[] = [CALCULATOR, TEAM_MANAGER, IT_MANAGER];
