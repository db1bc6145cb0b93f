import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/**
 * Append-only record of every write and every authentication event. Rows are chained: each
 * `hash` covers the row and the previous row's hash, so a rewritten, inserted or deleted row
 * breaks the chain from there on (see verify.ts). A trigger refuses UPDATE, DELETE, TRUNCATE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    /** Gapless and in chain order: assigned under the chain lock, not by a sequence. */
    id: bigint('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    /** No foreign key: the record outlives the account. */
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    outcome: text('outcome').$type<AuditOutcome>().notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    details: jsonb('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_occurred_idx').on(t.occurredAt),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_action_idx').on(t.action),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);
