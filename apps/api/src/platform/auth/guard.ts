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

/** Resolves the caller behind valid token claims: undefined when the account is gone or inactive. */
export interface PrincipalSource {
  load(claims: AccessTokenClaims): Promise<Principal | undefined>;
  /** The answer `load` would give, when it is at hand without I/O (null: known to be absent). */
  peek(claims: AccessTokenClaims): Principal | null | undefined;
}

export interface GuardOptions {
  tokens: AccessTokenIssuer;
  principals: PrincipalSource;
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

    /** The route's rule against the caller: throws the 403 (audited) when it is not met. */
    async function deny(request: FastifyRequest, principal: Principal, rule: AccessRule) {
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
      throw new HttpProblem({ status: 403, detail: `This needs permission to ${describe(rule)}.` });
    }

    function allows(principal: Principal, rule: Exclude<AccessRule, 'public'>) {
      if (rule === 'authenticated') return true;
      const requirements = Array.isArray(rule) ? rule : [rule];
      return requirements.some((requirement) =>
        canSomewhere(principal.permissions, requirement.action, requirement.resource),
      );
    }

    /** The full path: verify the token, load the caller (audited failures: 401). */
    async function authenticate(
      request: FastifyRequest,
      token: string,
      rule: Exclude<AccessRule, 'public'>,
    ) {
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
      const principal = await options.principals.load(claims);
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
      if (!allows(principal, rule)) await deny(request, principal, rule);
    }

    // Callback-style so that the common case (a token and a caller seen moments ago) costs no
    // promise at all; anything else takes the full path.
    app.addHook('onRequest', (request, _reply, done) => {
      const rule = request.routeOptions.config.access;
      if (rule === undefined || rule === 'public') return done();

      const header = request.headers.authorization;
      const token = header?.match(/^Bearer ([\w.-]+)$/i)?.[1];
      if (!token) return done(unauthorised('Sign in: this request needs an access token.'));

      const claims = options.tokens.peek(token);
      const principal = claims ? options.principals.peek(claims) : undefined;
      if (principal && allows(principal, rule)) {
        request.principal = principal;
        return done();
      }
      authenticate(request, token, rule).then(() => done(), done);
    });
  },
  { name: 'route-guard' },
);

/** The caller of a guarded route; the guard guarantees it is set. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf() used on a route without authentication');
  return request.principal;
}
