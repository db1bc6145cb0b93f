import { canSomewhere } from '@co2-calculator/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { recordAudit } from '../audit/record.js';
import { HttpProblem } from '../http/problem.js';
import {
  type AccessTokenClaims,
  type AccessTokenIssuer,
  InvalidTokenError,
} from './access-tokens.js';
import type { AccessRule } from './access-rule.js';
import type { Principal } from './principal.js';

export interface GuardOptions {
  tokens: AccessTokenIssuer;
  /** The caller behind valid token claims, or undefined when the account is gone or inactive. */
  loadPrincipal: (claims: AccessTokenClaims) => Promise<Principal | undefined>;
}

/** Routes under this prefix must declare an access rule. */
const GUARDED_PREFIX = '/api/v1';

function unauthorised(detail: string, error?: string) {
  return new HttpProblem({
    status: 401,
    detail,
    headers: {
      'www-authenticate': error ? `Bearer error="${error}"` : 'Bearer',
    },
  });
}

export function auditContext(request: FastifyRequest) {
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
    requestId: String(request.id),
  };
}

function describe(rule: AccessRule) {
  const requirements = Array.isArray(rule) ? rule : [rule];
  return requirements
    .map((requirement) =>
      typeof requirement === 'string'
        ? requirement
        : `${requirement.action} ${requirement.resource}`,
    )
    .join(' or ');
}

/**
 * First layer of access control: authentication and the route's declared rule. A route
 * without a rule fails at start-up, so none can be added open by mistake. Rejected tokens and
 * denied requests are audited.
 */
export const routeGuard = fp<GuardOptions>(
  async (app: FastifyInstance, options) => {
    app.decorateRequest('principal', undefined);

    app.addHook('onRoute', (route) => {
      const access = route.config?.access;
      if (route.url.startsWith(GUARDED_PREFIX) && access === undefined) {
        throw new Error(
          `${String(route.method)} ${route.url} declares no access rule (config.access)`,
        );
      }
      // The OpenAPI document shows which operations need a token.
      if (access !== undefined && access !== 'public' && route.schema) {
        route.schema.security = [{ bearerAuth: [] }];
      }
    });

    app.addHook('onRequest', async (request) => {
      const rule = request.routeOptions.config.access;
      if (rule === undefined || rule === 'public') return;

      const header = request.headers.authorization;
      const token = header?.match(/^Bearer ([\w.-]+)$/i)?.[1];
      if (!token) throw unauthorised('Sign in: this request needs an access token.');

      let claims: AccessTokenClaims;
      try {
        claims = await options.tokens.verify(token);
      } catch (error) {
        const reason = error instanceof InvalidTokenError ? error.reason : 'malformed';
        await recordAudit(app.db, {
          action: 'auth.token_rejected',
          outcome: 'failure',
          details: { reason, route: request.routeOptions.url, method: request.method },
          ...auditContext(request),
        });
        throw unauthorised(
          `The access token was rejected (${reason}). Sign in again.`,
          'invalid_token',
        );
      }

      const principal = await options.loadPrincipal(claims);
      if (!principal) {
        await recordAudit(app.db, {
          action: 'auth.token_rejected',
          outcome: 'failure',
          actorId: claims.sub,
          details: { reason: 'account missing or inactive' },
          ...auditContext(request),
        });
        throw unauthorised('This account is no longer active.', 'invalid_token');
      }
      request.principal = principal;
      if (rule === 'authenticated') return;

      const requirements = Array.isArray(rule) ? rule : [rule];
      const allowed = requirements.some((requirement) =>
        canSomewhere(principal.permissions, requirement.action, requirement.resource),
      );
      if (!allowed) {
        await recordAudit(app.db, {
          action: 'access.denied',
          outcome: 'denied',
          actorId: principal.userId,
          actorLabel: principal.email,
          details: {
            required: describe(rule),
            route: request.routeOptions.url,
            method: request.method,
          },
          ...auditContext(request),
        });
        throw new HttpProblem({
          status: 403,
          detail: `This needs permission to ${describe(rule)}.`,
        });
      }
    });
  },
  { name: 'route-guard' },
);

/** The caller of a guarded route; the guard guarantees it is set. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf() used on a route without authentication');
  return request.principal;
}
