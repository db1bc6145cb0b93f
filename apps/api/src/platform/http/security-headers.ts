import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The Content-Security-Policy fits the built web apps: scripts and styles from our own origin
 * only (Quasar and Vue set inline styles, hence 'unsafe-inline' for styles, never for
 * scripts), images also from data:/blob: URLs (chart downloads), no framing. TLS is
 * terminated in front of the API, so `upgrade-insecure-requests` is left out for plain-HTTP
 * local runs. No CORS headers are ever sent: the apps and the API share one origin.
 */
export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  },
  crossOriginEmbedderPolicy: false,
};

/**
 * Helmet's headers do not depend on the request, but helmet recomputes them (and re-parses the
 * policy) on every call: run it once against a recording response and replay the result.
 */
export function computeSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}

export interface SecurityHeadersOptions {
  /**
   * Origins besides our own that the apps send requests to: an S3 bucket receiving uploads
   * through presigned URLs. Without them the policy would block those requests.
   */
  connectSources?: string[];
}

/** {@link HELMET_OPTIONS} with `connect-src` extended by `sources`. */
export function helmetOptionsWith(sources: string[]): HelmetOptions {
  if (sources.length === 0) return HELMET_OPTIONS;
  const csp = HELMET_OPTIONS.contentSecurityPolicy as { directives: Record<string, string[]> };
  return {
    ...HELMET_OPTIONS,
    contentSecurityPolicy: {
      ...csp,
      directives: { ...csp.directives, connectSrc: ["'self'", ...sources] },
    },
  };
}

/** Security headers on every response, errors and 404s included. */
export const securityHeaders = fp<SecurityHeadersOptions>(
  async (app: FastifyInstance, options) => {
    const headers = computeSecurityHeaders(helmetOptionsWith(options.connectSources ?? []));
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
