import { z } from 'zod';
import { buildingReferenceKey } from '../footprint/entry-types/building-room.js';
import { currencyCode } from '../footprint/entry-types/money.js';
import { flatFormat } from './format.js';

/*
 * Reference data the calculators look up (airports, stations, rooms, research facilities,
 * exchange rates), one flat format each, matching the reference tables of the API. The year
 * of facilities and exchange rates is the import's, not a column.
 */

const country = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code');
const latitude = z.number().min(-90).max(90).describe('Latitude in decimal degrees (WGS 84)');
const longitude = z.number().min(-180).max(180).describe('Longitude in decimal degrees (WGS 84)');
const name = (max: number) => z.string().trim().min(1).max(max);

export const airportRowSchema = z.object({
  iata: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter IATA airport code')
    .describe('IATA code of the airport, e.g. GVA; identifies the row'),
  name: name(200).describe('Name of the airport, e.g. Geneva Airport'),
  city: name(200).optional().describe('City it serves, for the search of the travel forms'),
  country: country.describe('ISO 3166-1 alpha-2 code of its country, e.g. CH'),
  latitude,
  longitude,
});

export type AirportRow = z.output<typeof airportRowSchema>;

export const AIRPORTS_CSV = flatFormat({
  name: 'airports',
  target: 'airports',
  title: 'Airports, for flight distances',
  schema: airportRowSchema,
  example: {
    iata: 'GVA',
    name: 'Geneva Airport',
    city: 'Geneva',
    country: 'CH',
    latitude: 46.2381,
    longitude: 6.1089,
  },
});

export const railwayStationRowSchema = z.object({
  name: name(200).describe('Name of the station, e.g. Lausanne; with the country, identifies it'),
  country: country.describe('ISO 3166-1 alpha-2 code of its country, e.g. CH'),
  latitude,
  longitude,
});

export type RailwayStationRow = z.output<typeof railwayStationRowSchema>;

export const RAILWAY_STATIONS_CSV = flatFormat({
  name: 'railway-stations',
  target: 'railway-stations',
  title: 'Railway stations, for train distances',
  schema: railwayStationRowSchema,
  example: { name: 'Lausanne', country: 'CH', latitude: 46.5167, longitude: 6.6291 },
});

export const buildingRoomRowSchema = z.object({
  building: buildingReferenceKey.describe('Building code, e.g. BC'),
  room: name(100).describe('Room code within the building, e.g. BC 410; with it, identifies it'),
  roomType: buildingReferenceKey.describe(
    'Room type selecting the energy intensities, e.g. office, laboratory',
  ),
  areaM2: z.number().positive().max(1_000_000).describe('Floor area in m²'),
});

export type BuildingRoomRow = z.output<typeof buildingRoomRowSchema>;

export const BUILDING_ROOMS_CSV = flatFormat({
  name: 'building-rooms',
  target: 'building-rooms',
  title: 'Rooms of the buildings, with their type and area',
  schema: buildingRoomRowSchema,
  example: { building: 'BC', room: 'BC 410', roomType: 'office', areaM2: 24.5 },
});

export const researchFacilityRowSchema = z
  .object({
    name: name(200).describe('Name of the facility, as unit rows name it; identifies it'),
    unitCode: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("Code of the facility's own unit, whose report gives its footprint"),
    declaredKg: z
      .number()
      .min(0)
      .max(1e12)
      .optional()
      .describe('Footprint in kg CO2-eq, for a facility without a unit reporting here'),
    useUnit: name(50).describe('Unit its use is counted in, e.g. hours, cage-days'),
    totalUse: z
      .number()
      .positive()
      .describe("The year's total use, in useUnit, that the footprint is shared by"),
    computing: z
      .boolean()
      .default(false)
      .describe("A computing facility: its users' shares count in the IT focus"),
  })
  .refine((row) => row.unitCode !== undefined || row.declaredKg !== undefined, {
    message: 'give the unitCode of the facility or its declaredKg',
    path: ['declaredKg'],
  });

export type ResearchFacilityRow = z.output<typeof researchFacilityRowSchema>;

export const RESEARCH_FACILITIES_CSV = flatFormat({
  name: 'research-facilities',
  target: 'research-facilities',
  title: 'Research facilities of a year: whose footprint their users share, by use',
  schema: researchFacilityRowSchema,
  example: {
    name: 'Cryo-EM platform',
    unitCode: 'L10',
    useUnit: 'hours',
    totalUse: 3240,
    computing: false,
  },
});

export const exchangeRateRowSchema = z.object({
  currency: currencyCode.describe('ISO 4217 code of the currency, e.g. CHF'),
  unitsPerEur: z
    .number()
    .positive()
    .describe("How many units of the currency one euro buys: the year's average rate"),
  source: name(500).optional().describe('Where the rate comes from, e.g. ECB reference rates'),
});

export type ExchangeRateRow = z.output<typeof exchangeRateRowSchema>;

export const EXCHANGE_RATES_CSV = flatFormat({
  name: 'exchange-rates',
  target: 'exchange-rates',
  title: 'Average exchange rates of a year, per euro',
  schema: exchangeRateRowSchema,
  example: { currency: 'CHF', unitsPerEur: 0.9526, source: 'ECB reference rates, 2024 average' },
});
