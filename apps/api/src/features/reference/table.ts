import { sql } from 'drizzle-orm';
import {
  char,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

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
