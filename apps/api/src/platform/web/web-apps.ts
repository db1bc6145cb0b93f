import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Fallback } from '../http/unmatched-routes.js';

/** The three single-page apps of the one Vite build, by URL prefix; `/` is the Calculator. */
const APP_PREFIXES = ['/team-manager', '/it-manager'] as const;

/** Paths that belong to the server, never to an app's client-side router. */
const SERVER_PREFIXES = ['/api', '/healthz', '/readyz', '/metrics', '/docs'];

const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';

function isUnder(pathname: string, prefix: string) {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** The index page that owns a path: `team-manager/index.html` for `/team-manager/roster`. */
export function indexPageFor(pathname: string): string | undefined {
  if (SERVER_PREFIXES.some((prefix) => isUnder(pathname, prefix))) return undefined;
  const app = APP_PREFIXES.find((prefix) => isUnder(pathname, prefix));
  return app ? `${app.slice(1)}/index.html` : 'index.html';
}

/**
 * Serves the built web apps (Vite writes them to `apps/web/dist`). Every file is routed
 * explicitly (no wildcard), so unknown paths reach the history fallback, which answers a
 * browser navigation (`Accept: text/html`) with the owning app's index page; the app's router
 * then shows the page. Returns that fallback, or none when the apps are not built.
 */
export async function registerWebApps(
  app: FastifyInstance,
  distDir: string,
): Promise<Fallback | undefined> {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    app.log.warn({ distDir }, 'web apps not built: run `npm run build` to serve them');
    return undefined;
  }

  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    schemaHide: true,
    preCompressed: true,
    setHeaders(reply, filePath) {
      // Vite fingerprints everything under assets/: those never change. Pages must be
      // revalidated so a deployment is picked up at the next navigation.
      const relative = path.relative(distDir, filePath);
      void reply.header(
        'cache-control',
        relative.startsWith(`assets${path.sep}`) ? HASHED_ASSET_CACHE : 'no-cache',
      );
    },
  });

  return (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (!request.headers.accept?.includes('text/html')) return false;
    const page = indexPageFor(request.url.split('?', 1)[0] ?? '/');
    if (!page || !existsSync(path.join(distDir, page))) return false;
    void reply.header('cache-control', 'no-cache').sendFile(page);
    return true;
  };
}
