import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DatabaseNotEmptyError,
  DEMO_PASSWORD,
  type DemoAccount,
  seedDemo,
} from '../src/features/demo/seed.js';
import { dataEntries } from '../src/features/entries/table.js';
import { factors } from '../src/features/factors/table.js';
import { reportingListSchema } from '../src/features/reporting/contract.js';
import { reportSchema, resultsSchema } from '../src/features/reports/contract.js';
import { units } from '../src/features/units/table.js';
import { signIn } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let accounts: DemoAccount[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  accounts = await seedDemo(testDb.handle.db, testDb.handle.changes);
  app = await buildTestApp(testDb.handle);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const total = async (table: typeof units | typeof dataEntries | typeof factors) =>
  (await testDb.handle.db.select({ n: count() }).from(table))[0]!.n;

describe('the demo institution', () => {
  it('has a tree of 42 units, two years of factors and activity, and accounts of every role', async () => {
    expect(await total(units)).toBe(42);
    expect(await total(factors)).toBeGreaterThan(60);
    expect(await total(dataEntries)).toBeGreaterThan(1000);
    expect(accounts.map((a) => a.role)).toEqual(
      expect.arrayContaining(['admin', 'principal (L01)', 'standard (L01)']),
    );
  });

  it('shows real results and reporting on first start', async () => {
    const pi = await signIn(app, 'pi.l01@demo.example', DEMO_PASSWORD);
    const { items } = (
      await app.inject({ url: '/api/v1/units?level=4&q=L01', headers: pi.headers })
    ).json();
    const lab = items[0].id as string;
    const results = resultsSchema.parse(
      (
        await app.inject({ url: `/api/v1/units/${lab}/years/2025/results`, headers: pi.headers })
      ).json(),
    );
    expect(results.evolution.map((point) => point.year)).toEqual([2024, 2025]);
    expect(results.evolution[0]!.totalKgCo2eq).toBeGreaterThan(1000);
    expect(results.previousYear?.totalKgCo2eq).toBeGreaterThan(1000);
    const report = reportSchema.parse(
      (
        await app.inject({ url: `/api/v1/units/${lab}/years/2024/report`, headers: pi.headers })
      ).json(),
    );
    expect(report.status).toBe('validated');
    expect(report.modules.find((m) => m.module === 'professional-travel')!.entries).toBeGreaterThan(
      2,
    );

    const officer = await signIn(app, 'officer.sci@demo.example', DEMO_PASSWORD);
    const reporting = reportingListSchema.parse(
      (
        await app.inject({
          url: '/api/v1/reporting/units?year=2024&pageSize=100',
          headers: officer.headers,
        })
      ).json(),
    );
    expect(reporting.total).toBe(12); // the labs of the School of Basic Sciences' 3 institutes
    expect(reporting.items.filter((row) => row.status === 'validated').length).toBeGreaterThan(6);
    expect(reporting.items.every((row) => row.totalKgCo2eq >= 0)).toBe(true);
  });

  it("shares the platforms' own footprints out among the labs that use them", async () => {
    const shares = await testDb.handle.db
      .select({ kg: dataEntries.kgCo2eq, flags: dataEntries.flags })
      .from(dataEntries)
      .where(eq(dataEntries.module, 'research-facilities'));
    expect(shares.length).toBeGreaterThan(20);
    expect(shares.every((share) => share.flags.length === 0 && share.kg > 0)).toBe(true);
  });

  it('is only seeded into an empty database', async () => {
    await expect(seedDemo(testDb.handle.db, testDb.handle.changes)).rejects.toBeInstanceOf(
      DatabaseNotEmptyError,
    );
  });
});
