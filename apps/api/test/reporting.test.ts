import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportingListSchema } from '../src/features/reporting/contract.js';
import { reportModules, reports } from '../src/features/reports/table.js';
import { years } from '../src/features/years/table.js';
import { createUser, signIn, type SignedIn } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let ids: Map<string, string>;
const as: Record<string, SignedIn> = {};

const stats = (byCategory: Record<string, number>) => ({
  byScope: { '1': 0, '2': 0, '3': 0 },
  byCategory,
  byEmissionType: {},
  entries: 1,
  flagged: 0,
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.handle.db;
  ids = await insertUnits(db, [
    { code: 'ROOT', level: 1 },
    { code: 'FAC-A', level: 2, parent: 'ROOT' },
    { code: 'FAC-B', level: 2, parent: 'ROOT' },
    { code: 'LAB-1', level: 4, parent: 'FAC-A', nameEn: 'Lab one' },
    { code: 'LAB-2', level: 4, parent: 'FAC-A', nameEn: 'Lab two' },
    { code: 'LAB-3', level: 4, parent: 'FAC-B', nameEn: '=HYPERLINK("http://evil.example","x")' },
  ]);
  await db.insert(years).values([
    { year: 2024, open: false },
    { year: 2025, open: true },
  ]);
  // The year before: LAB-1 and LAB-3 reported, LAB-2 did not.
  await db.insert(reports).values([
    { unitId: ids.get('LAB-1')!, year: 2024, validatedKg: 10_000, totalKg: 10_000 },
    { unitId: ids.get('LAB-3')!, year: 2024, validatedKg: 500, totalKg: 500 },
  ]);
  // LAB-1: all 8 modules validated, 8,000 kg for 4 FTE; LAB-2: one module in progress.
  const [one] = await db
    .insert(reports)
    .values({
      unitId: ids.get('LAB-1')!,
      year: 2025,
      validatedKg: 8000,
      totalKg: 8000,
      validatedModules: 8,
      enabledModules: 8,
      fte: 4,
      stats: stats({ 'business-travel': 5000, energy: 3000 }),
    })
    .returning({ id: reports.id });
  await db
    .insert(reportModules)
    .values({ reportId: one!.id, module: 'headcount', status: 'validated' });
  const [two] = await db
    .insert(reports)
    .values({ unitId: ids.get('LAB-2')!, year: 2025, totalKg: 120, enabledModules: 8 })
    .returning({ id: reports.id });
  await db
    .insert(reportModules)
    .values({ reportId: two!.id, module: 'purchases', status: 'in_progress', totalKg: 120 });

  app = await buildTestApp(testDb.handle);
  await createUser(db, 'admin@test.example', [{ role: 'admin' }]);
  await createUser(db, 'officer@test.example', [{ role: 'backoffice', unitId: ids.get('FAC-A')! }]);
  await createUser(db, 'pi@test.example', [{ role: 'principal', unitId: ids.get('LAB-1')! }]);
  for (const name of ['admin', 'officer', 'pi'])
    as[name] = await signIn(app, `${name}@test.example`);
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const get = (query: string, who = 'admin') =>
  app.inject({ url: `/api/v1/reporting/units?year=2025${query}`, headers: as[who]!.headers });
const rows = async (query: string, who = 'admin') =>
  reportingListSchema.parse((await get(query, who)).json());
const codes = async (query: string, who = 'admin') =>
  (await rows(query, who)).items.map((row) => row.code);

describe('GET /api/v1/reporting/units', () => {
  it('lists the labs of the caller’s subtree with status, completion, totals and top category', async () => {
    const officer = await rows('', 'officer');
    expect(officer.total).toBe(2);
    expect(officer.items).toEqual([
      expect.objectContaining({
        code: 'LAB-1',
        status: 'validated',
        validatedModules: 8,
        enabledModules: 8,
        totalKgCo2eq: 8000,
        fte: 4,
        perFteKgCo2eq: 2000,
        topCategory: 'business-travel',
      }),
      expect.objectContaining({
        code: 'LAB-2',
        status: 'in_progress',
        totalKgCo2eq: 0,
        fte: null,
        perFteKgCo2eq: null,
      }),
    ]);
    expect(await codes('')).toEqual(['LAB-1', 'LAB-2', 'LAB-3']);
    expect((await rows('&q=lab-3')).items[0]).toMatchObject({
      status: 'not_started',
      validatedModules: 0,
    });
  });

  it('gives a faculty and the institution the sums of their labs, and the year before’s', async () => {
    const faculties = await rows('&level=2');
    expect(faculties.items).toEqual([
      expect.objectContaining({
        code: 'FAC-A',
        labs: 2,
        // One lab validated, one under way.
        status: 'in_progress',
        validatedModules: 8,
        enabledModules: 16,
        totalKgCo2eq: 8000,
        previousYearKgCo2eq: 10_000,
        fte: 4,
        perFteKgCo2eq: 2000,
        topCategory: 'business-travel',
      }),
      expect.objectContaining({
        code: 'FAC-B',
        labs: 1,
        status: 'not_started',
        validatedModules: 0,
        enabledModules: 8,
        totalKgCo2eq: 0,
        previousYearKgCo2eq: 500,
        fte: null,
        topCategory: null,
      }),
    ]);
    expect((await rows('&level=1')).items).toEqual([
      expect.objectContaining({
        code: 'ROOT',
        labs: 3,
        totalKgCo2eq: 8000,
        previousYearKgCo2eq: 10_500,
        enabledModules: 24,
      }),
    ]);
    // A lab is its own sum; one without a report the year before has none to compare.
    const labs = new Map((await rows('')).items.map((row) => [row.code, row]));
    expect(labs.get('LAB-1')).toMatchObject({ labs: 1, previousYearKgCo2eq: 10_000 });
    expect(labs.get('LAB-2')).toMatchObject({ labs: 1, previousYearKgCo2eq: null });
    // The officer of FAC-A sees their faculty's sums, and sorts faculties by them.
    expect((await rows('&level=2', 'officer')).items.map((row) => row.code)).toEqual(['FAC-A']);
    expect(await codes('&level=2&sort=-totalKgCo2eq')).toEqual(['FAC-A', 'FAC-B']);
  });

  it('filters by affiliation, level, status and text, and sorts', async () => {
    expect(await codes(`&affiliation=${ids.get('FAC-B')}`)).toEqual(['LAB-3']);
    expect(await codes('&level=2')).toEqual(['FAC-A', 'FAC-B']);
    expect(await codes('&status=in_progress')).toEqual(['LAB-2']);
    expect(await codes('&q=two')).toEqual(['LAB-2']);
    expect((await codes('&sort=-totalKgCo2eq'))[0]).toBe('LAB-1');
    // The French names sort too, for the French interface.
    const french = (await rows('&sort=nameFr')).items.map((item) => item.nameFr);
    expect(french).toEqual([...french].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(french.length).toBeGreaterThan(1);
    // An affiliation outside the officer's subtree is not theirs to see.
    expect((await get(`&affiliation=${ids.get('FAC-B')}`, 'officer')).statusCode).toBe(404);
  });

  it('exports every matching unit as formula-safe CSV', async () => {
    const response = await get('&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="reporting-2025.csv"',
    );
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'code,nameEn,nameFr,level,labs,status,validatedModules,enabledModules,totalKgCo2eq,previousYearKgCo2eq,fte,perFteKgCo2eq,topCategory,unitId',
    );
    expect(lines).toHaveLength(4);
    const evil = lines.find((line) => line.startsWith('LAB-3'))!;
    expect(evil).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(evil).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
  });

  it('exports JSON too, and only to those who may export', async () => {
    const json = await get('&format=json&pageSize=1');
    expect(json.headers['content-disposition']).toBe('attachment; filename="reporting-2025.json"');
    expect(reportingListSchema.parse(json.json()).items).toHaveLength(3);
    expect((await get('', 'pi')).statusCode).toBe(403);
  });
});
