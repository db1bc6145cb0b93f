import { createHash } from 'node:crypto';
import { computePermissions, type RoleAssignment } from '@co2-calculator/domain';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionSchema } from '../src/features/auth/contract.js';
import { compileRoleMapping, mapRoles } from '../src/features/auth/oidc-role-mapping.js';
import { auditLog, roleAssignments, users } from '../src/platform/db/schema.js';
import {
  startOidcProvider,
  type TestAccount,
  type TestIdentityProvider,
} from './support/oidc-provider.js';
import { createUser } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

// The API runs in-process (inject), so its public address is only a name the IdP redirects to.
const REDIRECT_URI = 'http://localhost:3000/api/v1/auth/oidc/callback';
const ROLE_MAPPING = JSON.stringify([
  { match: 'co2-admin', role: 'admin' },
  { match: '^co2-principal-(?<unit>[A-Z0-9-]+)$', role: 'principal' },
]);

let idp: TestIdentityProvider;
let testDb: TestDatabase;
let app: FastifyInstance;
let ids: Map<string, string>;

beforeAll(async () => {
  idp = await startOidcProvider({ redirectUri: REDIRECT_URI });
  testDb = await createTestDatabase();
  ids = await insertUnits(testDb.handle.db, [
    { code: 'EPFX', level: 1 },
    { code: 'SB', level: 2, parent: 'EPFX' },
    { code: 'SB-ICH', level: 3, parent: 'SB' },
    { code: 'LAB-A', level: 4, parent: 'SB-ICH' },
    { code: 'LAB-B', level: 4, parent: 'SB-ICH' },
  ]);
  app = await buildTestApp(testDb.handle, {
    env: {
      ...idp.env,
      OIDC_LABEL: 'EPFX Gaspar',
      OIDC_ROLE_MAPPING: ROLE_MAPPING,
    },
  });
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
  await idp?.close();
});

const db = () => testDb.handle.db;
const unitId = (code: string) => ids.get(code)!;

/** `name=value` of a cookie the response sets, as the browser would send it back. */
function cookiePair(response: LightMyRequestResponse, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  const lines = Array.isArray(header) ? header : header ? [header] : [];
  return lines.find((line) => line.startsWith(`${name}=`))?.split(';')[0];
}

async function startLogin(returnTo = '/results') {
  const response = await app.inject({
    url: `/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
  });
  expect(response.statusCode, response.body).toBe(302);
  const stateCookie = cookiePair(response, 'co2_oidc');
  expect(stateCookie).toBeDefined();
  return { response, location: new URL(response.headers.location!), stateCookie: stateCookie! };
}

function callback(returned: URL, cookie?: string) {
  expect(`${returned.origin}${returned.pathname}`).toBe(REDIRECT_URI);
  return app.inject({
    url: `${returned.pathname}${returned.search}`,
    headers: cookie ? { cookie } : {},
  });
}

/** The whole flow: the API's redirect, the IdP (as `account`), the callback. */
async function signInAtIdp(account: TestAccount, returnTo?: string) {
  idp.signInAs(account);
  const attempt = await startLogin(returnTo);
  const returned = await idp.authorize(attempt.location.href);
  const response = await callback(returned, attempt.stateCookie);
  return { attempt, returned, response };
}

/** What the web app does next: trade the refresh cookie for an access token, read the session. */
async function sessionAfter(response: LightMyRequestResponse) {
  const refresh = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers: { cookie: cookiePair(response, 'co2_refresh')! },
  });
  expect(refresh.statusCode, refresh.body).toBe(200);
  const { accessToken } = refresh.json<{ accessToken: string }>();
  const session = await app.inject({
    url: '/api/v1/session',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(session.statusCode, session.body).toBe(200);
  return sessionSchema.parse(session.json());
}

async function auditOf(response: LightMyRequestResponse) {
  const requestId = String(response.headers['x-request-id']);
  return db().select().from(auditLog).where(eq(auditLog.requestId, requestId)).orderBy(auditLog.id);
}

async function userBySubject(subject: string) {
  const [user] = await db().select().from(users).where(eq(users.institutionalId, subject));
  return user;
}

async function assignmentsOf(userId: string) {
  const rows = await db()
    .select({
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      source: roleAssignments.source,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return rows.sort((a, b) =>
    `${a.source}${a.role}${a.unitId}`.localeCompare(`${b.source}${b.role}${b.unitId}`),
  );
}

function expectProblem(response: LightMyRequestResponse, status: number) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.json()).toMatchObject({ status });
  expect(cookiePair(response, 'co2_refresh')).toBeUndefined();
}

describe('GET /api/v1/auth/oidc/login', () => {
  it('redirects to the IdP with PKCE, state and nonce, remembered in a signed cookie', async () => {
    const first = await startLogin('/results');
    const second = await startLogin('/results');
    const params = first.location.searchParams;

    expect(first.location.origin).toBe(idp.issuer);
    expect(params.get('client_id')).toBe(idp.clientId);
    expect(params.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[\w-]{20,}$/);
    for (const name of ['state', 'nonce', 'code_challenge']) {
      expect(second.location.searchParams.get(name)).not.toBe(params.get(name));
    }

    const cookie = first.response.cookies.find((c) => c.name === 'co2_oidc')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
    expect(cookie.maxAge).toBe(600);
    // Signed, not encrypted: what the callback will check, the verifier behind the challenge.
    const signed = decodeURIComponent(cookie.value);
    const remembered = JSON.parse(signed.slice(0, signed.lastIndexOf('.'))) as Record<
      string,
      string
    >;
    expect(remembered).toMatchObject({
      state: params.get('state'),
      nonce: params.get('nonce'),
      returnTo: '/results',
    });
    expect(createHash('sha256').update(remembered.verifier!).digest('base64url')).toBe(
      params.get('code_challenge'),
    );
    expect(first.response.headers.location).not.toContain(remembered.verifier);
  });

  it('refuses a returnTo that leaves the site', async () => {
    for (const returnTo of ['https://evil.example/', '//evil.example/x']) {
      const response = await app.inject({
        url: `/api/v1/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
      });
      expect(response.statusCode, returnTo).toBe(400);
      expect(cookiePair(response, 'co2_oidc')).toBeUndefined();
    }
  });
});

describe('GET /api/v1/auth/oidc/callback', () => {
  const alice: TestAccount = {
    sub: 'idp-alice-0001',
    email: 'Alice.Martin@epfx.example',
    name: 'Alice Martin',
    roles: ['co2-admin', 'co2-principal-LAB-A', 'unrelated-group'],
  };

  it('signs the person in: refresh cookie, redirect to returnTo, claims and mapped roles', async () => {
    const { response, returned } = await signInAtIdp(alice);

    expect(returned.searchParams.get('code')).toBeTruthy();
    expect(response.statusCode, response.body).toBe(302);
    expect(response.headers.location).toBe('/results');
    const refresh = response.cookies.find((c) => c.name === 'co2_refresh');
    expect(refresh).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth',
    });
    expect(refresh!.value.length).toBeGreaterThan(20);
    // The one-time sign-in cookie is cleared.
    const cleared = response.cookies.find((c) => c.name === 'co2_oidc');
    expect(cleared?.value).toBe('');

    const session = await sessionAfter(response);
    const user = await userBySubject(alice.sub);
    expect(session.user).toEqual({
      id: user!.id,
      email: 'alice.martin@epfx.example',
      displayName: 'Alice Martin',
    });
    expect(session.roles).toEqual(
      expect.arrayContaining([
        { role: 'admin', scope: 'global' },
        { role: 'principal', scope: `unit:${unitId('LAB-A')}` },
      ]),
    );
    expect(session.roles).toHaveLength(2);
    const expected: RoleAssignment[] = [
      { role: 'admin' },
      { role: 'principal', unitId: unitId('LAB-A') },
    ];
    expect(session.permissions).toEqual(computePermissions(expected));
    expect(session.permissions.audit).toEqual(['view', 'export']);
    expect(session.permissions[`members/unit:${unitId('LAB-A')}`]).toEqual(['view', 'edit']);
    expect(session.permissions[`members/unit:${unitId('LAB-B')}`]).toBeUndefined();

    const audit = await auditOf(response);
    expect(audit.map((row) => [row.action, row.outcome])).toEqual([
      ['roles.synced', 'success'],
      ['auth.login', 'success'],
    ]);
    expect(audit[1]).toMatchObject({ actorId: user!.id, details: { method: 'oidc' } });
  });

  it('refuses to redeem the same callback twice', async () => {
    idp.signInAs(alice);
    const attempt = await startLogin();
    const returned = await idp.authorize(attempt.location.href);
    const first = await callback(returned, attempt.stateCookie);
    expect(first.statusCode, first.body).toBe(302);

    const replayed = await callback(returned, attempt.stateCookie);
    expectProblem(replayed, 400);
    const audit = await auditOf(replayed);
    expect(audit).toMatchObject([{ action: 'auth.login', outcome: 'failure' }]);
  });

  it('updates the user found by subject and replaces only the roles the IdP granted', async () => {
    const bob: TestAccount = {
      sub: 'idp-bob-0002',
      email: 'bob@epfx.example',
      name: 'Bob',
      roles: ['co2-principal-LAB-A'],
    };
    const first = await signInAtIdp(bob);
    expect(first.response.statusCode, first.response.body).toBe(302);
    const before = await userBySubject(bob.sub);
    expect(await assignmentsOf(before!.id)).toEqual([
      { role: 'principal', unitId: unitId('LAB-A'), source: 'oidc' },
    ]);
    // Granted in the app by someone: the IdP does not own these.
    await db()
      .insert(roleAssignments)
      .values([
        { userId: before!.id, role: 'principal', unitId: unitId('LAB-A'), source: 'app' },
        { userId: before!.id, role: 'standard', unitId: unitId('LAB-B'), source: 'app' },
      ]);

    const second = await signInAtIdp(
      {
        ...bob,
        email: 'Robert.Meier@epfx.example',
        name: 'Robert Meier',
        roles: ['co2-admin', 'co2-principal-LAB-B'],
      },
      '/units',
    );
    expect(second.response.statusCode, second.response.body).toBe(302);
    expect(second.response.headers.location).toBe('/units');

    const after = await userBySubject(bob.sub);
    expect(after).toMatchObject({
      id: before!.id,
      email: 'robert.meier@epfx.example',
      displayName: 'Robert Meier',
    });
    expect(await db().select().from(users).where(eq(users.email, 'bob@epfx.example'))).toEqual([]);
    expect(await assignmentsOf(before!.id)).toEqual(
      [
        { role: 'principal', unitId: unitId('LAB-A'), source: 'app' },
        { role: 'standard', unitId: unitId('LAB-B'), source: 'app' },
        { role: 'admin', unitId: null, source: 'oidc' },
        { role: 'principal', unitId: unitId('LAB-B'), source: 'oidc' },
      ].sort((a, b) =>
        `${a.source}${a.role}${a.unitId}`.localeCompare(`${b.source}${b.role}${b.unitId}`),
      ),
    );

    const session = await sessionAfter(second.response);
    expect(session.user).toEqual({
      id: before!.id,
      email: 'robert.meier@epfx.example',
      displayName: 'Robert Meier',
    });
    expect(session.roles).toHaveLength(4);
    expect(session.roles).toEqual(
      expect.arrayContaining([
        { role: 'admin', scope: 'global' },
        { role: 'principal', scope: `unit:${unitId('LAB-A')}` },
        { role: 'principal', scope: `unit:${unitId('LAB-B')}` },
        { role: 'standard', scope: `unit:${unitId('LAB-B')}` },
      ]),
    );

    const [synced] = (await auditOf(second.response)).filter((r) => r.action === 'roles.synced');
    expect(synced).toMatchObject({
      targetId: before!.id,
      before: [{ role: 'principal', unitId: unitId('LAB-A') }],
      details: { source: 'oidc', unknownUnits: [] },
    });
  });

  it('grants nothing for a unit code it does not know, signs in, and reports the code', async () => {
    const carol: TestAccount = {
      sub: 'idp-carol-0003',
      email: 'carol@epfx.example',
      name: 'Carol',
      roles: ['co2-principal-NO-SUCH-LAB', 'co2-principal-LAB-B'],
    };
    const { response } = await signInAtIdp(carol);
    expect(response.statusCode, response.body).toBe(302);

    const user = await userBySubject(carol.sub);
    expect(await assignmentsOf(user!.id)).toEqual([
      { role: 'principal', unitId: unitId('LAB-B'), source: 'oidc' },
    ]);
    const session = await sessionAfter(response);
    expect(session.roles).toEqual([{ role: 'principal', scope: `unit:${unitId('LAB-B')}` }]);

    const audit = await auditOf(response);
    expect(audit.find((row) => row.action === 'roles.synced')).toMatchObject({
      outcome: 'success',
      targetId: user!.id,
      after: [{ role: 'principal', unitId: unitId('LAB-B') }],
      details: { source: 'oidc', unknownUnits: ['NO-SUCH-LAB'] },
    });
    expect(audit.find((row) => row.action === 'auth.login')).toMatchObject({
      outcome: 'success',
    });
  });

  it('links an account created in the app, by e-mail, on its first sign-in', async () => {
    const local = await createUser(db(), 'dora@epfx.example', [
      { role: 'standard', unitId: unitId('LAB-A') },
    ]);
    const dora: TestAccount = {
      sub: 'idp-dora-0005',
      email: 'DORA@epfx.example',
      name: 'Dora Keller',
      roles: ['co2-principal-LAB-B'],
    };
    const { response } = await signInAtIdp(dora);
    expect(response.statusCode, response.body).toBe(302);

    expect(await userBySubject(dora.sub)).toMatchObject({
      id: local.id,
      email: 'dora@epfx.example',
      displayName: 'Dora Keller',
    });
    expect(await assignmentsOf(local.id)).toEqual([
      { role: 'standard', unitId: unitId('LAB-A'), source: 'app' },
      { role: 'principal', unitId: unitId('LAB-B'), source: 'oidc' },
    ]);
  });

  describe('refuses a person the IdP vouched for when this site cannot take them', () => {
    async function expectRefused(response: LightMyRequestResponse, status: number) {
      expectProblem(response, status);
      const audit = await auditOf(response);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'auth.login',
        outcome: 'failure',
        details: { method: 'oidc' },
      });
      return audit[0]!;
    }

    it('an e-mail address that the account of another subject holds', async () => {
      const gina: TestAccount = {
        sub: 'idp-gina-0008',
        email: 'gina@epfx.example',
        name: 'Gina',
        roles: ['co2-principal-LAB-B'],
      };
      expect((await signInAtIdp(gina)).response.statusCode).toBe(302);
      const owner = await userBySubject(gina.sub);
      // Someone else now arrives with that address (recycled, or a mistake at the IdP).
      const erin: TestAccount = {
        sub: 'idp-erin-0006',
        email: 'Gina@epfx.example',
        name: 'Erin',
        roles: ['co2-admin'],
      };
      const { response } = await signInAtIdp(erin);

      const audit = await expectRefused(response, 409);
      expect(audit.actorLabel).toBe('gina@epfx.example');
      expect(response.json().detail).toMatch(/another account/);
      expect(await userBySubject(erin.sub)).toBeUndefined();
      expect(await userBySubject(gina.sub)).toEqual(owner);
      expect(await assignmentsOf(owner!.id)).toEqual([
        { role: 'principal', unitId: unitId('LAB-B'), source: 'oidc' },
      ]);
    });

    it('a new e-mail address that the account of another subject holds', async () => {
      const hans: TestAccount = {
        sub: 'idp-hans-0009',
        email: 'hans@epfx.example',
        name: 'Hans',
        roles: [],
      };
      const ines: TestAccount = { ...hans, sub: 'idp-ines-0010', email: 'ines@epfx.example' };
      expect((await signInAtIdp(hans)).response.statusCode).toBe(302);
      expect((await signInAtIdp(ines)).response.statusCode).toBe(302);
      const before = await userBySubject(hans.sub);

      const { response } = await signInAtIdp({ ...hans, email: 'ines@epfx.example' });
      await expectRefused(response, 409);
      expect(await userBySubject(hans.sub)).toEqual(before);
    });

    it('a deactivated account', async () => {
      const frank: TestAccount = {
        sub: 'idp-frank-0007',
        email: 'frank@epfx.example',
        name: 'Frank',
        roles: ['co2-principal-LAB-A'],
      };
      expect((await signInAtIdp(frank)).response.statusCode).toBe(302);
      await db().update(users).set({ active: false }).where(eq(users.institutionalId, frank.sub));

      const { response } = await signInAtIdp(frank);
      const audit = await expectRefused(response, 403);
      expect(audit.details).toMatchObject({ reason: expect.stringMatching(/deactivated/) });
    });
  });

  describe('refuses a callback that does not belong to the sign-in attempt', () => {
    const mallory: TestAccount = {
      sub: 'idp-mallory-0004',
      email: 'mallory@epfx.example',
      name: 'Mallory',
      roles: ['co2-admin'],
    };

    async function expectRejected(response: LightMyRequestResponse, reason: RegExp) {
      expectProblem(response, 400);
      expect(await userBySubject(mallory.sub)).toBeUndefined();
      expect(
        await db().select().from(users).where(eq(users.email, mallory.email.toLowerCase())),
      ).toEqual([]);
      const audit = await auditOf(response);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'auth.login',
        outcome: 'failure',
        actorId: null,
        details: { method: 'oidc' },
      });
      expect((audit[0]!.details as { reason: string }).reason).toMatch(reason);
    }

    async function idpResponse() {
      idp.signInAs(mallory);
      const attempt = await startLogin();
      return { attempt, returned: await idp.authorize(attempt.location.href) };
    }

    it('with a tampered state parameter', async () => {
      const { attempt, returned } = await idpResponse();
      const tampered = new URL(returned);
      tampered.searchParams.set('state', `${returned.searchParams.get('state')}x`);
      await expectRejected(await callback(tampered, attempt.stateCookie), /state/i);
      // The untampered response still works: nothing was spent on the forgery.
      const genuine = await callback(returned, attempt.stateCookie);
      expect(genuine.statusCode, genuine.body).toBe(302);
      await db().delete(users).where(eq(users.institutionalId, mallory.sub));
    });

    it('with a response claiming to come from another issuer', async () => {
      const { attempt, returned } = await idpResponse();
      const mixedUp = new URL(returned);
      mixedUp.searchParams.set('iss', 'https://idp.evil.example');
      await expectRejected(await callback(mixedUp, attempt.stateCookie), /"iss"/);
    });

    it('without the sign-in cookie', async () => {
      const { returned } = await idpResponse();
      await expectRejected(await callback(returned), /cookie/);
    });

    it('with a forged or unsigned sign-in cookie', async () => {
      const { attempt, returned } = await idpResponse();
      const [, encoded] = attempt.stateCookie.split('=');
      const signed = decodeURIComponent(encoded!);
      const signature = signed.slice(signed.lastIndexOf('.'));
      const remembered = JSON.parse(signed.slice(0, signed.lastIndexOf('.'))) as {
        returnTo: string;
      };
      const unsigned = JSON.stringify(remembered);
      const forged = `${JSON.stringify({ ...remembered, returnTo: '/admin' })}${signature}`;

      for (const value of [unsigned, forged, `${unsigned}.bm90LWEtc2lnbmF0dXJl`]) {
        await expectRejected(
          await callback(returned, `co2_oidc=${encodeURIComponent(value)}`),
          /cookie/,
        );
      }
    });

    it('with the cookie of another sign-in attempt', async () => {
      const { returned } = await idpResponse();
      const other = await startLogin();
      await expectRejected(await callback(returned, other.stateCookie), /state/i);
    });

    it('when the person declines at the IdP', async () => {
      idp.signInAs(null);
      const attempt = await startLogin();
      const returned = await idp.authorize(attempt.location.href);
      expect(returned.searchParams.get('error')).toBe('access_denied');
      const response = await callback(returned, attempt.stateCookie);
      await expectRejected(response, /access_denied/);
      expect(response.json().detail).toContain('access_denied');
    });
  });
});

describe('OIDC_ROLE_MAPPING', () => {
  it('refuses at start-up a unit role that names no unit', () => {
    for (const rule of [
      { match: 'CO2.Principal', role: 'principal' },
      { match: '^CO2\\.Principal\\.[A-Z]+$', role: 'principal' },
    ]) {
      expect(() => compileRoleMapping(JSON.stringify([rule])), rule.match).toThrow(
        `rule ${rule.match} names no unit`,
      );
    }
  });

  it('maps exact values to a fixed unit and patterns to the unit they capture', () => {
    const rules = compileRoleMapping(
      JSON.stringify([
        { match: 'group-4711', role: 'backoffice', unit: 'SB' },
        { match: '^CO2\\.Std\\.(?<unit>[A-Z-]+)$', role: 'standard' },
        { match: 'CO2.Admin', role: 'admin' },
      ]),
    );
    const known = new Map([
      ['SB', 'id-sb'],
      ['LAB-A', 'id-lab-a'],
    ]);
    expect(
      mapRoles(
        ['group-4711', 'CO2.Std.LAB-A', 'CO2.Std.GONE', 'CO2.Admin', 'CO2.Admin.Not'],
        rules,
        (code) => known.get(code),
      ),
    ).toEqual({
      assignments: [
        { role: 'backoffice', unitId: 'id-sb' },
        { role: 'standard', unitId: 'id-lab-a' },
        { role: 'admin' },
      ],
      unknownUnits: ['GONE'],
    });
  });
});

describe('GET /api/v1/auth/providers', () => {
  it('lists single sign-on with its label', async () => {
    const response = await app.inject({ url: '/api/v1/auth/providers' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      local: true,
      oidc: { label: 'EPFX Gaspar', loginUrl: '/api/v1/auth/oidc/login' },
    });
  });
});

describe('without OIDC configuration', () => {
  let plain: FastifyInstance;

  beforeAll(async () => {
    plain = await buildTestApp(testDb.handle);
  });

  afterAll(async () => {
    await plain?.close();
  });

  it('lists no single sign-on and answers 404 on its routes', async () => {
    const providers = await plain.inject({ url: '/api/v1/auth/providers' });
    expect(providers.json()).toEqual({ local: true, oidc: null });

    for (const url of ['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      const response = await plain.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        status: 404,
        detail: 'Single sign-on is not configured.',
      });
      expect(cookiePair(response, 'co2_oidc')).toBeUndefined();
    }
  });
});
