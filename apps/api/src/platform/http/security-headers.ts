import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Security headers on every response. The Content-Security-Policy fits the built web apps:
 * scripts and styles from our own origin only (Quasar and Vue set inline styles, hence
 * 'unsafe-inline' for styles, never for scripts), images also from data:/blob: URLs (chart
 * downloads), no framing. TLS is terminated in front of the API, so the policy does not
 * force `upgrade-insecure-requests` on plain-HTTP local runs. No CORS headers are ever sent:
 * the apps and the API share one origin.
 */
export const securityHeaders = fp(
  async (app: FastifyInstance) => {
    await app.register(helmet, {
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
    });
  },
  { name: 'security-headers' },
);
