import type { Action, Resource } from '@co2-calculator/domain';

/** An action on a resource the caller must hold in at least one scope. */
export interface Requirement {
  resource: Resource;
  action: Action;
}

/**
 * What a route demands of its caller, declared on every `/api/v1` route
 * (`config: { access }`); the app refuses to start with a route that declares none.
 * - `public`: anyone, no token needed (sign-in, health).
 * - `authenticated`: any signed-in user; the service scopes what it returns.
 * - a requirement, or a list of which any one suffices: checked before the handler (403);
 *   the service then narrows rows to the caller's scopes and applies record rules.
 */
export type AccessRule = 'public' | 'authenticated' | Requirement | Requirement[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
}
