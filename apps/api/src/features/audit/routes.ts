import { can } from '@co2-calculator/domain';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import { principalOf } from '../../platform/auth/guard.js';
import { sendCsvStream } from '../../platform/csv/safe-csv.js';
import { HttpProblem, notFound, problemSchema } from '../../platform/http/problem.js';
import {
  auditIdParamsSchema,
  auditListQuerySchema,
  auditListSchema,
  auditRecordSchema,
  type AuditRecord,
  auditVerificationSchema,
} from './contract.js';
import {
  auditFilters,
  auditRecordsNewestFirst,
  selectAuditPage,
  selectAuditRecord,
} from './queries.js';

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const CSV_COLUMNS = [
  'id',
  'occurredAt',
  'actorLabel',
  'action',
  'outcome',
  'targetType',
  'targetId',
  'ip',
  'requestId',
  'before',
  'after',
  'details',
] as const;

/** The audit log for administrators: who did what, when, from where, with before and after. */
/** The export's rows: every matching record, its JSON cells as JSON text. */
async function* csvRows(records: AsyncIterable<AuditRecord>) {
  for await (const record of records) {
    yield {
      ...record,
      before: record.before === null ? '' : JSON.stringify(record.before),
      after: record.after === null ? '' : JSON.stringify(record.after),
      details: record.details === null ? '' : JSON.stringify(record.details),
    };
  }
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: { resource: 'audit', action: 'view' } },
      schema: {
        tags: ['audit'],
        summary: 'Audit records, newest first, filtered; `format=csv` exports all that match',
        querystring: auditListQuerySchema,
        response: { 200: auditListSchema, ...problems },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const where = auditFilters(query);
      if (query.format === 'csv') {
        if (!can(principalOf(request).permissions, 'export', 'audit')) {
          throw new HttpProblem({ status: 403, detail: 'This needs permission to export audit.' });
        }
        return sendCsvStream(
          reply as FastifyReply,
          'audit-log.csv',
          csvRows(auditRecordsNewestFirst(app.db, where)),
          [...CSV_COLUMNS],
        );
      }
      const { records, total } = await selectAuditPage(app.db, where, {
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { items: records, total, page: query.page, pageSize: query.pageSize };
    },
  );

  app.get(
    '/audit/verify',
    {
      config: { access: { resource: 'audit', action: 'view' } },
      schema: {
        tags: ['audit'],
        summary: 'Check the hash chain of the whole log: any changed, inserted or removed record',
        response: { 200: auditVerificationSchema, ...problems },
      },
    },
    async () => {
      const result = await verifyAuditChain(app.db);
      return {
        valid: result.ok,
        checked: result.checked,
        firstBrokenId: result.firstBrokenId ?? null,
        reason: result.reason ?? null,
      };
    },
  );

  app.get(
    '/audit/:id',
    {
      config: { access: { resource: 'audit', action: 'view' } },
      schema: {
        tags: ['audit'],
        summary: 'One audit record, with its before and after',
        params: auditIdParamsSchema,
        response: { 200: auditRecordSchema, ...problems, 404: problemSchema },
      },
    },
    async (request) => {
      const record = await selectAuditRecord(app.db, request.params.id);
      if (!record) throw notFound(`Audit record ${request.params.id} does not exist.`);
      return record;
    },
  );
};
