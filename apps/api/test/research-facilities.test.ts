import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataEntries } from '../src/features/entries/table.js';
import { dataIngestionJobs } from '../src/features/jobs/table.js';
import { researchFacilities } from '../src/features/reference/table.js';
import { startWorkers } from '../src/workers.js';
import { years } from '../src/features/years/table.js';
import { createUser, signIn, type SignedIn } from './support/identities.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let ids: Map<string, string>;
/** Principal of the lab and of both platforms, so one caller enters every report. */
let principal: SignedIn;
const db = () => testDb.handle.db;

const moduleUrl = (unit: string, module: string) =>
  `/api/v1/units/${ids.get(unit)}/years/2025/modules/${module}/entries`;

async function createEntry(unit: string, module: string, body: Record<string, unknown>) {
  const response = await app.inject({
    method: 'POST',
    url: moduleUrl(unit, module),
    headers: principal.headers,
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const useOf = (facility: string, use: number, subModule = 'common-facilities') =>
  createEntry('LAB', 'research-facilities', {
    subModule,
    fields: { facility, use, useUnit: 'hours' },
  });

beforeAll(async () => {
  testDb = await createTestDatabase();
  ids = await insertUnits(db(), [
    { code: 'ROOT', level: 1 },
    { code: 'LAB', level: 4, parent: 'ROOT' },
    { code: 'CRYO', level: 4, parent: 'ROOT', type: 'platform' },
    { code: 'HPC', level: 4, parent: 'ROOT', type: 'platform' },
  ]);
  await db().insert(years).values({ year: 2025, open: true });
  app = await buildTestApp(testDb.handle);
  await createUser(
    db(),
    'head@test.example',
    ['LAB', 'CRYO', 'HPC'].map((code) => ({ role: 'principal' as const, unitId: ids.get(code)! })),
  );
  principal = await signIn(app, 'head@test.example');
  await db()
    .insert(researchFacilities)
    .values([
      {
        year: 2025,
        name: 'Cryo-EM platform',
        unitId: ids.get('CRYO')!,
        useUnit: 'hours',
        totalUse: 3240,
      },
      {
        year: 2025,
        name: 'Cluster',
        unitId: ids.get('HPC')!,
        useUnit: 'core-hours',
        totalUse: 1000,
        computing: true,
      },
      {
        year: 2025,
        name: 'Partner animal house',
        declaredKg: 8000,
        useUnit: 'cage-days',
        totalUse: 400,
      },
    ]);
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe('research facility shares', () => {
  it('flags a share while the facility has no report of its own, and books nothing', async () => {
    const entry = await useOf('Cryo-EM platform', 137.5);
    expect(entry.kgCo2eq).toBe(0);
    expect(entry.flags.map((flag: { code: string }) => flag.code)).toEqual(['missing-reference']);
  });

  it("shares out the facility's own report in proportion to use", async () => {
    // The platform's own footprint: 51,830 kg in its buildings module (the worked example).
    await createEntry('CRYO', 'buildings', {
      subModule: 'combustion',
      fields: { fuel: 'natural-gas', unit: 'kWh', quantity: 1 },
      kgCo2eq: 51830,
    });
    const entry = await useOf('Cryo-EM platform', 137.5);
    expect(entry.kgCo2eq).toBeCloseTo((137.5 / 3240) * 51830, 6);
    expect(entry.emissions).toEqual([
      expect.objectContaining({ emissionType: 'facilities.common', scope: 3 }),
    ]);
  });

  it("leaves out the facility's own facility use, which would feed back on itself", async () => {
    await createEntry('CRYO', 'research-facilities', {
      subModule: 'common-facilities',
      fields: { facility: 'Partner animal house', use: 40, useUnit: 'cage-days' },
    });
    const entry = await useOf('Cryo-EM platform', 324);
    expect(entry.kgCo2eq).toBeCloseTo(5183, 6);
  });

  it('books a computing facility under the IT focus, and an animal facility as such', async () => {
    await createEntry('HPC', 'buildings', {
      subModule: 'combustion',
      fields: { fuel: 'natural-gas', unit: 'kWh', quantity: 1 },
      kgCo2eq: 2000,
    });
    const cluster = await useOf('Cluster', 250);
    expect(cluster.kgCo2eq).toBeCloseTo(500, 6);
    expect(cluster.emissions[0].emissionType).toBe('facilities.computing');

    const animals = await useOf('Partner animal house', 100, 'animal-facilities');
    expect(animals.kgCo2eq).toBeCloseTo(2000, 6);
    expect(animals.emissions[0].emissionType).toBe('facilities.animal');
  });

  it('flags a facility missing from the register', async () => {
    const entry = await useOf('Nowhere facility', 10);
    expect(entry.flags).toEqual([
      expect.objectContaining({
        code: 'missing-reference',
        reference: 'facility Nowhere facility',
      }),
    ]);
  });

  it('lists the register of a year for the forms', async () => {
    const response = await app.inject({
      url: '/api/v1/reference/facilities?year=2025',
      headers: principal.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((f: { name: string }) => f.name)).toEqual([
      'Cluster',
      'Cryo-EM platform',
      'Partner animal house',
    ]);
  });
});

describe('when a facility’s own report changes', () => {
  it('queues the year’s aggregation, which brings its users’ shares up to date', async () => {
    const env = { JOB_LEASE_SECONDS: '2', JOB_POLL_SECONDS: '0.5' };
    const workers = await startWorkers({
      config: testConfig(env),
      database: testDb.handle,
      store: app.storage,
      log: app.log,
    });
    try {
      const share = await useOf('Cluster', 100);
      expect(share.kgCo2eq).toBeCloseTo(200, 6); // 100 / 1000 × 2,000 kg
      // The cluster's footprint doubles.
      await createEntry('HPC', 'buildings', {
        subModule: 'combustion',
        fields: { fuel: 'natural-gas', unit: 'kWh', quantity: 1 },
        kgCo2eq: 2000,
      });
      const [queued] = await db()
        .select()
        .from(dataIngestionJobs)
        .where(eq(dataIngestionJobs.kind, 'aggregate'));
      expect(queued?.year).toBe(2025);
      await expect
        .poll(
          async () => {
            const [row] = await db()
              .select({ kg: dataEntries.kgCo2eq })
              .from(dataEntries)
              .where(eq(dataEntries.id, share.id));
            return row?.kg;
          },
          { timeout: 20_000, interval: 200 },
        )
        .toBeCloseTo(400, 6);
    } finally {
      await workers.stop();
    }
  });
});
