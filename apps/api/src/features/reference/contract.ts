import { z } from 'zod';

export const airportSearchQuerySchema = z.object({
  q: z.string().trim().min(2).max(100).describe('IATA code, airport or city name; typos tolerated'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const stationSearchQuerySchema = airportSearchQuerySchema.extend({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((value) => value.toUpperCase())
    .optional(),
});

export const airportSchema = z
  .object({
    iata: z.string(),
    name: z.string(),
    city: z.string().nullable(),
    country: z.string(),
    latitude: z.number(),
    longitude: z.number(),
  })
  .meta({ id: 'Airport' });

export const stationSchema = z
  .object({ name: z.string(), country: z.string(), latitude: z.number(), longitude: z.number() })
  .meta({ id: 'Station' });

export const airportListSchema = z
  .object({ items: z.array(airportSchema) })
  .meta({ id: 'AirportList' });
export const stationListSchema = z
  .object({ items: z.array(stationSchema) })
  .meta({ id: 'StationList' });

export const facilityListQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const facilitySchema = z
  .object({
    name: z.string(),
    useUnit: z.string().describe('The unit the use of the facility is counted in'),
    totalUse: z.number().describe('The total use of the year its footprint is shared by'),
    computing: z.boolean().describe('A computing facility: its shares count in the IT focus'),
    unitId: z
      .string()
      .nullable()
      .describe("The facility's own unit, whose report is its footprint"),
  })
  .meta({ id: 'ResearchFacility' });

export const facilityListSchema = z
  .object({ items: z.array(facilitySchema) })
  .meta({ id: 'ResearchFacilityList' });
