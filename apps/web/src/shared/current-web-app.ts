// Lets shared components (layout, not-found page) know which of the three apps they are part of,
// without each app passing it down through props.
import { inject, type InjectionKey } from 'vue';
import type { WebApp } from './web-apps';

export const currentWebAppKey: InjectionKey<WebApp> = Symbol('currentWebApp');

export function useCurrentWebApp(): WebApp {
  const webApp = inject(currentWebAppKey);
  if (webApp === undefined) {
    throw new Error('useCurrentWebApp() needs an app created by createShellApp()');
  }
  return webApp;
}
