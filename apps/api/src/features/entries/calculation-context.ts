import {
  type CalculationContext,
  type Factor,
  FactorIndex,
  type References,
} from '@co2-calculator/domain';
import { and, eq } from 'drizzle-orm';
import { QueryCache } from '../../platform/cache/query-cache.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { factors } from '../factors/table.js';
import { airports, buildingRooms, exchangeRates, railwayStations } from '../reference/table.js';

interface ReferenceData {
  airports: Map<string, { latitude: number; longitude: number; country: string }>;
  stations: Map<string, { latitude: number; longitude: number }>;
  rooms: Map<string, { areaM2: number; roomType: string }>;
  /** Units of each currency per euro, for the year. */
  unitsPerEur: Map<string, number>;
}

const stationKey = (name: string, country: string) => `${name.trim().toLowerCase()}|${country}`;
const roomKey = (building: string, room: string) => `${building}|${room}`;

async function loadFactors(db: Database, year: number): Promise<FactorIndex> {
  const rows = await db
    .select()
    .from(factors)
    .where(and(eq(factors.year, year), eq(factors.stale, false)));
  return new FactorIndex(
    year,
    rows.map((row): Factor => ({
      id: row.id,
      factorSet: row.factorSet,
      year: row.year,
      emissionType: row.emissionType,
      classification: row.classification,
      values: row.values,
      unit: row.unit,
      source: row.source,
    })),
  );
}

async function loadReferences(db: Database, year: number): Promise<ReferenceData> {
  const [airportRows, stationRows, roomRows, rateRows] = await Promise.all([
    db.select().from(airports),
    db.select().from(railwayStations),
    db.select().from(buildingRooms),
    db.select().from(exchangeRates).where(eq(exchangeRates.year, year)),
  ]);
  return {
    airports: new Map(
      airportRows.map((a) => [
        a.iata,
        { latitude: a.latitude, longitude: a.longitude, country: a.country },
      ]),
    ),
    stations: new Map(
      stationRows.map((s) => [
        stationKey(s.name, s.country),
        { latitude: s.latitude, longitude: s.longitude },
      ]),
    ),
    rooms: new Map(
      roomRows.map((r) => [
        roomKey(r.building, r.room),
        { areaM2: r.areaM2, roomType: r.roomType },
      ]),
    ),
    unitsPerEur: new Map(rateRows.map((r) => [r.currency, r.unitsPerEur])),
  };
}

function referencesOf(data: ReferenceData): References {
  const perEur = (currency: string) => (currency === 'EUR' ? 1 : data.unitsPerEur.get(currency));
  return {
    airport: (iata) => data.airports.get(iata),
    station: (name, country) => data.stations.get(stationKey(name, country)),
    room: (building, room) => data.rooms.get(roomKey(building, room)),
    exchangeRate(from, to) {
      const fromPerEur = perEur(from);
      const toPerEur = perEur(to);
      return fromPerEur && toPerEur ? toPerEur / fromPerEur : undefined;
    },
    // A facility's own footprint comes from its report, shared out by the aggregation job
    // (background pipelines); until then facility rows are kept and flagged.
    facility: () => undefined,
  };
}

/**
 * What the calculators need for a year: its factors and the reference data, loaded once per
 * process and year and dropped when any process changes them (change feed), so an interactive
 * edit costs no factor query.
 */
export function calculationContexts(db: Database, changes: ChangeFeed) {
  const factorCache = new QueryCache<FactorIndex>(changes, { tables: ['factors'], maxSize: 50 });
  const referenceCache = new QueryCache<ReferenceData>(changes, {
    tables: ['airports', 'railway_stations', 'building_rooms', 'exchange_rates'],
    maxSize: 50,
  });
  return async (year: number): Promise<CalculationContext> => {
    const [factorIndex, references] = await Promise.all([
      factorCache.get(String(year), () => loadFactors(db, year)),
      referenceCache.get(String(year), () => loadReferences(db, year)),
    ]);
    return { year, factors: factorIndex, references: referencesOf(references) };
  };
}

export type CalculationContexts = ReturnType<typeof calculationContexts>;
