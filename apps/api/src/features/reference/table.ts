import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from '../units/table.js';
import { years } from '../years/table.js';

/** Airports by IATA code, for flight distances and the fuzzy search of the travel forms. */
export const airports = pgTable(
  'airports',
  {
    iata: char('iata', { length: 3 }).primaryKey(),
    name: text('name').notNull(),
    city: text('city'),
    country: char('country', { length: 2 }).notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    searchText: text('search_text').generatedAlwaysAs(
      sql`lower(immutable_unaccent(iata || ' ' || name || ' ' || coalesce(city, '')))`,
    ),
  },
  (t) => [index('airports_search_idx').using('gin', t.searchText.op('gin_trgm_ops'))],
);

/** Railway stations by name and country. */
export const railwayStations = pgTable(
  'railway_stations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    country: char('country', { length: 2 }).notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    searchText: text('search_text').generatedAlwaysAs(sql`lower(immutable_unaccent(name))`),
  },
  (t) => [
    unique('railway_stations_name_country').on(t.name, t.country),
    index('railway_stations_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);

/** Rooms of the institution's buildings, with their area and type. */
export const buildingRooms = pgTable(
  'building_rooms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    building: text('building').notNull(),
    room: text('room').notNull(),
    roomType: text('room_type').notNull(),
    areaM2: doublePrecision('area_m2').notNull(),
  },
  (t) => [unique('building_rooms_building_room').on(t.building, t.room)],
);

/** Average exchange rates of a year: how many units of `currency` one euro buys. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    year: integer('year').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    unitsPerEur: doublePrecision('units_per_eur').notNull(),
    source: text('source'),
  },
  (t) => [primaryKey({ columns: [t.year, t.currency] })],
);

/**
 * The research facility register of a year: the shared facilities (microscopy platforms,
 * animal houses, computing clusters) whose footprint the units using them share out, in
 * proportion to their use. A facility's footprint is its own unit's report for the year
 * (every module but its own facility use), or a declared figure when it reports no data here.
 */
export const researchFacilities = pgTable(
  'research_facilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year')
      .notNull()
      .references(() => years.year, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The facility's own unit, whose report gives its footprint. */
    unitId: uuid('unit_id').references(() => units.id),
    /** Footprint in kg CO2-eq, for a facility without a unit reporting here. */
    declaredKg: doublePrecision('declared_kg'),
    useUnit: text('use_unit').notNull(),
    /** The total use of the year that the footprint is shared by, in `useUnit`. */
    totalUse: doublePrecision('total_use').notNull(),
    /** A computing facility's shares count in the IT focus. */
    computing: boolean('computing').notNull().default(false),
  },
  (t) => [
    unique('research_facilities_year_name').on(t.year, t.name),
    // Every edit of a row checks whether its unit is a facility (facility-shares.ts).
    index('research_facilities_unit_idx').on(t.unitId),
    check(
      'research_facilities_footprint',
      sql`${t.unitId} is not null or ${t.declaredKg} is not null`,
    ),
    check('research_facilities_total_use', sql`${t.totalUse} > 0`),
  ],
);
