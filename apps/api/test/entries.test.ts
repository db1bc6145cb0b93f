import {
  calculateEntry,
  classificationKey,
  FactorIndex,
  planeTrip,
  totalKg,
} from '@co2-calculator/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calculationDataSchema,
  entryListSchema,
  entrySchema,
} from '../src/features/entries/contract.js';
import { dataEntries, emissions } from '../src/features/entries/table.js';
import { factors } from '../src/features/factors/table.js';
import { airports } from '../src/features/reference/table.js';
import { reportSchema } from '../src/features/reports/contract.js';
import { reportModules, reports } from '../src/features/reports/table.js';
import { yearModules, years } from '../src/features/years/table.js';
import { auditRowsAfter, lastAuditId } from './support/audit.js';
import { createUser, signIn, type SignedIn } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let ids: Map<string, string>;
const as: Record<string, SignedIn> = {};
const db = () => testDb.handle.db;
const lab = (code: string) => ids.get(code)!;

const plane = (overrides: Record<string, unknown> = {}) => ({
  subModule: 'plane',
  fields: {
    origin: 'GVA',
    destination: 'JFK',
    traveller: 'Ada',
    date: '2025-03-10',
    roundTrip: true,
    ...overrides,
  },
});
// GVA–JFK return: (6201.064 + 95) × 2 = 12,592.13 passenger-km × 0.083 × 1.8 = 1,881.26 kg.
const GVA_JFK_RETURN_KG = 1881.26;

beforeAll(async () => {
  testDb = await createTestDatabase();
  ids = await insertUnits(db(), [
    { code: 'ROOT', level: 1 },
    { code: 'LAB-A', level: 4, parent: 'ROOT' },
    { code: 'LAB-B', level: 4, parent: 'ROOT' },
  ]);
  await db()
    .insert(years)
    .values([
      { year: 2025, open: true },
      { year: 2024, open: false },
    ]);
  await db()
    .insert(yearModules)
    .values([
      { year: 2025, module: 'professional-travel', enabled: true, outlierThresholdKg: 5000 },
      { year: 2025, module: 'headcount', enabled: true },
      { year: 2025, module: 'process-emissions', enabled: false },
    ]);
  await db()
    .insert(airports)
    .values([
      {
        iata: 'GVA',
        name: 'Geneva',
        city: 'Geneva',
        country: 'CH',
        latitude: 46.2381,
        longitude: 6.1089,
      },
      {
        iata: 'JFK',
        name: 'John F. Kennedy',
        city: 'New York',
        country: 'US',
        latitude: 40.6413,
        longitude: -73.7781,
      },
    ]);
  const band = (haul: string, value: number, min: number, max: number | null) => {
    const classification = { haul, class: 'economy' };
    return {
      factorSet: 'plane',
      year: 2025,
      emissionType: 'travel.plane',
      classification,
      classificationKey: classificationKey(classification),
      values: { kgCo2eqPerKm: value, minDistanceKm: min, maxDistanceKm: max, rfi: 1.8 },
      unit: 'kg CO2-eq / passenger-km',
      source: 'illustrative',
    };
  };
  await db()
    .insert(factors)
    .values([band('short', 0.141, 0, 3500), band('long', 0.083, 3500, null)]);

  app = await buildTestApp(testDb.handle);
  await createUser(db(), 'pa@test.example', [{ role: 'principal', unitId: lab('LAB-A') }]);
  await createUser(db(), 'pb@test.example', [{ role: 'principal', unitId: lab('LAB-B') }]);
  await createUser(db(), 's1@test.example', [{ role: 'standard', unitId: lab('LAB-A') }]);
  await createUser(db(), 's2@test.example', [{ role: 'standard', unitId: lab('LAB-A') }]);
  for (const name of ['pa', 'pb', 's1', 's2']) as[name] = await signIn(app, `${name}@test.example`);
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const url = (unit: string, module = 'professional-travel', year = 2025) =>
  `/api/v1/units/${lab(unit)}/years/${year}/modules/${module}/entries`;
const post = (who: string, payload: object, unit = 'LAB-A', module?: string) =>
  app.inject({ method: 'POST', url: url(unit, module), headers: as[who]!.headers, payload });
const report = async (who = 'pa', unit = 'LAB-A') =>
  reportSchema.parse(
    (
      await app.inject({
        url: `/api/v1/units/${lab(unit)}/years/2025/report`,
        headers: as[who]!.headers,
      })
    ).json(),
  );

describe('entries', () => {
  it('a principal adds a flight: emissions computed, module started, sums stored, audited', async () => {
    const before = await lastAuditId(db());
    const response = await post('pa', plane());
    expect(response.statusCode, response.body).toBe(201);
    const entry = entrySchema.parse(response.json());
    expect(entry.kgCo2eq).toBeCloseTo(GVA_JFK_RETURN_KG, 1);
    expect(entry.emissions).toEqual([
      expect.objectContaining({
        emissionType: 'travel.plane',
        scope: 3,
        category: 'business-travel',
        quantityUnit: 'km',
      }),
    ]);
    expect(entry.flags).toEqual([]);
    expect(entry.readOnly).toBe(false);
    const travel = (await report()).modules.find((m) => m.module === 'professional-travel')!;
    expect(travel).toMatchObject({ status: 'in_progress', entries: 1, flagged: 0 });
    expect(travel.totalKgCo2eq).toBeCloseTo(GVA_JFK_RETURN_KG, 1);
    expect((await report()).totalKgCo2eq).toBeCloseTo(GVA_JFK_RETURN_KG, 1);
    expect((await report()).validatedKgCo2eq).toBe(0);
    const audit = await auditRowsAfter(db(), before);
    expect(audit.map((row) => [row.action, row.targetId])).toEqual([['entry.created', entry.id]]);
  });

  it('keeps and flags rows without a factor, with an override, or above the outlier threshold', async () => {
    const noFactor = entrySchema.parse(
      (await post('pa', plane({ class: 'business', destination: 'GVA' }))).json(),
    );
    expect(noFactor.flags.map((f) => f.code)).toEqual([]); // falls back to economy, short haul
    const unknownAirport = entrySchema.parse(
      (await post('pa', plane({ destination: 'XXX' }))).json(),
    );
    expect(unknownAirport.kgCo2eq).toBe(0);
    expect(unknownAirport.flags.map((f) => f.code)).toEqual(['missing-reference']);
    const override = entrySchema.parse((await post('pa', { ...plane(), kgCo2eq: 321 })).json());
    expect(override.kgCo2eq).toBe(321);
    expect(override.flags.map((f) => f.code)).toEqual(['override']);
    const outlier = entrySchema.parse((await post('pa', plane({ trips: 3 }))).json());
    expect(outlier.flags.map((f) => f.code)).toEqual(['outlier']);
    const travel = (await report()).modules.find((m) => m.module === 'professional-travel')!;
    expect(travel).toMatchObject({ entries: 5, flagged: 3 });

    // A plane's own threshold, above the module's: the same trips are no longer unusual.
    const travelSetting = and(
      eq(yearModules.year, 2025),
      eq(yearModules.module, 'professional-travel'),
    );
    await db()
      .update(yearModules)
      .set({ subModuleThresholdsKg: { plane: 10_000 } })
      .where(travelSetting);
    try {
      const usual = entrySchema.parse((await post('pa', plane({ trips: 3 }))).json());
      expect(usual.kgCo2eq).toBe(outlier.kgCo2eq);
      expect(usual.flags).toEqual([]);
      const removed = await app.inject({
        method: 'DELETE',
        url: `${url('LAB-A')}/${usual.id}`,
        headers: as.pa!.headers,
      });
      expect(removed.statusCode).toBe(204);
    } finally {
      await db().update(yearModules).set({ subModuleThresholdsKg: {} }).where(travelSetting);
    }
  });

  it('lists rows filtered by sub-module, flags and a search over field values and notes', async () => {
    await post('pa', {
      ...plane({ destination: 'GVA', origin: 'JFK' }),
      note: 'Keynote in Geneva',
    });
    const list = async (query: string) =>
      (await app.inject({ url: `${url('LAB-A')}?${query}`, headers: as.pa!.headers })).json() as {
        items: { fields: Record<string, unknown>; note: string | null; flags: unknown[] }[];
        total: number;
      };
    const byNote = await list('q=keynote');
    expect(byNote.total).toBe(1);
    expect(byNote.items[0]!.note).toBe('Keynote in Geneva');
    const byField = await list('q=xxx');
    expect(byField.items.map((item) => item.fields.destination)).toEqual(['XXX']);
    // LIKE wildcards typed by a user are matched literally.
    expect((await list('q=%25')).total).toBe(0);
    const all = await list('pageSize=100');
    const flagged = await list('flagged=true&pageSize=100');
    expect(flagged.total).toBeGreaterThan(0);
    expect(flagged.total).toBeLessThan(all.total);
    expect(flagged.items.every((item) => item.flags.length > 0)).toBe(true);
    expect((await list('subModule=train')).total).toBe(0);
    expect((await list(`q=${'x'.repeat(201)}`)).total).toBeUndefined();
  });

  it('rejects invalid rows with field paths and writes nothing', async () => {
    const count = async () => (await db().select().from(dataEntries)).length;
    const before = await count();
    const invalid = await post('pa', plane({ origin: 'GENEVA', trips: 0 }));
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.fields.origin', 'body.fields.trips']);
    // A flight of another year does not belong to this year's footprint.
    const lastYear = await post('pa', plane({ date: '2024-12-31' }));
    expect(lastYear.statusCode).toBe(400);
    expect(lastYear.json().errors).toEqual([
      { path: 'body.fields.date', message: '2024-12-31 is outside the year 2025' },
    ]);
    const wrongModule = await post('pa', { subModule: 'members', fields: {} });
    expect(wrongModule.statusCode).toBe(400);
    expect(wrongModule.json().errors[0].path).toBe('body.subModule');
    expect((await post('pa', plane(), 'LAB-A', 'process-emissions')).statusCode).toBe(409);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: url('LAB-A', 'professional-travel', 2024),
          headers: as.pa!.headers,
          payload: plane(),
        })
      ).statusCode,
    ).toBe(404);
    expect(await count()).toBe(before);
  });

  it('updates and deletes rows, keeping the stored sums exact', async () => {
    const created = entrySchema.parse((await post('pa', plane({ roundTrip: false }))).json());
    const totalBefore = (await report()).totalKgCo2eq;
    const updated = await app.inject({
      method: 'PUT',
      url: `${url('LAB-A')}/${created.id}`,
      headers: as.pa!.headers,
      payload: plane({ roundTrip: true }),
    });
    expect(updated.statusCode).toBe(200);
    expect(entrySchema.parse(updated.json()).kgCo2eq).toBeCloseTo(created.kgCo2eq * 2, 6);
    expect((await report()).totalKgCo2eq).toBeCloseTo(totalBefore + created.kgCo2eq, 6);
    const deleted = await app.inject({
      method: 'DELETE',
      url: `${url('LAB-A')}/${created.id}`,
      headers: as.pa!.headers,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await report()).totalKgCo2eq).toBeCloseTo(totalBefore - created.kgCo2eq, 6);
    expect(await db().select().from(emissions).where(eq(emissions.entryId, created.id))).toEqual(
      [],
    );
    // The stored sum equals a live sum over the emissions.
    const [live] = await db()
      .select({ kg: sql<number>`sum(${emissions.kgCo2eq})`.mapWith(Number) })
      .from(emissions)
      .innerJoin(reports, eq(reports.id, emissions.reportId))
      .where(eq(reports.unitId, lab('LAB-A')));
    expect((await report()).totalKgCo2eq).toBeCloseTo(live!.kg, 6);
  });
});

describe('CSV export of a sub-module’s rows', () => {
  it('writes the template’s columns, then the emission, flags and source of every row', async () => {
    const response = await app.inject({
      url: `${url('LAB-A')}.csv?subModule=plane`,
      headers: as.pa!.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('co2-lab-a-2025-plane.csv');
    const [header, ...lines] = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'unitCode,origin,destination,traveller,date,trips,roundTrip,distanceKm,class,kgCo2eq,note,kgCo2eqCalculated,flags,source',
    );
    const listed = (
      await app.inject({
        url: `${url('LAB-A')}?subModule=plane&pageSize=1000`,
        headers: as.pa!.headers,
      })
    ).json() as { total: number; totalKgCo2eq: number };
    expect(lines).toHaveLength(listed.total);
    const columns = header!.split(',');
    const kg = columns.indexOf('kgCo2eqCalculated');
    const sum = lines.reduce((total, line) => total + Number(line.split(',')[kg]), 0);
    expect(sum).toBeCloseTo(listed.totalKgCo2eq, 6);
    expect(lines.every((line) => line.startsWith('LAB-A,'))).toBe(true);
    expect(lines.some((line) => line.includes(',yes,'))).toBe(true); // round trips as yes/no
  });

  it('is for who may export the unit’s rows, and checks the sub-module', async () => {
    const member = await app.inject({
      url: `${url('LAB-A')}.csv?subModule=plane`,
      headers: as.s1!.headers,
    });
    expect(member.statusCode).toBe(403);
    const other = await app.inject({
      url: `${url('LAB-A')}.csv?subModule=plane`,
      headers: as.pb!.headers,
    });
    expect([403, 404]).toContain(other.statusCode);
    const wrong = await app.inject({
      url: `${url('LAB-A')}.csv?subModule=members`,
      headers: as.pa!.headers,
    });
    expect(wrong.statusCode).toBe(400);
  });
});

describe('calculation data for previews in the browser', () => {
  it('lets a form compute with the shared calculator exactly what the server stores', async () => {
    const response = await app.inject({
      url: '/api/v1/years/2025/calculation-data?subModule=plane',
      headers: as.s1!.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const data = calculationDataSchema.parse(response.json());
    expect(data.factors.map((f) => f.classification.haul).sort()).toEqual(['long', 'short']);
    expect(data.rooms).toEqual([]);
    const coordinates = { GVA: [46.2381, 6.1089], JFK: [40.6413, -73.7781] } as const;
    const fields = planeTrip.fields.parse(plane().fields);
    const preview = calculateEntry(planeTrip, 'plane', fields, null, {
      year: 2025,
      factors: new FactorIndex(2025, data.factors),
      references: {
        airport: (iata) => {
          const [latitude, longitude] = coordinates[iata as keyof typeof coordinates];
          return { latitude, longitude, country: iata === 'GVA' ? 'CH' : 'US' };
        },
      },
    });
    const stored = entrySchema.parse((await post('pa', plane())).json());
    expect(totalKg(preview)).toBeCloseTo(stored.kgCo2eq, 6);
    await app.inject({
      method: 'DELETE',
      url: `${url('LAB-A')}/${stored.id}`,
      headers: as.pa!.headers,
    });
  });

  it('is refused to who may not enter rows, and validates its query', async () => {
    const anonymous = await app.inject({
      url: '/api/v1/years/2025/calculation-data?subModule=plane',
    });
    expect(anonymous.statusCode).toBe(401);
    const wrong = await app.inject({
      url: '/api/v1/years/2025/calculation-data?subModule=submarine',
      headers: as.pa!.headers,
    });
    expect(wrong.statusCode).toBe(400);
  });
});

describe('who sees and changes which rows', () => {
  it('standard users see and change only their own rows', async () => {
    const mine = entrySchema.parse((await post('s1', plane({ traveller: 'S1' }))).json());
    const theirs = entrySchema.parse((await post('s2', plane({ traveller: 'S2' }))).json());
    const list = entryListSchema.parse(
      (await app.inject({ url: url('LAB-A'), headers: as.s1!.headers })).json(),
    );
    expect(list.items.map((e) => e.id)).toEqual([mine.id]);
    const foreign = await app.inject({
      method: 'PUT',
      url: `${url('LAB-A')}/${theirs.id}`,
      headers: as.s1!.headers,
      payload: plane(),
    });
    expect(foreign.statusCode).toBe(404);
    // The principal sees every row, and the standard users' rows are not read-only for them.
    const all = entryListSchema.parse(
      (await app.inject({ url: `${url('LAB-A')}?pageSize=100`, headers: as.pa!.headers })).json(),
    );
    expect(all.items.map((e) => e.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(all.items.every((e) => !e.readOnly)).toBe(true);
  });

  it('a trip whose traveller is a member of the unit is theirs to see and edit too', async () => {
    // Test users' display names are their e-mail's local part: s1.
    const trip = entrySchema.parse((await post('pa', plane({ traveller: 'S1' }))).json());
    const seen = entryListSchema.parse(
      (await app.inject({ url: `${url('LAB-A')}?pageSize=100`, headers: as.s1!.headers })).json(),
    );
    expect(seen.items.find((e) => e.id === trip.id)?.readOnly).toBe(false);
    const edited = await app.inject({
      method: 'PUT',
      url: `${url('LAB-A')}/${trip.id}`,
      headers: as.s1!.headers,
      payload: plane({ traveller: 's1@test.example', trips: 2 }),
    });
    expect(edited.statusCode).toBe(200);
    const other = await app.inject({
      method: 'DELETE',
      url: `${url('LAB-A')}/${trip.id}`,
      headers: as.s2!.headers,
    });
    expect(other.statusCode).toBe(404);
    // A name nobody in the unit has links nobody.
    const stranger = entrySchema.parse(
      (await post('pa', plane({ traveller: 'Someone Else' }))).json(),
    );
    const [row] = await db().select().from(dataEntries).where(eq(dataEntries.id, stranger.id));
    expect(row!.travellerId).toBeNull();
  });

  it('standard users cannot touch other modules', async () => {
    const headcount = {
      subModule: 'members',
      fields: { name: 'X', functionCode: 'PHD', personId: 'P9', fte: 1 },
    };
    expect((await post('s1', headcount, 'LAB-A', 'headcount')).statusCode).toBe(403);
    expect(
      (await app.inject({ url: url('LAB-A', 'headcount'), headers: as.s1!.headers })).statusCode,
    ).toBe(403);
    expect((await post('pa', headcount, 'LAB-A', 'headcount')).statusCode).toBe(201);
  });

  it('a principal of lab B sees nothing of lab A', async () => {
    expect((await app.inject({ url: url('LAB-A'), headers: as.pb!.headers })).statusCode).toBe(404);
    expect((await post('pb', plane(), 'LAB-A')).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          url: `/api/v1/units/${lab('LAB-A')}/years/2025/report`,
          headers: as.pb!.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('rows fed by an external system are read-only for everyone', async () => {
    const created = entrySchema.parse((await post('pa', plane())).json());
    await db()
      .update(dataEntries)
      .set({ source: 'api-feed' })
      .where(eq(dataEntries.id, created.id));
    const list = entryListSchema.parse(
      (await app.inject({ url: `${url('LAB-A')}?pageSize=100`, headers: as.pa!.headers })).json(),
    );
    expect(list.items.find((e) => e.id === created.id)?.readOnly).toBe(true);
    const response = await app.inject({
      method: 'DELETE',
      url: `${url('LAB-A')}/${created.id}`,
      headers: as.pa!.headers,
    });
    expect(response.statusCode).toBe(403);
  });

  it('a validated module refuses changes', async () => {
    const [own] = await db()
      .select({ id: reports.id })
      .from(reports)
      .where(eq(reports.unitId, lab('LAB-A')));
    await db()
      .update(reportModules)
      .set({ status: 'validated' })
      .where(
        and(eq(reportModules.reportId, own!.id), eq(reportModules.module, 'professional-travel')),
      );
    const response = await post('pa', plane());
    expect(response.statusCode).toBe(409);
    await db()
      .update(reportModules)
      .set({ status: 'in_progress' })
      .where(
        and(eq(reportModules.reportId, own!.id), eq(reportModules.module, 'professional-travel')),
      );
  });
});

describe('one transaction', () => {
  it('a failing aggregate update leaves no row, emission or audit record behind', async () => {
    const count = async () => ({
      entries: (await db().select().from(dataEntries)).length,
      emissions: (await db().select().from(emissions)).length,
      audit: await lastAuditId(db()),
    });
    const before = await count();
    // A real fault in the database, at the last step of the write.
    await db().execute(sql`
      create function fail_report_update() returns trigger language plpgsql as $$
      begin raise exception 'aggregate update failed'; end $$`);
    await db().execute(sql`
      create trigger fail_report_update before update on reports
      for each row execute function fail_report_update()`);
    try {
      const response = await post('pa', plane());
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain('aggregate update failed');
      expect(await count()).toEqual(before);
    } finally {
      await db().execute(sql`drop trigger fail_report_update on reports`);
      await db().execute(sql`drop function fail_report_update()`);
    }
    expect((await post('pa', plane())).statusCode).toBe(201);
  });
});
