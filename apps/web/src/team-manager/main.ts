// Entry of the app served at /team-manager/ (see team-manager/index.html).
import { createShellApp } from '../shared/create-shell-app';
import { TEAM_MANAGER } from '../shared/web-apps';
import TeamManagerApp from './TeamManagerApp.vue';
import { messages } from './messages';
import { routes } from './routes';

createShellApp({ webApp: TEAM_MANAGER, rootComponent: TeamManagerApp, routes, messages }).mount(
  '#app',
);
