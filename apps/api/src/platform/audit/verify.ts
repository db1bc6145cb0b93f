import { asc, gt } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { chainHash, GENESIS_HASH } from './record.js';
import { auditLog } from './table.js';

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first row whose content, hash or link does not match, when `ok` is false. */
  firstBrokenId?: number;
  reason?: 'hash-mismatch' | 'link-mismatch' | 'gap';
}

const BATCH = 2_000;

/** Walks the whole chain in id order, recomputing every hash, a batch at a time. */
export async function verifyAuditChain(db: Database): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, expectedId - 1))
      .orderBy(asc(auditLog.id))
      .limit(BATCH);
    for (const row of rows) {
      if (row.id !== expectedId)
        return { ok: false, checked, firstBrokenId: expectedId, reason: 'gap' };
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, firstBrokenId: row.id, reason: 'link-mismatch' };
      }
      if (chainHash(prevHash, row) !== row.hash) {
        return { ok: false, checked, firstBrokenId: row.id, reason: 'hash-mismatch' };
      }
      prevHash = row.hash;
      expectedId += 1;
      checked += 1;
    }
    if (rows.length < BATCH) return { ok: true, checked };
  }
}
