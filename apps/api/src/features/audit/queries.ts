import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/table.js';
import type { Database } from '../../platform/db/database.js';
import { escapeLike } from '../../platform/http/list.js';
import type { AuditListQuery, AuditRecord } from './contract.js';

type AuditRow = typeof auditLog.$inferSelect;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date without a time (`2026-11-22`) means up to the end of that day (UTC). */
function upperBound(to: string): SQL {
  return DATE_ONLY.test(to)
    ? lt(auditLog.occurredAt, new Date(Date.parse(to) + 86_400_000))
    : lte(auditLog.occurredAt, new Date(to));
}

export function auditFilters(query: AuditListQuery): SQL | undefined {
  return and(
    query.actor === undefined
      ? undefined
      : sql`${auditLog.actorLabel} ilike ${`%${escapeLike(query.actor)}%`}`,
    query.action === undefined ? undefined : eq(auditLog.action, query.action),
    query.targetType === undefined ? undefined : eq(auditLog.targetType, query.targetType),
    query.targetId === undefined ? undefined : eq(auditLog.targetId, query.targetId),
    query.from === undefined ? undefined : gte(auditLog.occurredAt, new Date(query.from)),
    query.to === undefined ? undefined : upperBound(query.to),
  );
}

export function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    outcome: row.outcome,
    targetType: row.targetType,
    targetId: row.targetId,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    before: row.before ?? null,
    after: row.after ?? null,
    details: row.details ?? null,
  };
}

/** Newest first; `limit` undefined: every matching record (exports). */
export async function selectAuditPage(
  db: Database,
  where: SQL | undefined,
  page: { limit?: number; offset: number },
) {
  const query = db
    .select({ row: auditLog, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .offset(page.offset);
  const rows = page.limit === undefined ? await query : await query.limit(page.limit);
  return { records: rows.map((r) => toRecord(r.row)), total: rows[0]?.total ?? 0 };
}

export async function selectAuditRecord(db: Database, id: number) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.id, id));
  return row && toRecord(row);
}

/** Records per query of an export: its memory, whatever the size of the log. */
export const AUDIT_EXPORT_BATCH = 1_000;

/**
 * Every record `where` matches, newest first, read a batch at a time by id (each batch starts
 * below the last id read, so a record written meanwhile neither repeats nor shifts a page).
 */
export async function* auditRecordsNewestFirst(
  db: Database,
  where: SQL | undefined,
  batch = AUDIT_EXPORT_BATCH,
): AsyncGenerator<AuditRecord> {
  let below: number | undefined;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(where, below === undefined ? undefined : lt(auditLog.id, below)))
      .orderBy(desc(auditLog.id))
      .limit(batch);
    for (const row of rows) yield toRecord(row);
    if (rows.length < batch) return;
    below = rows.at(-1)!.id;
  }
}
