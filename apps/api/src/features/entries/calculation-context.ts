import {
  type CalculationContext,
  entryTypeOf,
  type Factor,
  FactorIndex,
  moduleOf,
  rateViaEur,
  type References,
  type SubModuleId,
} from '@co2-calculator/domain';
import { and, eq, sql } from 'drizzle-orm';
import { QueryCache } from '../../platform/cache/query-cache.js';
import type { ChangeFeed } from '../../platform/db/change-feed.js';
import type { Database } from '../../platform/db/database.js';
import { factors } from '../factors/table.js';
import {
  airports,
  buildingRooms,
  exchangeRates,
  railwayStations,
  researchFacilities,
} from '../reference/table.js';

interface ReferenceData {
  airports: Map<string, { latitude: number; longitude: number; country: string }>;
  stations: Map<string, { latitude: number; longitude: number }>;
  rooms: Map<string, { areaM2: number; roomType: string }>;
  /** Units of each currency per euro, for the year. */
  unitsPerEur: Map<string, number>;
}

interface Facility {
  kgCo2eq: number;
  totalUse: number;
  computing: boolean;
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

/**
 * The facility register of a year with each facility's footprint: its own unit's official
 * report, every module but its own facility use (a facility sharing out what it shares in
 * would feed back on itself), else the footprint declared in the register.
 */
async function loadFacilities(db: Database, year: number): Promise<Map<string, Facility>> {
  const rows = await db
    .select({
      name: researchFacilities.name,
      totalUse: researchFacilities.totalUse,
      computing: researchFacilities.computing,
      kgCo2eq: sql<number | null>`coalesce(
        (select sum(m.total_kg) from reports r
           join report_modules m on m.report_id = r.id and m.module <> 'research-facilities'
          -- Qualified by hand: Drizzle leaves a one-table select's columns unqualified.
          where r.unit_id = research_facilities.unit_id and r.year = research_facilities.year
            and r.kind = 'official'),
        ${researchFacilities.declaredKg})`.mapWith(Number),
    })
    .from(researchFacilities)
    .where(eq(researchFacilities.year, year));
  // A facility whose unit has no report yet has no footprint: its users' rows are flagged.
  return new Map(
    rows.flatMap((row) =>
      row.kgCo2eq === null
        ? []
        : [[row.name, { kgCo2eq: row.kgCo2eq, totalUse: row.totalUse, computing: row.computing }]],
    ),
  );
}

function referencesOf(data: ReferenceData, facilities: Map<string, Facility>): References {
  return {
    airport: (iata) => data.airports.get(iata),
    station: (name, country) => data.stations.get(stationKey(name, country)),
    room: (building, room) => data.rooms.get(roomKey(building, room)),
    exchangeRate: (from, to) => rateViaEur((currency) => data.unitsPerEur.get(currency), from, to),
    facility: (name) => facilities.get(name),
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
  // Kept apart: a facility's footprint moves with every edit of its own report.
  const facilityCache = new QueryCache<Map<string, Facility>>(changes, {
    tables: ['research_facilities', 'reports', 'report_modules'],
    maxSize: 50,
  });
  const load = (year: number) =>
    Promise.all([
      factorCache.get(String(year), () => loadFactors(db, year)),
      referenceCache.get(String(year), () => loadReferences(db, year)),
      facilityCache.get(String(year), () => loadFacilities(db, year)),
    ]);
  const context = async (year: number): Promise<CalculationContext> => {
    const [factorIndex, references, facilities] = await load(year);
    return { year, factors: factorIndex, references: referencesOf(references, facilities) };
  };
  /**
   * What a browser needs to run a sub-module's calculation itself (the forms' live preview):
   * the factors its entry type reads and the year's data it looks up by name. Airports and
   * stations are searched through the reference routes instead: there are too many to send.
   */
  const browserData = async (year: number, subModule: SubModuleId) => {
    const [factorIndex, references, facilities] = await load(year);
    const module = moduleOf(subModule);
    const sets = entryTypeOf(subModule)?.factorSets ?? [];
    const money = module === 'purchases' || module === 'external-cloud-ai';
    return {
      year,
      subModule,
      factors: sets.flatMap((set) => factorIndex.filter(set)),
      unitsPerEur: money ? Object.fromEntries(references.unitsPerEur) : {},
      rooms:
        subModule === 'rooms'
          ? [...references.rooms].map(([key, room]) => {
              const [building = '', name = ''] = key.split('|');
              return { building, room: name, ...room };
            })
          : [],
      facilities:
        module === 'research-facilities'
          ? [...facilities].map(([name, facility]) => ({ name, ...facility }))
          : [],
    };
  };
  return Object.assign(context, { browserData });
}

export type CalculationContexts = ReturnType<typeof calculationContexts>;
