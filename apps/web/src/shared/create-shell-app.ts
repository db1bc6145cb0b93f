// The one bootstrap shared by the three apps, so that they all get the same plugins
// (Quasar, Pinia, Vue Router) configured the same way.
import { createPinia } from 'pinia';
import { Quasar } from 'quasar';
import iconSet from 'quasar/icon-set/svg-material-icons';
import 'quasar/dist/quasar.css';
import { createApp, type App, type Component } from 'vue';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { currentWebAppKey } from './current-web-app';
import type { WebApp } from './web-apps';

export interface ShellAppOptions {
  webApp: WebApp;
  rootComponent: Component;
  routes: RouteRecordRaw[];
}

export function createShellApp({ webApp, rootComponent, routes }: ShellAppOptions): App {
  const app = createApp(rootComponent);
  // SVG icon set: Quasar's built-in icons (e.g. in selects) then need no icon font.
  app.use(Quasar, { iconSet });
  app.use(createPinia());
  // The base matches the path the API server serves this app's index.html under.
  app.use(createRouter({ history: createWebHistory(webApp.basePath), routes }));
  app.provide(currentWebAppKey, webApp);
  return app;
}
