// Entry of the Calculator app, served at / (see index.html).
import { createShellApp } from '../shared/create-shell-app';
import { CALCULATOR } from '../shared/web-apps';
import CalculatorApp from './CalculatorApp.vue';
import { calculatorMessages } from './messages';
import { routes } from './routes';

createShellApp({
  webApp: CALCULATOR,
  rootComponent: CalculatorApp,
  routes,
  messages: calculatorMessages,
}).mount('#app');
