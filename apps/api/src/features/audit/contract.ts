import { z } from 'zod';
import { listOf, MAX_PAGE_SIZE } from '../../platform/http/list.js';

// Kept as text: a date alone (`2026-11-22`) and a date-time mean different upper bounds.
const dateOrTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'must be an ISO date or date-time')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real date');

export const auditListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('Page number, from 1'),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  actor: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Text in the actor’s label (their e-mail), case-insensitive'),
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('Exact action, e.g. `roles.changed`'),
  targetType: z.string().trim().min(1).max(100).optional(),
  targetId: z.string().trim().min(1).max(200).optional(),
  from: dateOrTime.optional().describe('From this date or time (inclusive)'),
  to: dateOrTime.optional().describe('Up to this time; a date alone includes that whole day (UTC)'),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .describe('`csv`: every matching record as a download (needs the export permission)'),
});

export const auditRecordSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime(),
    actorId: z.string().nullable(),
    actorLabel: z.string().nullable(),
    action: z.string(),
    outcome: z.enum(['success', 'failure', 'denied']),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    details: z.unknown(),
  })
  .meta({ id: 'AuditRecord' });

export const auditListSchema = listOf(auditRecordSchema).meta({ id: 'AuditList' });

export const auditIdParamsSchema = z.object({ id: z.coerce.number().int().min(1) });

export const auditVerificationSchema = z
  .object({
    valid: z.boolean(),
    checked: z.number().int().describe('Records checked, from the first'),
    firstBrokenId: z.number().int().nullable(),
    reason: z
      .enum(['hash-mismatch', 'link-mismatch', 'gap'])
      .nullable()
      .describe('A record changed, a link to its predecessor broken, or a record missing'),
  })
  .meta({ id: 'AuditVerification' });

export type AuditListQuery = z.infer<typeof auditListQuerySchema>;
export type AuditRecord = z.infer<typeof auditRecordSchema>;
