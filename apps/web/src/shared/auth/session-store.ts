// Who is signed in. The access token lives only in memory; a reload gets a new one through
// the httpOnly refresh cookie, which JavaScript never sees. The permission map decides what
// the UI offers, with the same functions the API enforces them with.
import {
  type Action,
  can as canOn,
  canSomewhere,
  type PermissionTarget,
  type Resource,
} from '@co2-calculator/domain';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { http, useCredentials } from '../api/http';
import type { AccessToken, LoginResponse, Session } from '../api/types';

/** Renew this long before the token expires, so a request never carries an expired one. */
const REFRESH_MARGIN_SECONDS = 30;

export const useSessionStore = defineStore('session', () => {
  const token = ref<string>();
  const session = ref<Session>();
  /** Set when a signed-in user lost the session (the refresh was refused). */
  const expired = ref(false);
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<boolean> | undefined;
  let restoring: Promise<void> | undefined;
  let onSignedOut: () => void = () => {};

  function accept(issued: AccessToken): void {
    token.value = issued.accessToken;
    clearTimeout(refreshTimer);
    const delay = Math.max(5, issued.expiresIn - REFRESH_MARGIN_SECONDS) * 1000;
    refreshTimer = setTimeout(() => void refresh(), delay);
  }

  function clear(): void {
    clearTimeout(refreshTimer);
    token.value = undefined;
    session.value = undefined;
  }

  /** One refresh at a time: concurrent 401s share it. */
  function refresh(): Promise<boolean> {
    refreshing ??= http
      .post<AccessToken>('/auth/refresh')
      .then(({ data }) => {
        accept(data);
        return true;
      })
      .catch(() => {
        if (session.value) expired.value = true;
        clear();
        return false;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  }

  async function loadSession(): Promise<void> {
    session.value = (await http.get<Session>('/session')).data;
  }

  /** After a page load: a still-valid refresh cookie signs the user back in silently. */
  function restore(): Promise<void> {
    restoring ??= refresh().then(async (ok) => {
      if (ok) await loadSession();
    });
    return restoring;
  }

  async function login(email: string, password: string): Promise<void> {
    const { data } = await http.post<LoginResponse>('/auth/login', { email, password });
    accept(data);
    expired.value = false;
    await loadSession();
  }

  async function logout(): Promise<void> {
    try {
      await http.delete('/session');
    } finally {
      clear();
    }
  }

  const permissions = computed(() => session.value?.permissions ?? {});

  /** May the user do `action` on `resource` (for `target`, else anywhere at all)? */
  function can(action: Action, resource: Resource, target?: PermissionTarget): boolean {
    return target
      ? canOn(permissions.value, action, resource, target)
      : canSomewhere(permissions.value, action, resource);
  }

  useCredentials({
    token: () => token.value,
    refresh,
    signedOut: () => {
      if (session.value) expired.value = true;
      clear();
      onSignedOut();
    },
  });

  return {
    session,
    expired,
    signedIn: computed(() => session.value !== undefined),
    user: computed(() => session.value?.user),
    restore,
    login,
    logout,
    can,
    /** The router registers where a user whose session ended is sent. */
    whenSignedOut(handler: () => void) {
      onSignedOut = handler;
    },
  };
});
