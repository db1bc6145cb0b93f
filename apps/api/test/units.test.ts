import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitDetailSchema, unitListSchema } from '../src/features/units/contract.js';
import { units } from '../src/platform/db/schema.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits, type UnitSpec } from './support/unit-tree.js';
import { signedInAdmin } from './support/identities.js';

const tree: UnitSpec[] = [
  { code: 'EPFX', nameEn: 'Institute of Technology', nameFr: 'École polytechnique', level: 1 },
  { code: 'ENAC', nameEn: 'Architecture', nameFr: 'Architecture', level: 2, parent: 'EPFX' },
  { code: 'SB', nameEn: 'Basic Sciences', nameFr: 'Sciences de base', level: 2, parent: 'EPFX' },
  { code: 'SB-ICH', nameEn: 'Chemistry', nameFr: 'Chimie', level: 3, parent: 'SB' },
  { code: 'SB-IPHYS', nameEn: 'Physics', nameFr: 'Physique', level: 3, parent: 'SB' },
  {
    code: 'LCBM',
    nameEn: 'Biomimetic Chemistry',
    nameFr: 'Chimie biomimétique',
    level: 4,
    parent: 'SB-ICH',
  },
  {
    code: 'LSMO',
    nameEn: 'Molecular Simulation',
    nameFr: 'Simulation moléculaire',
    level: 4,
    parent: 'SB-ICH',
  },
  {
    code: 'LQM',
    nameEn: 'Quantum Matter',
    nameFr: 'Matière quantique',
    level: 4,
    parent: 'SB-IPHYS',
  },
  {
    code: 'LOLD',
    nameEn: 'Old Lab 100%',
    nameFr: 'Ancien labo',
    level: 4,
    parent: 'SB-IPHYS',
    active: false,
  },
  {
    code: 'PLAT_X',
    nameEn: 'Imaging Platform',
    nameFr: 'Plateforme d’imagerie',
    level: 4,
    parent: 'ENAC',
    type: 'platform',
  },
];

let testDb: TestDatabase;
let app: FastifyInstance;
let ids: Map<string, string>;
let headers: { authorization: string };

beforeAll(async () => {
  testDb = await createTestDatabase();
  ids = await insertUnits(testDb.handle.db, tree);
  app = await buildTestApp(testDb.handle);
  ({ headers } = await signedInAdmin(app, testDb.handle.db));
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

async function list(query: string) {
  const response = await app.inject({ method: 'GET', url: `/api/v1/units${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return unitListSchema.parse(response.json());
}

const codes = (page: { items: { code: string }[] }) => page.items.map((unit) => unit.code);

describe('GET /api/v1/units', () => {
  it('lists units sorted by code with the list envelope', async () => {
    const page = await list('');
    expect(page.page).toBe(1);
    expect(page.pageSize).toBe(50);
    expect(page.total).toBe(tree.length);
    expect(codes(page)).toEqual(tree.map((unit) => unit.code).sort());
    const lcbm = page.items.find((unit) => unit.code === 'LCBM');
    expect(lcbm).toEqual({
      id: ids.get('LCBM'),
      code: 'LCBM',
      nameEn: 'Biomimetic Chemistry',
      nameFr: 'Chimie biomimétique',
      level: 4,
      parentId: ids.get('SB-ICH'),
      type: 'lab',
      active: true,
    });
  });

  it('pages through the results with a stable order and the full total', async () => {
    const all = codes(await list('?pageSize=1000'));
    const pages = await Promise.all([1, 2, 3, 4].map((n) => list(`?pageSize=3&page=${n}`)));
    expect(pages.map((p) => p.total)).toEqual([10, 10, 10, 10]);
    expect(pages.flatMap(codes)).toEqual(all);
    expect(codes(pages[3]!)).toHaveLength(1);
  });

  it('reports the total on a page past the last one', async () => {
    const page = await list('?pageSize=5&page=9');
    expect(page.items).toEqual([]);
    expect(page.total).toBe(10);
  });

  // Names sort by the database's collation, which differs between servers; what holds
  // everywhere is that descending is ascending reversed (values are unique here).
  it.each(['code', 'nameEn', 'nameFr'] as const)('sorts by %s both ways', async (field) => {
    const ascending = codes(await list(`?sort=${field}`));
    const descending = codes(await list(`?sort=-${field}`));
    expect(descending).toEqual([...ascending].reverse());
    expect(new Set(ascending).size).toBe(tree.length);
  });

  it('sorts by level, breaking ties by code', async () => {
    const items = (await list('?sort=level')).items;
    expect(items.map((unit) => unit.level)).toEqual([1, 2, 2, 3, 3, 4, 4, 4, 4, 4]);
    expect(items.filter((unit) => unit.level === 4).map((unit) => unit.code)).toEqual([
      'LCBM',
      'LOLD',
      'LQM',
      'LSMO',
      'PLAT_X',
    ]);
    const descending = (await list('?sort=-level')).items.map((unit) => unit.level);
    expect(descending).toEqual([4, 4, 4, 4, 4, 3, 3, 2, 2, 1]);
  });

  it('filters by level, parent and active flag', async () => {
    expect(codes(await list('?level=3'))).toEqual(['SB-ICH', 'SB-IPHYS']);
    expect(codes(await list(`?parent=${ids.get('SB-IPHYS')}`))).toEqual(['LOLD', 'LQM']);
    expect(codes(await list(`?parent=${ids.get('SB-IPHYS')}&active=true`))).toEqual(['LQM']);
    expect(codes(await list('?active=false'))).toEqual(['LOLD']);
    expect(codes(await list('?level=4&parent=' + ids.get('ENAC')))).toEqual(['PLAT_X']);
  });

  it('searches code and both names, ignoring case and accents', async () => {
    expect(codes(await list('?q=lcbm'))).toEqual(['LCBM']);
    expect(codes(await list('?q=ECOLE'))).toEqual(['EPFX']);
    expect(codes(await list('?q=biomimetique'))).toEqual(['LCBM']);
    expect(codes(await list('?q=quantum'))).toEqual(['LQM']);
    expect(codes(await list('?q=chimie&sort=-code'))).toEqual(['SB-ICH', 'LCBM']);
  });

  it('matches LIKE wildcards in the search text literally', async () => {
    expect(codes(await list('?q=100%25'))).toEqual(['LOLD']);
    expect(codes(await list('?q=%25'))).toEqual(['LOLD']);
    expect(codes(await list('?q=_'))).toEqual(['PLAT_X']);
  });

  it.each([
    ['?page=0', 'query.page'],
    ['?pageSize=1001', 'query.pageSize'],
    ['?pageSize=abc', 'query.pageSize'],
    ['?sort=path', 'query.sort'],
    ['?sort=--code', 'query.sort'],
    ['?level=5', 'query.level'],
    ['?parent=LCBM', 'query.parent'],
    ['?active=maybe', 'query.active'],
    [`?q=${'x'.repeat(201)}`, 'query.q'],
  ])('rejects %s with a validation problem naming %s', async (query, path) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/units${query}`, headers });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual([path]);
  });
});

describe('GET /api/v1/units/:id', () => {
  it('returns the unit with its ancestors from the institution down', async () => {
    const response = await app.inject({ url: `/api/v1/units/${ids.get('LSMO')}`, headers });
    expect(response.statusCode).toBe(200);
    const unit = unitDetailSchema.parse(response.json());
    expect(unit.code).toBe('LSMO');
    expect(unit.ancestors.map((ancestor) => ancestor.code)).toEqual(['EPFX', 'SB', 'SB-ICH']);
  });

  it('returns the root with no ancestors', async () => {
    const response = await app.inject({ url: `/api/v1/units/${ids.get('EPFX')}`, headers });
    expect(response.json().ancestors).toEqual([]);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await app.inject({
      url: '/api/v1/units/2b0c7f8e-4a59-4a36-9d1e-0f6f8c2a1b3c',
      headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ status: 404, title: 'Not Found' });
    const malformed = await app.inject({ url: '/api/v1/units/not-a-uuid', headers });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors).toEqual([{ path: 'params.id', message: 'Invalid UUID' }]);
  });
});

describe('the unit tree in the database', () => {
  const pathOf = async (code: string) =>
    (
      await testDb.handle.db.select({ path: units.path }).from(units).where(eq(units.code, code))
    )[0]!.path;

  it('keeps materialised paths, and moves a subtree along with its root', async () => {
    const id = (code: string) => ids.get(code)!;
    expect(await pathOf('LCBM')).toBe(`/${id('EPFX')}/${id('SB')}/${id('SB-ICH')}/${id('LCBM')}/`);
    await testDb.handle.db
      .transaction(async (tx) => {
        await tx
          .update(units)
          .set({ parentId: id('ENAC') })
          .where(eq(units.code, 'SB-ICH'));
        expect(await pathOfIn(tx, 'LCBM')).toBe(
          `/${id('EPFX')}/${id('ENAC')}/${id('SB-ICH')}/${id('LCBM')}/`,
        );
        tx.rollback();
      })
      .catch((error: Error) => {
        if (!/rollback/i.test(error.message)) throw error;
      });
    expect(await pathOf('LCBM')).toBe(`/${id('EPFX')}/${id('SB')}/${id('SB-ICH')}/${id('LCBM')}/`);
  });

  it('refuses a cycle and a parent at the same or a deeper level', async () => {
    const db = testDb.handle.db;
    await expect(
      db
        .update(units)
        .set({ parentId: ids.get('LCBM')!, level: 4 })
        .where(eq(units.code, 'SB')),
    ).rejects.toThrow();
    await expect(
      db
        .update(units)
        .set({ parentId: ids.get('LCBM')! })
        .where(eq(units.code, 'LSMO')),
    ).rejects.toThrow();
    expect(await pathOf('SB')).toBe(`/${ids.get('EPFX')}/${ids.get('SB')}/`);
  });
});

async function pathOfIn(
  tx: Parameters<Parameters<TestDatabase['handle']['db']['transaction']>[0]>[0],
  code: string,
) {
  const rows = await tx
    .select({ path: units.path })
    .from(units)
    .where(sql`${units.code} = ${code}`);
  return rows[0]!.path;
}
