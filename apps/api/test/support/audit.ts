import { asc } from 'drizzle-orm';
import { auditLog } from '../../src/platform/audit/table.js';
import type { Database } from '../../src/platform/db/database.js';

/** The audit rows written since `afterId`, oldest first. */
export async function auditRowsAfter(db: Database, afterId = 0) {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  return rows.filter((row) => row.id > afterId);
}

export async function lastAuditId(db: Database): Promise<number> {
  const rows = await db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id));
  return rows.at(-1)?.id ?? 0;
}
