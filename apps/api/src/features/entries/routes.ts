import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext, principalOf } from '../../platform/auth/guard.js';
import { sendCsv } from '../../platform/csv/safe-csv.js';
import { problemSchema } from '../../platform/http/problem.js';
import type { CalculationContexts } from './calculation-context.js';
import {
  calculationDataPathSchema,
  calculationDataQuerySchema,
  calculationDataSchema,
  entryBodySchema,
  entryExportQuerySchema,
  entryIdPathSchema,
  entryListQuerySchema,
  entryListSchema,
  entryPathSchema,
  entrySchema,
} from './contract.js';
import { exportEntries } from './export.js';
import { createEntry, deleteEntry, listEntries, updateEntry } from './service.js';

const BASE = '/units/:unitId/years/:year/modules/:module/entries';
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeProblems = { ...problems, 409: problemSchema };
// Anyone who may act on some module rows somewhere passes the guard; the service decides for
// this unit and module (own rows of standard users, read-only feeds, validated modules).
const viewRows = [
  { resource: 'entries', action: 'view' },
  { resource: 'entries.professional-travel', action: 'view' },
  { resource: 'entries.external-cloud-ai', action: 'view' },
] as const;
const editRows = viewRows.map((rule) => ({ ...rule, action: 'edit' as const }));

export const entriesRoutes: FastifyPluginAsyncZod<{ contexts: CalculationContexts }> = async (
  app,
  options,
) => {
  const deps = { db: app.db, contexts: options.contexts, changes: app.changes };

  app.get(
    '/years/:year/calculation-data',
    {
      // The same rights as writing rows: whoever may add a row may preview its emissions.
      config: { access: editRows },
      schema: {
        tags: ['entries'],
        summary:
          'Factors and reference data of a sub-module’s calculation, for previews in the browser',
        params: calculationDataPathSchema,
        querystring: calculationDataQuerySchema,
        response: { 200: calculationDataSchema, ...problems },
      },
    },
    (request) => options.contexts.browserData(request.params.year, request.query.subModule),
  );

  app.get(
    `${BASE}.csv`,
    {
      config: { access: { resource: 'entries', action: 'export' } },
      schema: {
        tags: ['entries'],
        summary:
          'A sub-module’s rows as CSV: its template’s columns, then the emission, flags and source',
        params: entryPathSchema,
        querystring: entryExportQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string(), ...problems },
      },
    },
    async (request, reply) => {
      const { filename, rows, columns } = await exportEntries(
        app.db,
        principalOf(request),
        request.params,
        request.query.subModule,
      );
      return sendCsv(reply, filename, rows, columns);
    },
  );

  app.get(
    BASE,
    {
      config: { access: [...viewRows] },
      schema: {
        tags: ['entries'],
        summary: 'The rows of a module of a unit’s year (standard users: their own)',
        params: entryPathSchema,
        querystring: entryListQuerySchema,
        response: { 200: entryListSchema, ...problems },
      },
    },
    (request) => listEntries(deps, principalOf(request), request.params, request.query),
  );

  app.post(
    BASE,
    {
      config: { access: editRows },
      schema: {
        tags: ['entries'],
        summary: 'Add a row; the response carries its computed emissions',
        params: entryPathSchema,
        body: entryBodySchema,
        response: { 201: entrySchema, ...writeProblems },
      },
    },
    async (request, reply) => {
      const entry = await createEntry(
        deps,
        principalOf(request),
        request.params,
        request.body,
        auditContext(request),
      );
      return reply.code(201).send(entry);
    },
  );

  app.put(
    `${BASE}/:entryId`,
    {
      config: { access: editRows },
      schema: {
        tags: ['entries'],
        summary: 'Replace a row; emissions and sums are recomputed',
        params: entryIdPathSchema,
        body: entryBodySchema,
        response: { 200: entrySchema, ...writeProblems },
      },
    },
    (request) =>
      updateEntry(deps, principalOf(request), request.params, request.body, auditContext(request)),
  );

  app.delete(
    `${BASE}/:entryId`,
    {
      config: { access: editRows },
      schema: {
        tags: ['entries'],
        summary: 'Delete a row',
        params: entryIdPathSchema,
        response: { 204: z.undefined(), ...writeProblems },
      },
    },
    async (request, reply) => {
      await deleteEntry(deps, principalOf(request), request.params, auditContext(request));
      return reply.code(204).send();
    },
  );
};
