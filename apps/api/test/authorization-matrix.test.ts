import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { years } from '../src/features/years/table.js';
import { createUser, signIn, type TestUser } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

/**
 * Every operation of the OpenAPI document, called by a fixture user of each role and by an
 * anonymous caller, must answer the status declared here. An operation missing from this table
 * (a new route) fails the suite: whoever adds a route declares who may call it.
 */
const CALLERS = ['anonymous', 'standard', 'principal', 'backoffice', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

interface Fixtures {
  unitId: string;
  memberId: string;
  newcomerId: string;
  entryId: string;
}

interface Case {
  /** Path with its parameters filled in. */
  url: (f: Fixtures) => string;
  payload?: unknown;
  headers?: Record<string, string>;
  expect: Record<Caller, number>;
}

const everyone = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Record<Caller, number>;
const signedIn = (status: number): Record<Caller, number> => ({
  ...everyone(status),
  anonymous: 401,
});

const adminOnly = (status: number): Record<Caller, number> => ({
  ...signedIn(403),
  admin: status,
});

const entries = (f: Fixtures) =>
  `/api/v1/units/${f.unitId}/years/2025/modules/professional-travel/entries`;
const TRIP = {
  subModule: 'plane',
  fields: { origin: 'GVA', destination: 'JFK', traveller: 'T', date: '2025-02-01' },
};

/** An object key with a made-up signature. */
const UNSIGNED_OBJECT =
  'uploads/00000000-0000-4000-8000-000000000000?expires=9999999999&signature=forged';

const NO_JOB = '00000000-0000-4000-8000-000000000000';

const MATRIX: Record<string, Case> = {
  'GET /healthz': { url: () => '/healthz', expect: everyone(200) },
  'GET /readyz': { url: () => '/readyz', expect: everyone(200) },
  'GET /api/v1/auth/providers': { url: () => '/api/v1/auth/providers', expect: everyone(200) },
  'POST /api/v1/auth/login': {
    url: () => '/api/v1/auth/login',
    payload: { email: 'nobody@test.example', password: 'wrong' },
    expect: everyone(401),
  },
  'POST /api/v1/auth/refresh': { url: () => '/api/v1/auth/refresh', expect: everyone(401) },
  // Single sign-on is not configured in this app.
  'GET /api/v1/auth/oidc/login': { url: () => '/api/v1/auth/oidc/login', expect: everyone(404) },
  'GET /api/v1/auth/oidc/callback': {
    url: () => '/api/v1/auth/oidc/callback',
    expect: everyone(404),
  },
  'GET /api/v1/session': { url: () => '/api/v1/session', expect: signedIn(200) },
  'GET /api/v1/units': { url: () => '/api/v1/units', expect: signedIn(200) },
  'GET /api/v1/units/{id}': { url: (f) => `/api/v1/units/${f.unitId}`, expect: signedIn(200) },
  'GET /api/v1/users': {
    url: () => '/api/v1/users',
    expect: { anonymous: 401, standard: 403, principal: 200, backoffice: 403, admin: 200 },
  },
  'GET /api/v1/users/{id}': {
    url: (f) => `/api/v1/users/${f.memberId}`,
    expect: { anonymous: 401, standard: 403, principal: 200, backoffice: 403, admin: 200 },
  },
  'PUT /api/v1/users/{id}/roles': {
    url: (f) => `/api/v1/users/${f.newcomerId}/roles`,
    payload: { roles: [] },
    expect: { anonymous: 401, standard: 403, principal: 200, backoffice: 403, admin: 200 },
  },
  'GET /api/v1/years': { url: () => '/api/v1/years', expect: signedIn(200) },
  'GET /api/v1/years/{year}': { url: () => '/api/v1/years/2025', expect: signedIn(200) },
  'PUT /api/v1/years/{year}': {
    url: () => '/api/v1/years/2025',
    payload: { open: true },
    expect: { anonymous: 401, standard: 403, principal: 403, backoffice: 403, admin: 200 },
  },
  'GET /api/v1/units/{unitId}/years/{year}/report': {
    url: (f) => `/api/v1/units/${f.unitId}/years/2025/report`,
    expect: signedIn(200),
  },
  'GET /api/v1/factors': {
    url: () => '/api/v1/factors?year=2025',
    expect: { anonymous: 401, standard: 403, principal: 403, backoffice: 200, admin: 200 },
  },
  'GET /api/v1/factors/stale': {
    url: () => '/api/v1/factors/stale?year=2025',
    expect: { anonymous: 401, standard: 403, principal: 403, backoffice: 200, admin: 200 },
  },
  'GET /api/v1/factors/options': {
    url: () => '/api/v1/factors/options?year=2025&subModule=plane',
    expect: signedIn(200),
  },
  'POST /api/v1/units/{unitId}/members': {
    url: (f) => `/api/v1/units/${f.unitId}/members`,
    payload: { email: 'nobody@test.example' },
    // Those who may delegate get past the guard and learn the account does not exist.
    expect: { anonymous: 401, standard: 403, principal: 404, backoffice: 403, admin: 404 },
  },
  'GET /api/v1/units/{unitId}/years/{year}/modules/{module}/entries.csv': {
    url: (f) => `${entries(f)}.csv?subModule=plane`,
    expect: { anonymous: 401, standard: 403, principal: 200, backoffice: 403, admin: 200 },
  },
  'POST /api/v1/factors/recalculate': {
    url: () => '/api/v1/factors/recalculate',
    payload: { year: 2025, subModule: 'plane' },
    expect: adminOnly(202),
  },
  'GET /api/v1/audit': { url: () => '/api/v1/audit', expect: adminOnly(200) },
  'GET /api/v1/audit/verify': { url: () => '/api/v1/audit/verify', expect: adminOnly(200) },
  'GET /api/v1/audit/{id}': { url: () => '/api/v1/audit/1', expect: adminOnly(200) },
  'GET /api/v1/system/status': { url: () => '/api/v1/system/status', expect: adminOnly(200) },
  'GET /api/v1/years/{year}/calculation-data': {
    url: () => '/api/v1/years/2025/calculation-data?subModule=plane',
    // Whoever may enter rows somewhere previews them; the back office and admins enter none.
    expect: { anonymous: 401, standard: 200, principal: 200, backoffice: 403, admin: 403 },
  },
  'GET /api/v1/reference/airports': {
    url: () => '/api/v1/reference/airports?q=gva',
    expect: signedIn(200),
  },
  'GET /api/v1/reference/stations': {
    url: () => '/api/v1/reference/stations?q=lausanne',
    expect: signedIn(200),
  },
  'GET /api/v1/reference/facilities': {
    url: () => '/api/v1/reference/facilities?year=2025',
    expect: signedIn(200),
  },
  'GET /api/v1/templates': { url: () => '/api/v1/templates', expect: signedIn(200) },
  'GET /api/v1/templates/{name}.csv': {
    url: () => '/api/v1/templates/plane.csv',
    expect: signedIn(200),
  },
  'GET /api/v1/reporting/units': {
    url: () => '/api/v1/reporting/units?year=2025',
    expect: { anonymous: 401, standard: 403, principal: 403, backoffice: 200, admin: 200 },
  },
  'GET /api/v1/units/{unitId}/years/{year}/results': {
    url: (f) => `/api/v1/units/${f.unitId}/years/2025/results`,
    expect: signedIn(200),
  },
  'PUT /api/v1/units/{unitId}/years/{year}/modules/{module}/status': {
    url: (f) => `/api/v1/units/${f.unitId}/years/2025/modules/process-emissions/status`,
    payload: { status: 'in_progress' },
    expect: { anonymous: 401, standard: 403, principal: 204, backoffice: 403, admin: 403 },
  },
  'GET /api/v1/units/{unitId}/years/{year}/modules/{module}/entries': {
    url: (f) => `${entries(f)}`,
    expect: { anonymous: 401, standard: 200, principal: 200, backoffice: 403, admin: 200 },
  },
  'POST /api/v1/units/{unitId}/years/{year}/modules/{module}/entries': {
    url: (f) => entries(f),
    payload: TRIP,
    // Administrators have no write access to a unit's data unless principal there.
    expect: { anonymous: 401, standard: 201, principal: 201, backoffice: 403, admin: 403 },
  },
  'PUT /api/v1/units/{unitId}/years/{year}/modules/{module}/entries/{entryId}': {
    url: (f) => `${entries(f)}/${f.entryId}`,
    payload: TRIP,
    // The row is the principal's: a standard colleague may not even see it.
    expect: { anonymous: 401, standard: 404, principal: 200, backoffice: 403, admin: 403 },
  },
  'DELETE /api/v1/units/{unitId}/years/{year}/modules/{module}/entries/{entryId}': {
    url: (f) => `${entries(f)}/${f.entryId}`,
    expect: { anonymous: 401, standard: 404, principal: 204, backoffice: 403, admin: 403 },
  },
  // Anyone holding a role may stage a file; the import that uses it checks the rest.
  'POST /api/v1/uploads': {
    url: () => '/api/v1/uploads',
    payload: { filename: 'travel.csv', contentType: 'text/csv', size: 10 },
    expect: signedIn(201),
  },
  // The embedded store's signed URLs: the signature is the only credential, tokens add nothing.
  'PUT /api/v1/storage/{namespace}/{name}': {
    url: () => `/api/v1/storage/${UNSIGNED_OBJECT}`,
    expect: everyone(403),
  },
  'GET /api/v1/storage/{namespace}/{name}': {
    url: () => `/api/v1/storage/${UNSIGNED_OBJECT}`,
    expect: everyone(403),
  },
  // An upload key that does not exist: the import is refused after the access checks.
  'POST /api/v1/imports': {
    url: () => '/api/v1/imports',
    payload: (f: Fixtures) => ({
      target: 'module-data-unit',
      year: 2025,
      subModule: 'plane',
      unitId: f.unitId,
      uploadKey: 'uploads/00000000-0000-4000-8000-000000000000',
    }),
    expect: { anonymous: 401, standard: 403, principal: 404, backoffice: 403, admin: 404 },
  },
  // No registry in the fixture: whoever may sync is told so.
  'POST /api/v1/registry/sync': {
    url: () => '/api/v1/registry/sync',
    expect: { anonymous: 401, standard: 403, principal: 403, backoffice: 403, admin: 409 },
  },
  'GET /api/v1/jobs': {
    url: () => '/api/v1/jobs',
    expect: { anonymous: 401, standard: 403, principal: 200, backoffice: 200, admin: 200 },
  },
  // A stream for whoever may follow jobs; a client refusing event streams gets 406 instead.
  'GET /api/v1/jobs/events': {
    url: () => '/api/v1/jobs/events',
    headers: { accept: 'application/json' },
    expect: { anonymous: 401, standard: 403, principal: 406, backoffice: 406, admin: 406 },
  },
  'GET /api/v1/jobs/{id}': {
    url: () => `/api/v1/jobs/${NO_JOB}`,
    expect: { anonymous: 401, standard: 403, principal: 404, backoffice: 404, admin: 404 },
  },
  'DELETE /api/v1/jobs/{id}': {
    url: () => `/api/v1/jobs/${NO_JOB}`,
    expect: { anonymous: 401, standard: 403, principal: 404, backoffice: 403, admin: 404 },
  },
  'POST /api/v1/jobs/{id}/retry': {
    url: () => `/api/v1/jobs/${NO_JOB}/retry`,
    expect: { anonymous: 401, standard: 403, principal: 404, backoffice: 403, admin: 404 },
  },
  'GET /api/v1/jobs/{id}/error-report': {
    url: () => `/api/v1/jobs/${NO_JOB}/error-report`,
    expect: { anonymous: 401, standard: 403, principal: 404, backoffice: 404, admin: 404 },
  },
  'GET /api/v1/jobs/{id}/source-file': {
    url: () => `/api/v1/jobs/${NO_JOB}/source-file`,
    expect: { anonymous: 401, standard: 403, principal: 404, backoffice: 404, admin: 404 },
  },
  // Last: signing out ends each caller's session.
  'DELETE /api/v1/session': { url: () => '/api/v1/session', expect: signedIn(204) },
};

let testDb: TestDatabase;
let app: FastifyInstance;
let fixtures: Fixtures;
const headersOf = new Map<Caller, Record<string, string>>();

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.handle.db;
  const ids = await insertUnits(db, [
    { code: 'ROOT', level: 1 },
    { code: 'FAC', level: 2, parent: 'ROOT' },
    { code: 'LAB', level: 4, parent: 'FAC' },
  ]);
  const unitId = ids.get('LAB')!;
  await db.insert(years).values({ year: 2025, open: true });
  app = await buildTestApp(testDb.handle);
  const users: Record<Exclude<Caller, 'anonymous'>, TestUser> = {
    standard: await createUser(db, 'standard@test.example', [{ role: 'standard', unitId }]),
    principal: await createUser(db, 'principal@test.example', [{ role: 'principal', unitId }]),
    backoffice: await createUser(db, 'backoffice@test.example', [
      { role: 'backoffice', unitId: ids.get('FAC')! },
    ]),
    admin: await createUser(db, 'admin@test.example', [{ role: 'admin' }]),
  };
  const newcomer = await createUser(db, 'newcomer@test.example');
  headersOf.set('anonymous', {});
  for (const [caller, user] of Object.entries(users)) {
    headersOf.set(caller as Caller, (await signIn(app, user.email)).headers);
  }
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/units/${unitId}/years/2025/modules/professional-travel/entries`,
    headers: headersOf.get('principal'),
    payload: TRIP,
  });
  fixtures = {
    unitId,
    memberId: users.standard.id,
    newcomerId: newcomer.id,
    entryId: created.json().id,
  };
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

function documentedOperations(document: { paths: Record<string, Record<string, unknown>> }) {
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => methods.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('authorisation matrix', () => {
  it('declares every operation of the OpenAPI document, and nothing else', async () => {
    const document = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(MATRIX).sort()).toEqual(documentedOperations(document).sort());
  });

  it('answers each caller as declared', async () => {
    const mismatches: string[] = [];
    for (const [operation, testCase] of Object.entries(MATRIX)) {
      const method = operation.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'DELETE';
      for (const caller of CALLERS) {
        const response = await app.inject({
          method,
          url: testCase.url(fixtures),
          headers: { ...headersOf.get(caller), ...testCase.headers },
          ...(testCase.payload === undefined
            ? {}
            : {
                payload: (typeof testCase.payload === 'function'
                  ? (testCase.payload as (f: Fixtures) => unknown)(fixtures)
                  : testCase.payload) as object,
              }),
        });
        if (response.statusCode !== testCase.expect[caller]) {
          mismatches.push(
            `${operation} as ${caller}: ${response.statusCode}, declared ${testCase.expect[caller]}`,
          );
        }
        if (response.statusCode >= 400) {
          expect(response.headers['content-type'], operation).toContain('application/problem+json');
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('declaring access', () => {
  it('an /api/v1 route without an access rule stops the app from starting', async () => {
    await expect(
      buildTestApp(testDb.handle, {
        extend: async (instance) => {
          await instance.register(
            async (api) => {
              api.get('/forgotten', async () => ({ open: true }));
            },
            { prefix: '/api/v1' },
          );
        },
      }),
    ).rejects.toThrow('GET /api/v1/forgotten declares no access rule');
  });
});
