// The router every app gets: the language as the first URL segment, a sign-in page, and a
// guard that restores the session (through the refresh cookie) before any private page.
import {
  createRouter,
  createWebHistory,
  type RouteLocationRaw,
  type Router,
  type RouteRecordRaw,
  RouterView,
} from 'vue-router';
import SignInPage from '../auth/SignInPage.vue';
import { useSessionStore } from '../auth/session-store';
import { isLocale, LOCALES, preferredLocale, rememberLocale, type Locale } from '../i18n/locales';
import NotFoundPage from '../NotFoundPage.vue';
import type { WebApp } from '../web-apps';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
  }
}

/** Only paths inside this app may be returned to after sign-in (no `//evil.example`). */
export function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && /^\/(?!\/)/.test(value) ? value : undefined;
}

export function createAppRouter(
  webApp: WebApp,
  appRoutes: RouteRecordRaw[],
  /** Switches the interface language (vue-i18n's global locale). */
  setLocale: (locale: Locale) => void,
): Router {
  const router = createRouter({
    // The base matches the path the API server serves this app's index.html under.
    history: createWebHistory(webApp.basePath),
    routes: [
      {
        path: `/:locale(${LOCALES.join('|')})`,
        component: RouterView,
        children: [
          { path: 'sign-in', name: 'sign-in', component: SignInPage, meta: { public: true } },
          ...appRoutes,
          {
            path: ':pathMatch(.*)*',
            name: 'not-found',
            component: NotFoundPage,
            meta: { public: true },
          },
        ],
      },
      // A path without a language gets the remembered one: `/results` → `/fr/results`.
      {
        path: '/:pathMatch(.*)*',
        redirect: (to) => `/${preferredLocale()}${to.fullPath === '/' ? '' : to.fullPath}`,
      },
    ],
  });

  const session = useSessionStore();

  router.beforeEach(async (to) => {
    const locale = to.params.locale;
    if (isLocale(locale)) {
      setLocale(locale);
      rememberLocale(locale);
      document.documentElement.lang = locale;
    }
    if (to.meta.public) return true;
    await session.restore();
    if (session.signedIn) return true;
    return signInRoute(to.params.locale, to.fullPath);
  });

  // A request refused with 401 after a failed refresh: sign in, then come back here.
  session.whenSignedOut(() => {
    const current = router.currentRoute.value;
    if (current.name !== 'sign-in') {
      void router.push(signInRoute(current.params.locale, current.fullPath));
    }
  });
  return router;
}

function signInRoute(locale: unknown, redirect: string): RouteLocationRaw {
  return {
    name: 'sign-in',
    params: { locale: isLocale(locale) ? locale : preferredLocale() },
    query: { redirect },
  };
}
