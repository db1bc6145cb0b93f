import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { configure } from 'safe-stable-stringify';
import type { Database } from '../db/database.js';
import { type AuditOutcome, auditLog } from './table.js';

/** Any constant shared by every process; it names the lock that keeps the chain linear. */
const AUDIT_CHAIN_LOCK_KEY = 4_242_003;

/** The first row's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

export type { AuditOutcome };

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  actorId?: string | null;
  actorLabel?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: unknown;
}

const canonical = configure({ deterministic: true, bigint: true });

/** The fields the hash covers, in a fixed form that survives a round trip through jsonb. */
export function chainHash(
  prevHash: string,
  row: AuditEntry & { id: number; occurredAt: Date },
): string {
  const content = canonical([
    row.id,
    row.occurredAt.toISOString(),
    row.action,
    row.outcome,
    row.actorId ?? null,
    row.actorLabel ?? null,
    row.targetType ?? null,
    row.targetId ?? null,
    row.ip ?? null,
    row.userAgent ?? null,
    row.requestId ?? null,
    row.before ?? null,
    row.after ?? null,
    row.details ?? null,
  ]);
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(content ?? '')
    .digest('hex');
}

/**
 * Appends one row. Inside the caller's transaction when given one, so the record commits or
 * rolls back with the change it describes. Writers queue on a transaction-level advisory
 * lock: the chain is one line.
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  const write = async (tx: Database) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
    const [last] = await tx
      .select({ id: auditLog.id, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    // Milliseconds: what both the column and JavaScript dates keep, so the hash re-computes.
    const occurredAt = new Date(Math.floor(Date.now()));
    const id = (last?.id ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = chainHash(prevHash, { ...entry, id, occurredAt });
    await tx.insert(auditLog).values({
      id,
      occurredAt,
      action: entry.action,
      outcome: entry.outcome,
      actorId: entry.actorId ?? null,
      actorLabel: entry.actorLabel ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent ?? null,
      requestId: entry.requestId ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      details: entry.details ?? null,
      prevHash,
      hash,
    });
  };
  // A nested transaction is a savepoint: the caller's transaction keeps the lock until it ends.
  await db.transaction(write as (tx: unknown) => Promise<void>);
}
