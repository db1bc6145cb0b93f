import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshTokens } from '../src/features/auth/table.js';
import { roleAssignments, users } from '../src/features/users/table.js';
import { auditRowsAfter, lastAuditId } from './support/audit.js';
import { createUser, signIn, TEST_PASSWORD } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let unitId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const ids = await insertUnits(testDb.handle.db, [
    { code: 'ROOT', level: 1 },
    { code: 'LAB', level: 4, parent: 'ROOT' },
  ]);
  unitId = ids.get('LAB')!;
  app = await buildTestApp(testDb.handle, {
    env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '15' },
  });
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const db = () => testDb.handle.db;
const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
const refresh = (cookie: string | undefined, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    cookies: cookie ? { co2_refresh: cookie } : {},
    headers,
  });

describe('POST /api/v1/auth/login', () => {
  it('signs in: an access token, the user, and a refresh cookie for the auth path only', async () => {
    const user = await createUser(db(), 'ada@test.example', [{ role: 'principal', unitId }], {
      displayName: 'Ada',
    });
    const before = await lastAuditId(db());
    const response = await login('ADA@test.example', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 600,
      user: { id: user.id, email: 'ada@test.example', displayName: 'Ada' },
    });
    expect(body.accessToken.split('.')).toHaveLength(3);
    const cookie = response.cookies.find((c) => c.name === 'co2_refresh')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
    // http://localhost is the one place a Secure cookie would be dropped by the browser.
    expect(cookie.secure).toBeFalsy();
    expect(new Date(cookie.expires!).getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);

    const [row] = await db().select().from(users).where(eq(users.id, user.id));
    expect(row!.lastLoginAt).not.toBeNull();
    const audit = await auditRowsAfter(db(), before);
    expect(audit.map((a) => [a.action, a.outcome, a.actorId])).toEqual([
      ['auth.login', 'success', user.id],
    ]);
  });

  it('answers a wrong password, an unknown address and an inactive account alike', async () => {
    await createUser(db(), 'bob@test.example');
    await createUser(db(), 'gone@test.example', [], { active: false });
    const before = await lastAuditId(db());
    const answers = await Promise.all([
      login('bob@test.example', 'wrong password'),
      login('nobody@test.example', TEST_PASSWORD),
      login('gone@test.example', TEST_PASSWORD),
    ]);
    for (const response of answers) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toBe('Wrong e-mail address or password.');
      expect(response.cookies).toEqual([]);
    }
    const audit = await auditRowsAfter(db(), before);
    expect(audit.map((a) => (a.details as { reason: string }).reason).sort()).toEqual([
      'inactive account',
      'unknown account',
      'wrong password',
    ]);
  });

  it('locks an address after repeated failures, even a correct password, then lets it in again', async () => {
    await createUser(db(), 'carol@test.example');
    for (let i = 0; i < 3; i += 1) {
      expect((await login('carol@test.example', `guess ${i}`)).statusCode).toBe(401);
    }
    const locked = await login('carol@test.example', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // An unknown address locks the same way: the lockout reveals nothing.
    for (let i = 0; i < 3; i += 1) await login('ghost@test.example', 'x');
    expect((await login('ghost@test.example', 'x')).statusCode).toBe(429);

    // Once the lock has expired the right password works again.
    await db().execute(sql`update login_throttle set locked_until = now() - interval '1 second'`);
    expect((await login('carol@test.example', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('rejects malformed bodies with a validation problem', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'not-an-address', password: '' },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.email', 'body.password']);
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const limited = await buildTestApp(testDb.handle, {
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const response = await limited.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `spray${i}@test.example`, password: 'x' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('refresh tokens', () => {
  it('rotate on every use; the old token no longer works', async () => {
    await createUser(db(), 'dan@test.example');
    const { refreshCookie } = await signIn(app, 'dan@test.example');
    const first = await refresh(refreshCookie);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ tokenType: 'Bearer', expiresIn: 600 });
    const rotated = first.cookies.find((c) => c.name === 'co2_refresh')!.value;
    expect(rotated).not.toBe(refreshCookie);
    const second = await refresh(rotated);
    expect(second.statusCode).toBe(200);
    const session = await app.inject({
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${second.json().accessToken}` },
    });
    expect(session.json().user.email).toBe('dan@test.example');
  });

  it('a replayed token revokes the whole family, for the thief and the owner', async () => {
    const user = await createUser(db(), 'erin@test.example');
    const { refreshCookie: stolen } = await signIn(app, 'erin@test.example');
    const owner = await refresh(stolen);
    const ownersToken = owner.cookies.find((c) => c.name === 'co2_refresh')!.value;
    const before = await lastAuditId(db());

    const replay = await refresh(stolen);
    expect(replay.statusCode).toBe(401);
    expect(replay.headers['content-type']).toContain('application/problem+json');
    // The owner's current token is dead too: the family is revoked.
    expect((await refresh(ownersToken)).statusCode).toBe(401);
    const family = await db().select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    expect(family.every((token) => token.revokedAt !== null)).toBe(true);
    const audit = await auditRowsAfter(db(), before);
    expect(audit.map((a) => [a.action, a.outcome, a.actorId])).toEqual([
      ['auth.refresh_reused', 'denied', user.id],
    ]);
  });

  it('refuses a missing, unknown or expired token and clears the cookie', async () => {
    expect((await refresh(undefined)).statusCode).toBe(401);
    const unknown = await refresh('not-a-token-we-issued');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.cookies.find((c) => c.name === 'co2_refresh')?.value).toBe('');

    const user = await createUser(db(), 'fay@test.example');
    const { refreshCookie } = await signIn(app, 'fay@test.example');
    await db()
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(refreshTokens.userId, user.id));
    expect((await refresh(refreshCookie)).statusCode).toBe(401);
  });

  it('refuses a refresh sent from another origin, and audits it', async () => {
    await createUser(db(), 'gus@test.example');
    const { refreshCookie } = await signIn(app, 'gus@test.example');
    const before = await lastAuditId(db());
    const crossOrigin: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://sub.localhost' },
    ];
    for (const headers of crossOrigin) {
      const response = await refresh(refreshCookie, headers);
      expect(response.statusCode).toBe(403);
      expect(response.cookies.find((c) => c.name === 'co2_refresh')).toBeUndefined();
    }
    const audit = await auditRowsAfter(db(), before);
    expect(audit.map((a) => a.action)).toEqual(Array(3).fill('auth.cross_origin_rejected'));
    // Nothing changed: the token still refreshes from our own pages.
    expect(
      (
        await refresh(refreshCookie, {
          origin: 'http://localhost:3000',
          'sec-fetch-site': 'same-origin',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('stop working once the account is deactivated', async () => {
    const user = await createUser(db(), 'hal@test.example');
    const { refreshCookie, headers } = await signIn(app, 'hal@test.example');
    await db().update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await refresh(refreshCookie)).statusCode).toBe(401);
    // The access token stops too: permissions are computed per request.
    await expect
      .poll(async () => (await app.inject({ url: '/api/v1/session', headers })).statusCode)
      .toBe(401);
  });
});

describe('session', () => {
  it('GET returns the user, the roles and the permission map', async () => {
    const user = await createUser(db(), 'ivy@test.example', [{ role: 'standard', unitId }], {
      displayName: 'Ivy',
    });
    const { headers } = await signIn(app, 'ivy@test.example');
    const response = await app.inject({ url: '/api/v1/session', headers });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: { id: user.id, email: 'ivy@test.example', displayName: 'Ivy' },
      roles: [{ role: 'standard', scope: `unit:${unitId}` }],
      permissions: {
        [`entries.external-cloud-ai/own:${unitId}`]: ['view', 'edit'],
        [`entries.professional-travel/own:${unitId}`]: ['view', 'edit'],
        [`modules/unit:${unitId}`]: ['view'],
        [`results/unit:${unitId}`]: ['view'],
        [`units/unit:${unitId}`]: ['view'],
        years: ['view'],
      },
    });
  });

  it('reflects a role change at the next request', async () => {
    const user = await createUser(db(), 'jon@test.example');
    const { headers } = await signIn(app, 'jon@test.example');
    expect((await app.inject({ url: '/api/v1/session', headers })).json().roles).toEqual([]);
    await db()
      .insert(roleAssignments)
      .values({ userId: user.id, role: 'principal', unitId, source: 'app' });
    await expect
      .poll(async () => (await app.inject({ url: '/api/v1/session', headers })).json().roles)
      .toEqual([{ role: 'principal', scope: `unit:${unitId}` }]);
  });

  it('DELETE signs out: the refresh token is revoked and the cookie cleared, and it is audited', async () => {
    const user = await createUser(db(), 'kim@test.example');
    const { headers, refreshCookie } = await signIn(app, 'kim@test.example');
    const before = await lastAuditId(db());
    const response = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers });
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((c) => c.name === 'co2_refresh')!;
    expect(cleared.value).toBe('');
    expect(cleared.path).toBe('/api/v1/auth');
    const audit = await auditRowsAfter(db(), before);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['auth.logout', user.id]]);
    expect((await refresh(refreshCookie)).statusCode).toBe(401);
  });

  it('needs a token', async () => {
    const response = await app.inject({ url: '/api/v1/session' });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('GET /api/v1/auth/providers', () => {
  it('offers local sign-in, and no single sign-on unless configured', async () => {
    const response = await app.inject({ url: '/api/v1/auth/providers' });
    expect(response.json()).toEqual({ local: true, oidc: null });
  });
});
