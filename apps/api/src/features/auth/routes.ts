import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record.js';
import { auditContext } from '../../platform/auth/guard.js';
import { HttpProblem, problemSchema } from '../../platform/http/problem.js';
import {
  accessTokenSchema,
  loginBodySchema,
  loginResponseSchema,
  oidcCallbackQuerySchema,
  oidcLoginQuerySchema,
  providersSchema,
} from './contract.js';
import type { OidcRelyingParty } from './oidc-client.js';
import { type OidcSignInDeps, signInWithClaims } from './oidc-sign-in.js';
import { clearRefreshCookie, refreshCookieOf, setRefreshCookie } from './refresh-cookie.js';
import type { IssuedRefreshToken } from './refresh-tokens.js';
import { isSameOrigin } from './same-origin.js';
import { type AuthDeps, loginWithPassword, refreshSession } from './service.js';

export interface AuthRoutesOptions {
  deps: AuthDeps;
  oidc?: { relyingParty: OidcRelyingParty; signIn: OidcSignInDeps };
  publicUrl: string;
  secureCookies: boolean;
  loginRateLimitPerMinute: number;
}

const OIDC_STATE_COOKIE = 'co2_oidc';
const OIDC_COOKIE_PATH = '/api/v1/auth/oidc';
const oidcStateSchema = z.object({
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
  returnTo: z.string(),
});

const publicAccess = { access: 'public' as const };

/** openid-client's errors say what failed in their cause ("invalid response encountered"). */
function failureReason(error: unknown): string {
  if (!(error instanceof Error)) return 'callback rejected';
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, options) => {
  const { deps, oidc } = options;

  /** Puts the session's refresh token in its cookie; the body carries everything else. */
  function withRefreshCookie<T extends { refresh: IssuedRefreshToken }>(
    reply: FastifyReply,
    session: T,
  ) {
    setRefreshCookie(
      reply,
      session.refresh.token,
      session.refresh.expiresAt,
      options.secureCookies,
    );
    const { refresh: _refresh, ...body } = session;
    return body;
  }

  app.get(
    '/auth/providers',
    {
      config: publicAccess,
      schema: {
        tags: ['auth'],
        summary: 'How one can sign in here',
        response: { 200: providersSchema },
      },
    },
    async () => ({
      local: true,
      oidc: oidc ? { label: oidc.relyingParty.label, loginUrl: '/api/v1/auth/oidc/login' } : null,
    }),
  );

  app.post(
    '/auth/login',
    {
      config: {
        ...publicAccess,
        rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with a local account; sets the refresh cookie',
        body: loginBodySchema,
        response: {
          200: loginResponseSchema,
          400: problemSchema,
          401: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const session = await loginWithPassword(deps, request.body, auditContext(request));
      return withRefreshCookie(reply, session);
    },
  );

  app.post(
    '/auth/refresh',
    {
      config: publicAccess,
      schema: {
        tags: ['auth'],
        summary: 'A new access token for the refresh cookie, which is rotated',
        response: { 200: accessTokenSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      if (!isSameOrigin(request, options.publicUrl)) {
        await recordAudit(app.db, {
          action: 'auth.cross_origin_rejected',
          outcome: 'denied',
          details: {
            origin: request.headers.origin ?? null,
            site: request.headers['sec-fetch-site'] ?? null,
          },
          ...auditContext(request),
        });
        throw new HttpProblem({
          status: 403,
          detail: 'Sessions are refreshed from this site’s own pages only.',
        });
      }
      try {
        const session = await refreshSession(deps, refreshCookieOf(request), auditContext(request));
        return withRefreshCookie(reply, session);
      } catch (error) {
        clearRefreshCookie(reply, options.secureCookies);
        throw error;
      }
    },
  );

  app.get(
    '/auth/oidc/login',
    {
      config: publicAccess,
      schema: {
        tags: ['auth'],
        summary: 'Start single sign-on: redirects to the institution’s identity provider',
        querystring: oidcLoginQuerySchema,
        response: { 302: z.undefined(), 404: problemSchema, 502: problemSchema },
      },
    },
    async (request, reply) => {
      if (!oidc)
        throw new HttpProblem({ status: 404, detail: 'Single sign-on is not configured.' });
      const attempt = await oidc.relyingParty.authorizationRequest().catch((error: unknown) => {
        request.log.error({ err: error }, 'OIDC discovery failed');
        throw new HttpProblem({ status: 502, detail: 'The identity provider cannot be reached.' });
      });
      // What the callback must match, kept by the browser in a cookie signed with APP_SECRET.
      // SameSite=Lax: the IdP's redirect back is a cross-site navigation.
      const remembered = JSON.stringify({
        state: attempt.state,
        nonce: attempt.nonce,
        verifier: attempt.verifier,
        returnTo: request.query.returnTo ?? '/',
      });
      void reply.setCookie(OIDC_STATE_COOKIE, remembered, {
        signed: true,
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        path: OIDC_COOKIE_PATH,
        maxAge: 600,
      });
      return reply.redirect(attempt.url.href, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: publicAccess,
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back; sets the refresh cookie',
        querystring: oidcCallbackQuerySchema,
        response: {
          302: z.undefined(),
          400: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          502: problemSchema,
        },
      },
    },
    async (request, reply) => {
      if (!oidc)
        throw new HttpProblem({ status: 404, detail: 'Single sign-on is not configured.' });
      void reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH });
      const context = auditContext(request);
      const rejected = async (reason: string, detail: string) => {
        await recordAudit(app.db, {
          action: 'auth.login',
          outcome: 'failure',
          details: { method: 'oidc', reason },
          ...context,
        });
        return new HttpProblem({ status: 400, detail });
      };

      const raw = request.cookies[OIDC_STATE_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : undefined;
      const parsed = unsigned?.valid
        ? oidcStateSchema.safeParse(JSON.parse(unsigned.value ?? 'null'))
        : undefined;
      if (!parsed?.success) {
        throw await rejected(
          'missing or tampered sign-in cookie',
          'This sign-in attempt has expired. Start again.',
        );
      }
      if (request.query.error) {
        throw await rejected(
          `IdP error ${request.query.error}`,
          `The identity provider refused: ${request.query.error}.`,
        );
      }
      // The response exactly as the IdP sent it: the parsed query keeps only the parameters
      // the schema lists, and the client must also check others (RFC 9207 `iss`).
      const queryStart = request.url.indexOf('?');
      const query = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
      let claims: Record<string, unknown>;
      try {
        claims = await oidc.relyingParty.redeem(query, parsed.data);
      } catch (error) {
        request.log.warn({ err: error }, 'OIDC callback rejected');
        throw await rejected(
          failureReason(error),
          'The sign-in response did not match this sign-in attempt. Start again.',
        );
      }
      // The IdP vouched for the person, but this site may still refuse them (deactivated,
      // e-mail address of another account, claims missing): a failed sign-in all the same.
      const session = await signInWithClaims(oidc.signIn, claims, context).catch(
        async (error: unknown) => {
          if (error instanceof HttpProblem) {
            const email = claims[oidc.signIn.claimNames.email];
            await recordAudit(app.db, {
              action: 'auth.login',
              outcome: 'failure',
              actorLabel: typeof email === 'string' ? email.trim().toLowerCase() : null,
              details: { method: 'oidc', reason: error.message },
              ...context,
            });
          }
          throw error;
        },
      );
      setRefreshCookie(
        reply,
        session.refresh.token,
        session.refresh.expiresAt,
        options.secureCookies,
      );
      return reply.redirect(parsed.data.returnTo, 302);
    },
  );
};
