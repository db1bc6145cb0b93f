import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Ids a proxy or client may hand us: short, and only characters safe in logs and headers. */
const ACCEPTABLE_ID = /^[\w.:@-]{1,128}$/;

/**
 * Reuses the caller's `x-request-id` so one id follows a request through the ingress, the
 * API and the logs; anything unusable is replaced by a fresh UUID.
 */
export function requestIdFrom(request: IncomingMessage): string {
  const header = request.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(header) ? header[0] : header;
  return candidate && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
}
