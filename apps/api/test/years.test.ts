import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearListSchema, yearSchema } from '../src/features/years/contract.js';
import { auditRowsAfter, lastAuditId } from './support/audit.js';
import { createUser, signIn, type SignedIn } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let admin: SignedIn;
let member: SignedIn;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const ids = await insertUnits(testDb.handle.db, [{ code: 'LAB', level: 1 }]);
  app = await buildTestApp(testDb.handle);
  await createUser(testDb.handle.db, 'admin@test.example', [{ role: 'admin' }]);
  await createUser(testDb.handle.db, 'member@test.example', [
    { role: 'standard', unitId: ids.get('LAB')! },
  ]);
  admin = await signIn(app, 'admin@test.example');
  member = await signIn(app, 'member@test.example');
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const put = (year: number, payload: object, as = admin) =>
  app.inject({ method: 'PUT', url: `/api/v1/years/${year}`, headers: as.headers, payload });
const list = async (as: SignedIn) =>
  yearListSchema.parse((await app.inject({ url: '/api/v1/years', headers: as.headers })).json())
    .items;

describe('years', () => {
  it('an admin creates a closed year with every module enabled, audited', async () => {
    const before = await lastAuditId(testDb.handle.db);
    const response = await put(2024, { open: false });
    expect(response.statusCode).toBe(200);
    const year = yearSchema.parse(response.json());
    expect(year).toMatchObject({ year: 2024, open: false, reductionGoals: [] });
    expect(year.modules).toHaveLength(8);
    expect(year.modules.every((module) => module.enabled && module.subModules === null)).toBe(true);
    const [audit] = await auditRowsAfter(testDb.handle.db, before);
    expect(audit).toMatchObject({ action: 'year.created', targetId: '2024', before: null });
  });

  it('unit users see open years only; admins see all', async () => {
    expect((await list(member)).map((y) => y.year)).toEqual([]);
    expect((await list(admin)).map((y) => y.year)).toEqual([2024]);
    expect(
      (await app.inject({ url: '/api/v1/years/2024', headers: member.headers })).statusCode,
    ).toBe(404);
    await put(2024, { open: true });
    expect((await list(member)).map((y) => y.year)).toEqual([2024]);
  });

  it('configures modules, thresholds, uncertainty and goals', async () => {
    const response = await put(2024, {
      open: true,
      reductionGoals: [{ targetYear: 2030, referenceYear: 2019, percent: 50 }],
      modules: [
        {
          module: 'purchases',
          enabled: true,
          subModules: ['consumables', 'services'],
          outlierThresholdKg: 10000,
          subModuleThresholdsKg: { services: 50_000 },
          uncertainty: 'high',
        },
        {
          module: 'research-facilities',
          enabled: false,
          subModules: null,
          outlierThresholdKg: null,
          uncertainty: null,
        },
      ],
    });
    expect(response.statusCode).toBe(200);
    const year = yearSchema.parse(response.json());
    expect(year.reductionGoals).toEqual([{ targetYear: 2030, referenceYear: 2019, percent: 50 }]);
    expect(year.modules.find((m) => m.module === 'purchases')).toEqual({
      module: 'purchases',
      enabled: true,
      subModules: ['consumables', 'services'],
      outlierThresholdKg: 10000,
      subModuleThresholdsKg: { services: 50_000 },
      uncertainty: 'high',
    });
    // A module given no sub-module thresholds has none.
    expect(
      year.modules.find((m) => m.module === 'research-facilities')?.subModuleThresholdsKg,
    ).toEqual({});
    expect(year.modules.find((m) => m.module === 'research-facilities')?.enabled).toBe(false);
    expect(year.modules.find((m) => m.module === 'headcount')?.enabled).toBe(true);
  });

  it('creates a year from the previous year’s settings', async () => {
    const year = yearSchema.parse((await put(2025, { open: false, copyFrom: 2024 })).json());
    expect(year.modules.find((m) => m.module === 'purchases')?.subModules).toEqual([
      'consumables',
      'services',
    ]);
    expect(year.modules.find((m) => m.module === 'purchases')?.subModuleThresholdsKg).toEqual({
      services: 50_000,
    });
    expect(year.modules.find((m) => m.module === 'research-facilities')?.enabled).toBe(false);
    expect(year.open).toBe(false);
    // The goals come along, and a later change that names none keeps them.
    expect(year.reductionGoals).toEqual([{ targetYear: 2030, referenceYear: 2019, percent: 50 }]);
    const opened = yearSchema.parse((await put(2025, { open: true })).json());
    expect(opened.reductionGoals).toEqual(year.reductionGoals);
    const cleared = yearSchema.parse((await put(2025, { open: true, reductionGoals: [] })).json());
    expect(cleared.reductionGoals).toEqual([]);
  });

  it('lists the years a page at a time, as every list does', async () => {
    const page = async (query: string) =>
      (await app.inject({ url: `/api/v1/years${query}`, headers: admin.headers })).json();
    expect(await page('')).toMatchObject({ page: 1, pageSize: 50, total: 2 });
    const second = yearListSchema.parse(await page('?page=2&pageSize=1'));
    expect(second).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(second.items.map((y) => y.year)).toEqual([2025]);
    const bad = await app.inject({ url: '/api/v1/years?pageSize=0', headers: admin.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('rejects bad settings and changes nothing', async () => {
    const foreign = await put(2024, {
      open: true,
      modules: [
        {
          module: 'headcount',
          enabled: true,
          subModules: ['plane'],
          outlierThresholdKg: null,
          uncertainty: null,
        },
      ],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().detail).toBe('plane is not a sub-module of headcount.');
    // A sub-module's own threshold: of a sub-module of the module, and above 0.
    const ownThreshold = (subModuleThresholdsKg: Record<string, number>) =>
      put(2024, {
        open: true,
        modules: [
          {
            module: 'buildings',
            enabled: true,
            subModules: null,
            outlierThresholdKg: null,
            subModuleThresholdsKg,
            uncertainty: null,
          },
        ],
      });
    const foreignThreshold = await ownThreshold({ train: 100 });
    expect(foreignThreshold.statusCode).toBe(422);
    expect(foreignThreshold.json().detail).toBe('train is not a sub-module of buildings.');
    const negative = await ownThreshold({ rooms: -1 });
    expect(negative.statusCode).toBe(400);
    const goal = await put(2024, {
      open: true,
      reductionGoals: [{ targetYear: 2019, referenceYear: 2030, percent: 50 }],
    });
    expect(goal.statusCode).toBe(400);
    expect(goal.json().errors[0].path).toBe('body.reductionGoals.0.targetYear');
    expect((await put(2026, { open: true, copyFrom: 1999 })).statusCode).toBe(422);
    expect(
      (await app.inject({ url: '/api/v1/years/2026', headers: admin.headers })).statusCode,
    ).toBe(404);
    expect((await put(1500, { open: true })).statusCode).toBe(400);
    const unchanged = yearSchema.parse(
      (await app.inject({ url: '/api/v1/years/2024', headers: admin.headers })).json(),
    );
    expect(unchanged.reductionGoals).toHaveLength(1);
  });

  it('is written by admins only', async () => {
    expect((await put(2024, { open: false }, member)).statusCode).toBe(403);
  });
});
