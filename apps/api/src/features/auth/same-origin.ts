import type { FastifyRequest } from 'fastify';

/**
 * Whether a cookie-authenticated request comes from our own pages. SameSite=Strict already
 * keeps the cookie off cross-site requests; this second check refuses what a browser marks
 * as cross-origin (`Sec-Fetch-Site`, `Origin`) in case an old browser or a sibling subdomain
 * sends it anyway. Requests without these headers (curl, scripts) are not from a browser page.
 */
export function isSameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const own = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
  return own.has(origin);
}
