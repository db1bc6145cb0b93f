import type { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'co2_refresh';
/** Sent only to the endpoints that use it, never with ordinary API calls. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Secure everywhere but on a plain-HTTP local run (browsers drop Secure cookies over HTTP). */
export function isSecureSite(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  return url.protocol === 'https:' || !LOCAL_HOSTS.has(url.hostname);
}

export function setRefreshCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
  secure: boolean,
) {
  void reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: REFRESH_COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(reply: FastifyReply, secure: boolean) {
  void reply.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: REFRESH_COOKIE_PATH,
  });
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[REFRESH_COOKIE];
}
