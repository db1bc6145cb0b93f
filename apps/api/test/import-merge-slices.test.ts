import { entryTypeOf } from '@co2-calculator/domain';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../src/features/demo/seed.js';
import type { DatabaseHandle } from '../src/platform/db/database.js';
import { queryRows } from '../src/platform/db/query-rows.js';
import { startWorkers } from '../src/workers.js';
import { signIn, type SignedIn } from './support/identities.js';
import { uploadFile, waitForJob } from './support/imports.js';
import { buildTestApp, testConfig } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// A large file's merge in slices of file lines (what PGlite does, so that the server keeps
// answering while it runs) must store exactly what the merge of the whole set at once stores.

let testDb: TestDatabase;
let app: FastifyInstance;
let admin: SignedIn;
const db = () => testDb.handle.db;

const JOB_ENV = { JOB_LEASE_SECONDS: '2', JOB_POLL_SECONDS: '0.5', JOB_RETRY_DELAY_SECONDS: '1' };
const TRAVEL = entryTypeOf('plane')!.module;
const LABS = ['L01', 'L02', 'L03', 'L04'];
const DESTINATIONS = ['CDG', 'LHR', 'JFK', 'FRA', 'AMS'];
const CLASSES = ['economy', 'business', 'first'];

/** 40 trips across four labs; line 13 names no unit and line 29 a date of the year before. */
const CSV = [
  'unitCode,origin,destination,traveller,date,roundTrip,class',
  ...Array.from({ length: 40 }, (_, i) => {
    const line = i + 2;
    const unit = line === 13 ? 'X99' : LABS[i % LABS.length];
    const date = line === 29 ? '2024-12-30' : `2025-0${(i % 9) + 1}-1${i % 10}`;
    const cabin = CLASSES[i % CLASSES.length];
    return `${unit},GVA,${DESTINATIONS[i % DESTINATIONS.length]},Traveller ${line},${date},${i % 2 === 0},${cabin}`;
  }),
].join('\r\n');

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemo(db(), testDb.handle.changes);
  app = await buildTestApp(testDb.handle, { env: JOB_ENV });
  admin = await signIn(app, 'admin@demo.example', DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

/** Imports the file for all units with workers on `database`; resolves with the job. */
async function importWith(database: DatabaseHandle) {
  const workers = await startWorkers({
    config: testConfig(JOB_ENV),
    database,
    store: app.storage,
    log: app.log,
  });
  try {
    const uploadKey = await uploadFile(app, admin.headers, CSV, 'trips.csv');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: admin.headers,
      payload: { target: 'module-data-all', year: 2025, subModule: 'plane', uploadKey },
    });
    expect(response.statusCode, response.body).toBe(202);
    return await waitForJob(app, admin.headers, response.json().jobId);
  } finally {
    await workers.stop();
  }
}

/** What the job stored: each entry with its unit, kg and emissions, by traveller. */
async function storedBy(jobId: string) {
  return queryRows<Record<string, unknown>>(
    db(),
    sql`select u.code, d.fields->>'traveller' as traveller, d.kg_co2eq, d.flags,
               (select count(*)::int from emissions e where e.entry_id = d.id) as emissions,
               (select sum(e.kg_co2eq) from emissions e where e.entry_id = d.id) as emitted
          from data_entries d join units u on u.id = d.unit_id
         where d.import_job_id = ${jobId}
         order by traveller`,
  );
}

/** The back office's plane rows of 2025, and the emissions they have. */
async function backOfficeEntries() {
  const [row] = await queryRows<{ n: number }>(
    db(),
    sql`select count(*)::int as n from data_entries d
         where d.year = 2025 and d.sub_module = 'plane' and d.source = 'backoffice-csv'`,
  );
  return row!.n;
}

async function backOfficeEmissions() {
  const [row] = await queryRows<{ n: number }>(
    db(),
    sql`select count(*)::int as n from emissions e join data_entries d on d.id = e.entry_id
         where d.year = 2025 and d.sub_module = 'plane' and d.source = 'backoffice-csv'`,
  );
  return row!.n;
}

async function stagedOf(jobId: string) {
  const [row] = await queryRows<{ n: number }>(
    db(),
    sql`select count(*)::int as n from import_staged_entries where job_id = ${jobId}`,
  );
  return row!.n;
}

async function travelStatusOf(labs: string[]) {
  return queryRows<{ code: string; status: string }>(
    db(),
    sql`select u.code, m.status::text as status
          from report_modules m join reports r on r.id = m.report_id
          join units u on u.id = r.unit_id
         where r.year = 2025 and r.kind = 'official' and m.module = ${TRAVEL}
           and u.code = any(${sql.param(labs)}::text[])
         order by u.code`,
  );
}

describe('the merge of an import in slices of file lines', () => {
  it('stores what the merge of the whole set stores, clears its staging and starts the modules', async () => {
    const sliced = await importWith({ ...testDb.handle, bulkSliceRows: 3 });
    expect(sliced.state, sliced.error ?? '').toBe('warning');
    expect(sliced.counts).toMatchObject({ read: 40, skipped: 2, inserted: 38 });
    const inSlices = await storedBy(sliced.id);
    expect(inSlices).toHaveLength(38);
    expect(inSlices.map((row) => row.traveller)).not.toContain('Traveller 13');
    expect(inSlices.map((row) => row.traveller)).not.toContain('Traveller 29');
    for (const row of inSlices) {
      expect(row.emissions).toBeGreaterThan(0);
      expect(row.emitted).toBeCloseTo(row.kg_co2eq as number, 6);
    }
    expect(await stagedOf(sliced.id)).toBe(0);
    const started = await travelStatusOf(LABS);
    expect(started.map((row) => row.code)).toEqual(LABS);
    expect(started.every((row) => row.status !== 'not_started')).toBe(true);

    // The same file again, in slices: the rows it replaces go a slice at a time too.
    const again = await importWith({ ...testDb.handle, bulkSliceRows: 3 });
    expect(again.counts).toMatchObject({ read: 40, skipped: 2, inserted: 38 });
    expect(await storedBy(again.id)).toEqual(inSlices);
    expect(await storedBy(sliced.id)).toEqual([]);
    expect(await backOfficeEmissions()).toBe(await backOfficeEntries());

    // And merged at once on an unsliced handle, it replaces the rows merged in slices.
    const whole = await importWith({ ...testDb.handle, bulkSliceRows: undefined });
    expect(whole.counts).toMatchObject({ read: 40, skipped: 2, inserted: 38 });
    expect(await storedBy(whole.id)).toEqual(inSlices);
    expect(await storedBy(again.id)).toEqual([]);
    expect(await backOfficeEntries()).toBe(38);
    expect(await backOfficeEmissions()).toBe(await backOfficeEntries());
  });
});
