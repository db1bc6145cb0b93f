import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { sendProblem } from './send-problem.js';

/** Gets a request no route matched; returns true when it answered it. */
export type Fallback = (request: FastifyRequest, reply: FastifyReply) => boolean | Promise<boolean>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds a handler tried, in order, for requests that match no route before the 404. */
    addNotFoundFallback(fallback: Fallback): void;
  }
}

/**
 * Answers requests that match no route: 405 with `Allow` when the path exists for other
 * methods (Fastify itself would say 404), else a fallback (the web apps' history routing),
 * else a 404 problem. Must be registered before any route so that it sees them all.
 */
export const unmatchedRoutes = fp(
  async (app: FastifyInstance) => {
    const fallbacks: Fallback[] = [];
    app.decorate('addNotFoundFallback', (fallback: Fallback) => {
      fallbacks.push(fallback);
    });

    // A shadow router with every route of the app, asked "which methods would match this path?"
    const shadow = FindMyWay({ ignoreTrailingSlash: false });
    const methodsByPath = new Map<string, Set<string>>();

    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        let known = methodsByPath.get(route.url);
        if (!known) {
          known = new Set();
          methodsByPath.set(route.url, known);
          shadow.on('GET', route.url, () => {}, { url: route.url });
        }
        known.add(method);
        if (method === 'GET') known.add('HEAD');
      }
    });

    function allowedMethods(url: string): string[] {
      const path = url.split('?', 1)[0] ?? url;
      const match = shadow.find('GET' as HTTPMethod, path);
      const pattern = (match?.store as { url?: string } | undefined)?.url;
      return pattern ? [...(methodsByPath.get(pattern) ?? [])].sort() : [];
    }

    app.setNotFoundHandler(async (request, reply) => {
      const allow = allowedMethods(request.url);
      if (allow.length > 0) {
        return sendProblem(request, reply, {
          status: 405,
          detail: `${request.method} is not supported here; use ${allow.join(', ')}.`,
          headers: { allow: allow.join(', ') },
        });
      }
      for (const fallback of fallbacks) {
        if (await fallback(request, reply)) return reply;
      }
      return sendProblem(request, reply, {
        status: 404,
        detail: `No resource at ${request.method} ${request.url.split('?', 1)[0]}.`,
      });
    });
  },
  { name: 'unmatched-routes' },
);
