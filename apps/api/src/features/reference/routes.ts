import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../platform/http/problem.js';
import {
  airportListSchema,
  airportSearchQuerySchema,
  facilityListQuerySchema,
  facilityListSchema,
  stationListSchema,
  stationSearchQuerySchema,
} from './contract.js';
import { listFacilities, searchAirports, searchStations } from './service.js';

const problems = { 400: problemSchema, 401: problemSchema };

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reference/airports',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['reference'],
        summary: 'Find airports by IATA code, name or city (fuzzy)',
        querystring: airportSearchQuerySchema,
        response: { 200: airportListSchema, ...problems },
      },
    },
    (request) => searchAirports(app.readDb, request.query.q, request.query.limit),
  );

  app.get(
    '/reference/stations',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['reference'],
        summary: 'Find railway stations by name (fuzzy), optionally in one country',
        querystring: stationSearchQuerySchema,
        response: { 200: stationListSchema, ...problems },
      },
    },
    (request) =>
      searchStations(app.readDb, request.query.q, request.query.limit, request.query.country),
  );

  app.get(
    '/reference/facilities',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['reference'],
        summary: 'The research facility register of a year',
        querystring: facilityListQuerySchema,
        response: { 200: facilityListSchema, ...problems },
      },
    },
    (request) => listFacilities(app.readDb, request.query.year),
  );
};
