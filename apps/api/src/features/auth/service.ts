import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.js';
import type { AccessTokenIssuer } from '../../platform/auth/access-tokens.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Database } from '../../platform/db/database.js';
import { HttpProblem } from '../../platform/http/problem.js';
import type { RequestContext } from '../users/service.js';
import { users } from '../users/table.js';
import {
  clearFailures,
  lockedUntil,
  recordFailure,
  type ThrottlePolicy,
} from './login-throttle.js';
import { verifyPassword } from './passwords.js';
import {
  type IssuedRefreshToken,
  revokeFamily,
  rotateRefreshToken,
  startRefreshFamily,
} from './refresh-tokens.js';
import { localAccounts } from './table.js';

export interface AuthDeps {
  db: Database;
  tokens: AccessTokenIssuer;
  refreshTtlHours: number;
  throttle: ThrottlePolicy;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
}

export interface StartedSession {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: SessionUser;
  refresh: IssuedRefreshToken;
}

const WRONG_CREDENTIALS = 'Wrong e-mail address or password.';

/** A new sign-in session for a user whose identity is established (password or IdP). */
export async function startSession(
  deps: AuthDeps,
  user: SessionUser,
  context: RequestContext,
  method: 'password' | 'oidc',
): Promise<StartedSession> {
  const refresh = await startRefreshFamily(deps.db, user.id, deps.refreshTtlHours, {
    ip: context.ip,
    userAgent: context.userAgent ?? undefined,
  });
  await deps.db
    .update(users)
    .set({ lastLoginAt: sql`now()` })
    .where(eq(users.id, user.id));
  await recordAudit(deps.db, {
    action: 'auth.login',
    outcome: 'success',
    actorId: user.id,
    actorLabel: user.email,
    details: { method, sessionId: refresh.familyId },
    ...context,
  });
  const token = await deps.tokens.issue({ sub: user.id, sid: refresh.familyId });
  return { ...token, tokenType: 'Bearer', user, refresh };
}

/**
 * Sign-in with a local account. An unknown address, an inactive account and a wrong password
 * get the same answer after the same work; too many failures lock the address for a while.
 */
export async function loginWithPassword(
  deps: AuthDeps,
  credentials: { email: string; password: string },
  context: RequestContext,
): Promise<StartedSession> {
  const email = credentials.email.trim().toLowerCase();
  const fail = async (reason: string) => {
    await recordAudit(deps.db, {
      action: 'auth.login',
      outcome: 'failure',
      actorLabel: email,
      details: { method: 'password', reason },
      ...context,
    });
  };

  const locked = await lockedUntil(deps.db, email);
  if (locked) {
    await fail('locked');
    const seconds = Math.max(1, Math.ceil((locked.getTime() - Date.now()) / 1000));
    throw new HttpProblem({
      status: 429,
      detail: `Too many failed sign-ins for this address; try again in ${Math.ceil(seconds / 60)} min.`,
      headers: { 'retry-after': String(seconds) },
    });
  }

  const [account] = await deps.db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      active: users.active,
      passwordHash: localAccounts.passwordHash,
    })
    .from(users)
    .innerJoin(localAccounts, eq(localAccounts.userId, users.id))
    .where(eq(users.email, email));

  const matches = await verifyPassword(account?.passwordHash, credentials.password);
  if (!account || !matches || !account.active) {
    await recordFailure(deps.db, email, deps.throttle);
    await fail(!account ? 'unknown account' : !matches ? 'wrong password' : 'inactive account');
    throw new HttpProblem({ status: 401, detail: WRONG_CREDENTIALS });
  }
  await clearFailures(deps.db, email);
  return startSession(
    deps,
    { id: account.id, email: account.email, displayName: account.displayName },
    context,
    'password',
  );
}

/**
 * A new access token for a refresh token, which is rotated. Presenting an already rotated
 * token revokes its whole family (audited): a stolen token then stops working for both.
 */
export async function refreshSession(
  deps: AuthDeps,
  token: string | undefined,
  context: RequestContext,
) {
  const invalid = new HttpProblem({ status: 401, detail: 'The session has ended. Sign in again.' });
  if (!token) throw invalid;
  const outcome = await rotateRefreshToken(deps.db, token, deps.refreshTtlHours, {
    ip: context.ip,
    userAgent: context.userAgent ?? undefined,
  });
  if (outcome.kind === 'reused') {
    await recordAudit(deps.db, {
      action: 'auth.refresh_reused',
      outcome: 'denied',
      actorId: outcome.userId,
      details: { sessionId: outcome.familyId, effect: 'session revoked' },
      ...context,
    });
  }
  if (outcome.kind !== 'rotated') throw invalid;

  const [user] = await deps.db
    .select({ active: users.active })
    .from(users)
    .where(eq(users.id, outcome.issued.userId));
  if (!user?.active) {
    await revokeFamily(deps.db, outcome.issued.familyId);
    throw invalid;
  }
  const access = await deps.tokens.issue({
    sub: outcome.issued.userId,
    sid: outcome.issued.familyId,
  });
  return { ...access, tokenType: 'Bearer' as const, refresh: outcome.issued };
}

/** Signs out: the session's refresh tokens stop working. */
export async function logout(deps: AuthDeps, principal: Principal, context: RequestContext) {
  const revoked = await revokeFamily(deps.db, principal.sessionId);
  await recordAudit(deps.db, {
    action: 'auth.logout',
    outcome: 'success',
    actorId: principal.userId,
    actorLabel: principal.email,
    details: { sessionId: principal.sessionId, tokensRevoked: revoked },
    ...context,
  });
}
