import { classificationKey } from '@co2-calculator/domain';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { factors } from '../src/features/factors/table.js';
import { years } from '../src/features/years/table.js';
import type { Database, DatabaseHandle } from '../src/platform/db/database.js';
import { migrate } from '../src/platform/db/migrate.js';
import { openDatabase } from '../src/platform/db/open.js';
import { openPostgres } from '../src/platform/db/postgres.js';
import * as schema from '../src/platform/db/schema.js';
import { units } from '../src/platform/db/schema.js';
import { createUser, signIn, signedInAdmin, type SignedIn } from './support/identities.js';
import { onDatabase, ReplicaControl, replicaServerUrl } from './support/replica.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import {
  createServerDatabase,
  createTestDatabase,
  serverUrl,
  type TestDatabase,
} from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

/**
 * Reads that may lag the latest commits go to `readDb`, the read replica of
 * `DATABASE_REPLICA_URL`; writes and reads of what the caller just wrote stay on the primary
 * (ADR 0008). Shown on every engine by observing which connection each route queries, on a
 * server through a second pool, and on a streaming replica (CI) by pausing its replay.
 */

const YEAR = 2025;

/** A unit with a principal, the year and the one factor an entry needs. */
async function seed(db: Database) {
  const ids = await insertUnits(db, [
    { code: 'ROOT', level: 1 },
    { code: 'LAB', level: 4, parent: 'ROOT' },
  ]);
  const unitId = ids.get('LAB')!;
  await db.insert(years).values({ year: YEAR, open: true });
  const classification = { code: 'CH4' };
  await db.insert(factors).values({
    factorSet: 'process-gases',
    year: YEAR,
    emissionType: 'process.gases',
    classification,
    classificationKey: classificationKey(classification),
    values: { gwp100: 28 },
    unit: 'kg CO2-eq / kg',
    source: 'IPCC AR5',
  });
  await createUser(db, 'pi@test.example', [{ role: 'principal', unitId }]);
  return unitId;
}

const unitPath = (unitId: string) => `/api/v1/units/${unitId}/years/${YEAR}`;
const entriesPath = (unitId: string) => `${unitPath(unitId)}/modules/process-emissions/entries`;

describe('which routes read from readDb', () => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let unitId: string;
  let admin: SignedIn;
  let principal: SignedIn;
  const onPrimary: string[] = [];
  const onReplica: string[] = [];

  /** A query builder on the same connection as `handle.db`, logging what it runs. */
  function logging(handle: DatabaseHandle, log: string[]): Database {
    const logger = { logQuery: (query: string) => void log.push(query) };
    const client = (handle.db as unknown as { $client: unknown }).$client;
    return handle.kind === 'pglite'
      ? drizzlePglite({ client: client as PGlite, schema, logger })
      : drizzlePg({ client: client as pg.Pool, schema, logger });
  }

  beforeAll(async () => {
    testDb = await createTestDatabase();
    unitId = await seed(testDb.handle.db);
    const handle = testDb.handle;
    app = await buildTestApp({
      ...handle,
      db: logging(handle, onPrimary),
      readDb: logging(handle, onReplica),
    });
    admin = await signedInAdmin(app, handle.db);
    principal = await signIn(app, 'pi@test.example');
  });

  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  /** Calls `path` as `who`, `~` standing for the unit's year. */
  const call = async (
    who: 'admin' | 'principal',
    path: string,
    method: 'GET' | 'POST' | 'PUT' = 'GET',
  ) => {
    onPrimary.length = 0;
    onReplica.length = 0;
    const url = path.replace('~', unitPath(unitId));
    const payload =
      method === 'POST'
        ? { subModule: 'gases', fields: { code: 'CH4', kgReleased: 1 } }
        : method === 'PUT'
          ? { status: 'in_progress' }
          : undefined;
    const as = who === 'admin' ? admin : principal;
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: as.headers,
      payload,
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  };

  it.each([
    ['the unit list', 'admin', '/api/v1/units'],
    ['the user list', 'admin', '/api/v1/users'],
    ['reporting', 'admin', `/api/v1/reporting/units?year=${YEAR}`],
    ['results', 'principal', '~/results'],
    ['factors', 'admin', `/api/v1/factors?year=${YEAR}`],
    ['stale factors', 'admin', `/api/v1/factors/stale?year=${YEAR}`],
    ['factor options', 'principal', `/api/v1/factors/options?year=${YEAR}&subModule=gases`],
    ['airports', 'principal', '/api/v1/reference/airports?q=gva'],
    ['stations', 'principal', '/api/v1/reference/stations?q=gen'],
    ['facilities', 'principal', `/api/v1/reference/facilities?year=${YEAR}`],
  ] as const)('%s: from the replica', async (_name, who, path) => {
    await call(who, path);
    expect(onReplica.length).toBeGreaterThan(0);
  });

  it.each([
    ['an entry written', 'principal', '~/modules/process-emissions/entries', 'POST'],
    ['the entries it lists', 'principal', '~/modules/process-emissions/entries', 'GET'],
    ['a module status set', 'principal', '~/modules/process-emissions/status', 'PUT'],
    ['the report with module statuses', 'principal', '~/report', 'GET'],
    ['years', 'admin', '/api/v1/years', 'GET'],
    ['one unit', 'admin', '/api/v1/units/{id}', 'GET'],
    ['jobs', 'admin', '/api/v1/jobs', 'GET'],
  ] as const)('%s: on the primary', async (_name, who, path, method) => {
    await call(who, path.replace('{id}', unitId), method);
    expect(onPrimary.length).toBeGreaterThan(0);
    expect(onReplica).toEqual([]);
  });
});

describe.runIf(serverUrl)('DATABASE_REPLICA_URL naming a second connection', () => {
  // The "replica" is another database of the server, with the same schema and a unit named
  // differently: what a route shows tells which connection it read.
  let primary: Awaited<ReturnType<typeof createServerDatabase>>;
  let mirror: Awaited<ReturnType<typeof createServerDatabase>>;
  let app: FastifyInstance;
  let handle: DatabaseHandle;
  let unitId: string;
  const open = (replicaUrl: string) =>
    openDatabase(
      // The configuration path a deployment takes.
      testConfig({
        DATABASE_URL: primary.url,
        ...(primary.directUrl ? { DATABASE_DIRECT_URL: primary.directUrl } : {}),
        DATABASE_REPLICA_URL: replicaUrl,
      }),
    );

  beforeAll(async () => {
    [primary, mirror] = await Promise.all([createServerDatabase(), createServerDatabase()]);
    const mirrorUrl = mirror.directUrl ?? mirror.url;
    const mirrorHandle = await openPostgres({ url: mirrorUrl, poolSize: 2 });
    try {
      await migrate(mirrorHandle);
      await seed(mirrorHandle.db);
      await mirrorHandle.db
        .update(units)
        .set({ nameEn: 'LAB on the replica' })
        .where(eq(units.code, 'LAB'));
    } finally {
      await mirrorHandle.close();
    }
    handle = await open(mirrorUrl);
    await migrate(handle);
    unitId = await seed(handle.db);
    app = await buildTestApp(handle);
  });

  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await Promise.all([primary?.drop(), mirror?.drop()]);
  });

  it('serves the read routes from it, the others from the primary', async () => {
    const { headers } = await signedInAdmin(app, handle.db);
    const get = async (url: string) => (await app.inject({ url, headers })).json();
    const names = (page: { items: { code: string; nameEn: string }[] }) =>
      page.items.filter((unit) => unit.code === 'LAB').map((unit) => unit.nameEn);
    expect(names(await get(`/api/v1/reporting/units?year=${YEAR}`))).toEqual([
      'LAB on the replica',
    ]);
    expect(names(await get('/api/v1/units'))).toEqual(['LAB on the replica']);
    expect((await get(`/api/v1/units/${unitId}`)).nameEn).toBe('LAB (en)');
  });

  it('is checked by /readyz and reported in /metrics', async () => {
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.json()).toEqual({
      status: 'ok',
      checks: { database: 'ok', replica: 'ok', storage: 'ok' },
    });
    const metrics = (await app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('co2_db_pool_connections_max{pool="primary"} 10');
    expect(metrics).toContain('co2_db_pool_connections_max{pool="replica"} 10');
    expect(metrics).toMatch(/co2_db_pool_connections\{pool="replica",state="idle"\} [1-9]/);
  });

  it('is not ready while the replica does not answer', async () => {
    const unreachable = await open('postgres://co2:x@127.0.0.1:1/co2');
    const orphan = await buildTestApp(unreachable);
    try {
      const ready = await orphan.inject({ url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks).toEqual({ database: 'ok', replica: 'failed', storage: 'ok' });
    } finally {
      await orphan.close();
      await unreachable.close();
    }
  });
});

describe.runIf(serverUrl && replicaServerUrl)('a streaming replica', () => {
  let created: Awaited<ReturnType<typeof createServerDatabase>>;
  let control: ReplicaControl;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let unitId: string;
  let principal: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    created = await createServerDatabase();
    const primaryUrl = created.directUrl ?? created.url;
    control = await ReplicaControl.connect(primaryUrl, replicaServerUrl!);
    // Left paused by an interrupted run, it would never show this database.
    await control.resume();
    handle = await openDatabase(
      testConfig({
        DATABASE_URL: created.url,
        ...(created.directUrl ? { DATABASE_DIRECT_URL: created.directUrl } : {}),
        DATABASE_REPLICA_URL: onDatabase(replicaServerUrl!, new URL(created.url).pathname.slice(1)),
      }),
    );
    await migrate(handle);
    unitId = await seed(handle.db);
    app = await buildTestApp(handle);
    admin = await signedInAdmin(app, handle.db);
    principal = await signIn(app, 'pi@test.example');
    await control.caughtUp();
  });

  afterAll(async () => {
    // Whatever happened, the replica must go on replaying for the other tests.
    await control?.resume();
    await control?.close();
    await app?.close();
    await handle?.close();
    await created?.drop();
  });

  const results = async () =>
    (await app.inject({ url: `${unitPath(unitId)}/results`, headers: principal.headers })).json()
      .totalKgCo2eq as number;
  const reportingTotal = async () =>
    (
      await app.inject({
        url: `/api/v1/reporting/units?year=${YEAR}&level=4`,
        headers: admin.headers,
      })
    ).json().items[0].totalKgCo2eq as number;

  it('is read-only: readDb is the standby', async () => {
    // SQLSTATE 25006: cannot execute INSERT in a read-only transaction.
    await expect(
      handle.readDb.insert(years).values({ year: 2030, open: true }),
    ).rejects.toMatchObject({ cause: { code: '25006' } });
  });

  it('serves results and reporting as replayed, the writer’s own reads as committed', async () => {
    expect(await results()).toBe(0);
    expect(await reportingTotal()).toBe(0);
    await control.pause();
    try {
      // Writes go to the primary while the replica stands still.
      const entry = await app.inject({
        method: 'POST',
        url: entriesPath(unitId),
        headers: principal.headers,
        payload: { subModule: 'gases', fields: { code: 'CH4', kgReleased: 10 } },
      });
      expect(entry.statusCode, entry.body).toBe(201);
      const validated = await app.inject({
        method: 'PUT',
        url: `${unitPath(unitId)}/modules/process-emissions/status`,
        headers: principal.headers,
        payload: { status: 'validated' },
      });
      expect(validated.statusCode, validated.body).toBe(204);

      // The writer's own reads come from the primary: 10 kg × 28 = 280 kg.
      const listed = await app.inject({ url: entriesPath(unitId), headers: principal.headers });
      expect(listed.json().total).toBe(1);
      const report = await app.inject({
        url: `${unitPath(unitId)}/report`,
        headers: principal.headers,
      });
      expect(report.json().validatedKgCo2eq).toBe(280);
      // Results and reporting show the replica's state, cached or not, until it replays.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await results()).toBe(0);
      expect(await reportingTotal()).toBe(0);
    } finally {
      await control.resume();
    }
    // Once replayed, the caches filled from the replica drop their results: without waiting
    // for the replica, they would have been refilled from it stale and kept.
    await expect.poll(results, { timeout: 10_000 }).toBe(280);
    await expect.poll(reportingTotal, { timeout: 10_000 }).toBe(280);
  });
});
