import { classificationKey } from '@co2-calculator/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factorListSchema, factorOptionsSchema } from '../src/features/factors/contract.js';
import { factors } from '../src/features/factors/table.js';
import { airportListSchema, stationListSchema } from '../src/features/reference/contract.js';
import { airports, railwayStations } from '../src/features/reference/table.js';
import { createUser, signIn, type SignedIn } from './support/identities.js';
import { buildTestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { insertUnits } from './support/unit-tree.js';

let testDb: TestDatabase;
let app: FastifyInstance;
let admin: SignedIn;
let member: SignedIn;

const factor = (factorSet: string, classification: Record<string, string>, stale = false) => ({
  factorSet,
  year: 2025,
  emissionType: null,
  classification,
  classificationKey: classificationKey(classification),
  values: { v: 1 },
  unit: 'u',
  source: factorSet === 'train' ? 'UIC 2024' : 'illustrative',
  stale,
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.handle.db;
  const ids = await insertUnits(db, [{ code: 'LAB', level: 1 }]);
  await db
    .insert(factors)
    .values([
      factor('plane', { haul: 'short', class: 'economy' }),
      factor('plane', { haul: 'long', class: 'economy' }),
      factor('plane', { haul: 'long', class: 'business' }),
      factor('plane', { haul: 'long', class: 'first' }, true),
      factor('train', { country: 'CH' }),
      factor('train', { country: 'RoW' }),
      factor('purchases', { code: '*', subModule: 'consumables' }),
      factor('purchases', { code: 'NB13' }),
    ]);
  await db.insert(airports).values([
    {
      iata: 'GVA',
      name: 'Geneva Airport',
      city: 'Geneva',
      country: 'CH',
      latitude: 46.2381,
      longitude: 6.1089,
    },
    {
      iata: 'ZRH',
      name: 'Zurich Airport',
      city: 'Zurich',
      country: 'CH',
      latitude: 47.4647,
      longitude: 8.5492,
    },
    {
      iata: 'JFK',
      name: 'John F. Kennedy International',
      city: 'New York',
      country: 'US',
      latitude: 40.6413,
      longitude: -73.7781,
    },
  ]);
  await db.insert(railwayStations).values([
    { name: 'Lausanne', country: 'CH', latitude: 46.5167, longitude: 6.6291 },
    { name: 'Genève', country: 'CH', latitude: 46.2102, longitude: 6.1424 },
    { name: 'Paris Gare de Lyon', country: 'FR', latitude: 48.8443, longitude: 2.3744 },
  ]);
  app = await buildTestApp(testDb.handle);
  await createUser(db, 'admin@test.example', [{ role: 'admin' }]);
  await createUser(db, 'member@test.example', [{ role: 'standard', unitId: ids.get('LAB')! }]);
  admin = await signIn(app, 'admin@test.example');
  member = await signIn(app, 'member@test.example');
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const get = (url: string, as = admin) => app.inject({ url, headers: as.headers });

describe('factors', () => {
  it('browses a year’s factors by sub-module, set, staleness and text', async () => {
    const all = factorListSchema.parse((await get('/api/v1/factors?year=2025')).json());
    expect(all.total).toBe(8);
    const plane = factorListSchema.parse(
      (await get('/api/v1/factors?year=2025&subModule=plane')).json(),
    );
    expect(plane.items.map((f) => f.factorSet)).toEqual(['plane', 'plane', 'plane', 'plane']);
    const stale = factorListSchema.parse(
      (await get('/api/v1/factors?year=2025&stale=true')).json(),
    );
    expect(stale.items.map((f) => f.classification)).toEqual([{ haul: 'long', class: 'first' }]);
    const staleOnly = factorListSchema.parse((await get('/api/v1/factors/stale?year=2025')).json());
    expect(staleOnly.items.map((f) => f.classification)).toEqual([
      { haul: 'long', class: 'first' },
    ]);
    const uic = factorListSchema.parse((await get('/api/v1/factors?year=2025&q=uic')).json());
    expect(uic.total).toBe(2);
    expect((await get('/api/v1/factors?year=2024')).json().total).toBe(0);
  });

  it('is for the back office; everyone entering rows gets the options', async () => {
    expect((await get('/api/v1/factors?year=2025', member)).statusCode).toBe(403);
    const options = factorOptionsSchema.parse(
      (await get('/api/v1/factors/options?year=2025&subModule=plane', member)).json(),
    );
    // Stale factors and fallback rows are not choices.
    expect(options.options).toEqual({
      plane: { class: ['business', 'economy'], haul: ['long', 'short'] },
    });
    const purchases = factorOptionsSchema.parse(
      (await get('/api/v1/factors/options?year=2025&subModule=consumables', member)).json(),
    );
    expect(purchases.options).toEqual({
      purchases: { code: ['NB13'], subModule: ['consumables'] },
    });
  });

  it('rejects a missing year or an unknown sub-module', async () => {
    expect((await get('/api/v1/factors')).statusCode).toBe(400);
    expect(
      (await get('/api/v1/factors/options?year=2025&subModule=rockets', member)).statusCode,
    ).toBe(400);
  });
});

describe('reference look-ups', () => {
  const airportsFor = async (q: string) =>
    airportListSchema
      .parse((await get(`/api/v1/reference/airports?q=${encodeURIComponent(q)}`, member)).json())
      .items.map((a) => a.iata);
  const stationsFor = async (q: string) =>
    stationListSchema
      .parse((await get(`/api/v1/reference/stations?${q}`, member)).json())
      .items.map((s) => s.name);

  it('finds airports by code, name or city, with typos', async () => {
    expect((await airportsFor('jfk'))[0]).toBe('JFK');
    expect(await airportsFor('geneva')).toEqual(['GVA']);
    expect(await airportsFor('zurih')).toContain('ZRH');
    expect(await airportsFor('new york')).toEqual(['JFK']);
  });

  it('finds stations ignoring accents, optionally within a country', async () => {
    expect(await stationsFor('q=geneve')).toEqual(['Genève']);
    expect(await stationsFor('q=lyon')).toEqual(['Paris Gare de Lyon']);
    expect(await stationsFor('q=lyon&country=ch')).toEqual([]);
  });

  it('needs a signed-in caller and two characters', async () => {
    expect((await app.inject({ url: '/api/v1/reference/airports?q=gva' })).statusCode).toBe(401);
    expect((await get('/api/v1/reference/airports?q=g', member)).statusCode).toBe(400);
  });
});
