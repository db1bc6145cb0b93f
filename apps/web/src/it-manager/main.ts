// Entry of the app served at /it-manager/ (see it-manager/index.html).
import { createShellApp } from '../shared/create-shell-app';
import { IT_MANAGER } from '../shared/web-apps';
import ItManagerApp from './ItManagerApp.vue';
import { messages } from './messages';
import { routes } from './routes';

createShellApp({ webApp: IT_MANAGER, rootComponent: ItManagerApp, routes, messages }).mount('#app');
