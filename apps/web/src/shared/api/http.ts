// The one HTTP client of the web apps: JSON under /api/v1, the access token in the
// Authorization header, one silent refresh when the API answers 401.
import axios, { type AxiosError, type InternalAxiosRequestConfig } from 'axios';

export const http = axios.create({ baseURL: '/api/v1', withCredentials: true });

export interface Credentials {
  /** The access token held in memory, if any. */
  token(): string | undefined;
  /** Renews the access token through the refresh cookie; false when the session is over. */
  refresh(): Promise<boolean>;
  /** Called when no token can be had: the app sends the user to sign in. */
  signedOut(): void;
}

let credentials: Credentials | undefined;

/** Set once by the session store, which owns the token (kept out of any storage). */
export function useCredentials(source: Credentials): void {
  credentials = source;
}

/**
 * The access token, for requests made without axios: a `fetch` stream of Server-Sent Events
 * (EventSource cannot send headers). Undefined when signed out.
 */
export function currentAccessToken(): string | undefined {
  return credentials?.token();
}

/**
 * After such a request was answered 401: renews the token as the interceptor below does, and
 * ends the session the same way when it cannot. True when a new token is there to retry with.
 */
export async function renewAccessToken(): Promise<boolean> {
  if (!credentials) return false;
  if (await credentials.refresh()) return true;
  credentials.signedOut();
  return false;
}

http.interceptors.request.use((config) => {
  const token = credentials?.token();
  if (token) config.headers.set('Authorization', `Bearer ${token}`);
  return config;
});

interface RetriedConfig extends InternalAxiosRequestConfig {
  retriedAfterRefresh?: boolean;
}

// Requests of the sign-in flow itself must not try to refresh on failure.
const AUTH_PATHS = ['/auth/login', '/auth/refresh'];

http.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as RetriedConfig | undefined;
  const isAuthCall = AUTH_PATHS.some((path) => config?.url?.startsWith(path));
  if (error.response?.status !== 401 || !config || !credentials || isAuthCall) throw error;
  if (!config.retriedAfterRefresh && (await credentials.refresh())) {
    config.retriedAfterRefresh = true;
    return http.request(config);
  }
  credentials.signedOut();
  throw error;
});
