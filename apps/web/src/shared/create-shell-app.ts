// The one bootstrap shared by the three apps, so that they all get the same plugins
// (Quasar, Pinia, vue-i18n, Vue Router) configured the same way.
import { createPinia } from 'pinia';
import { Dialog, Lang, Notify, Quasar } from 'quasar';
import quasarEnglish from 'quasar/lang/en-US';
import quasarFrench from 'quasar/lang/fr';
import iconSet from 'quasar/icon-set/svg-material-icons';
import 'quasar/dist/quasar.css';
import { createApp, type App, type Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { currentWebAppKey } from './current-web-app';
import { createAppI18n, type MessagePair } from './i18n/create-i18n';
import { createAppRouter } from './router/create-app-router';
import type { WebApp } from './web-apps';

export interface ShellAppOptions<M extends object> {
  webApp: WebApp;
  rootComponent: Component;
  /** The app's pages, relative to the language segment (`''` is the app's home). */
  routes: RouteRecordRaw[];
  messages: MessagePair<M>;
}

export function createShellApp<M extends object>({
  webApp,
  rootComponent,
  routes,
  messages,
}: ShellAppOptions<M>): App {
  const app = createApp(rootComponent);
  // SVG icon set: Quasar's built-in icons (e.g. in selects) then need no icon font.
  app.use(Quasar, {
    iconSet,
    plugins: { Notify, Dialog },
    // A darker green than Quasar's default blue: white text on it passes WCAG AA (7:1).
    config: { brand: { primary: '#1b5e20', secondary: '#37474f' } },
  });
  app.use(createPinia());
  const i18n = createAppI18n(messages);
  app.use(i18n);
  app.use(
    createAppRouter(webApp, routes, (locale) => {
      i18n.global.locale.value = locale;
      // Quasar's own words too (table pagination, dialogs' buttons…).
      Lang.set((locale === 'fr' ? quasarFrench : quasarEnglish) as Parameters<typeof Lang.set>[0]);
    }),
  );
  app.provide(currentWebAppKey, webApp);
  return app;
}
